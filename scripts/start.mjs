// `npm start`: serves the production build with `next start`. Next sets NODE_ENV=production when
// it is unset, which would make a laptop's `npm install && npm start` look like a production
// install (no demo data, a session secret required). The NODE_ENV the operator gave is recorded
// first, so lib/env.ts can tell the two apart.
process.env.START_NODE_ENV ??= process.env.NODE_ENV ?? "";
process.argv = [process.argv[0], "next", "start", ...process.argv.slice(2)];
await import("next/dist/bin/next");
