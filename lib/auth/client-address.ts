import "server-only";
import { env } from "@/lib/env";

// The header scripts/start.mjs sets on every request from the TCP socket's own address,
// overwriting whatever a client sent under that name.
export const SOCKET_ADDRESS_HEADER = "x-hrms-socket-address";

// The client's address for throttling and the sessions list. A client can write anything into
// X-Forwarded-For, so only the entries appended by the configured number of trusted proxies
// count: with TRUSTED_PROXY_HOPS=N the client is the N-th entry from the right. With 0 (no proxy)
// it is the socket's address, known only when the app runs through `npm start`.
export function clientAddress(headers: Headers): string | null {
  const settings = env();
  const hops = settings.TRUSTED_PROXY_HOPS;
  if (hops === 0) return settings.START_NODE_ENV === undefined ? null : clean(headers.get(SOCKET_ADDRESS_HEADER));
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain.length >= hops ? clean(chain[chain.length - hops]) : null;
}

function clean(address: string | null | undefined): string | null {
  if (!address || address.length > 64 || !/^[0-9a-fA-F.:]+$/.test(address)) return null;
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
