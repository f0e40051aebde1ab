/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
};

export default nextConfig;
