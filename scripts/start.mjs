// `npm start`: serves the production build with `next start`, with two things Next leaves out.
// - Next sets NODE_ENV=production when it is unset, which would make a laptop's `npm install &&
//   npm start` look like a production install (no demo data, a session secret required). The
//   NODE_ENV the operator gave is recorded first, so lib/env.ts can tell the two apart.
// - Route handlers never see the TCP peer's address (Next only fills X-Forwarded-For from it when
//   the client sent none). Every request gets it in its own header, overwriting a client's, for
//   lib/auth/client-address.ts.
import http from "node:http";

const SOCKET_ADDRESS_HEADER = "x-hrms-socket-address";

process.env.START_NODE_ENV ??= process.env.NODE_ENV ?? "";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
  if (event === "request" && request?.headers) request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
  return emit.call(this, event, request, ...rest);
};

process.argv = [process.argv[0], "next", "start", ...process.argv.slice(2)];
await import("next/dist/bin/next");
