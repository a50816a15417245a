/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly packages are loaded from node_modules at run time, not bundled; pdfkit
  // reads its font metrics from its own folder.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "nodemailer",
    "pdfkit",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  // HSTS in production: browsers keep to HTTPS for two years. Browsers ignore it over plain HTTP,
  // so a laptop's http://localhost is not affected.
  async headers() {
    if (process.env.NODE_ENV !== "production") return [];
    return [{ source: "/:path*", headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] }];
  },
};

export default nextConfig;
