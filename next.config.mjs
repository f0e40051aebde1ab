/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // Lets two checkouts' test runs build side by side without sharing one .next folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
