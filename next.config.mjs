/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // `npm start` serves the build with `next start`. For a container, build with NEXT_OUTPUT=standalone:
  // `.next/standalone/server.js` is the same server with only the files it needs (README: "Running in a
  // container"). The migrations are read at run time, so they travel with it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  outputFileTracingIncludes: { '/*': ['./db/migrations/**/*'] },
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; checking again here
  // only doubles the build time.
  typescript: { ignoreBuildErrors: true },
  // Lets two checkouts' test runs build side by side without sharing one .next folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Share links: the token is in the URL, so it must not leak through Referer, search engines or caches.
  async headers() {
    return [
      {
        source: '/s/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex' },
          { key: 'Cache-Control', value: 'private, no-store' },
        ],
      },
    ];
  },
};

export default nextConfig;
