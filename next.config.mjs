/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly packages are loaded from node_modules at run time, not bundled; pdfkit
  // reads its font metrics from its own folder.
  serverExternalPackages: ["better-sqlite3", "@prisma/schema-engine-wasm", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "nodemailer", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
