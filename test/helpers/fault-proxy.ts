// A small Toxiproxy-like TCP proxy for chaos tests: put it between the app and PostgreSQL and switch
// the "network" between healthy, refused, hung, reset and slow at run time.
//
// Mode semantics (new connections / existing connections):
//   pass       forward bytes both ways                        / keep forwarding
//   refuse     real ECONNREFUSED: the listening socket is      / RST (clients see ECONNRESET)
//              closed, and re-opened on the SAME port when
//              leaving "refuse"
//   blackhole  accepted, never answered (data swallowed)       / stop forwarding, swallow data
//   reset      accepted, then RST immediately                  / RST
//   {latencyMs} forward, every chunk delayed by latencyMs in each direction, order preserved
//
// A connection that lost bytes (or was accepted) during "blackhole" can never be in sync with the
// server again, so it is reset when the proxy leaves "blackhole" — like a TCP connection whose peer
// timed out during a long partition. Connections idle during the blackhole keep working.

import net from "node:net";

export type FaultMode = "pass" | "refuse" | "blackhole" | "reset" | { latencyMs: number };

export interface FlapOptions {
  /** Time spent in "pass" per cycle. */
  upMs: number;
  /** Time spent in downMode per cycle. */
  downMs: number;
  /** Mode used while "down" (default "refuse"). */
  downMode?: Exclude<FaultMode, "pass">;
  /** Number of down→up cycles. */
  cycles: number;
}

export interface FlapResult {
  /** Cycles fully completed. */
  cycles: number;
  /** True if setMode()/another flap()/close() interrupted the schedule. */
  cancelled: boolean;
}

export interface FaultProxyStats {
  /** TCP connections accepted by the proxy (in any mode). */
  accepted: number;
  /** Connections currently open on the client side. */
  active: number;
  /**
   * Existing connections torn down (RST) because the proxy switched to "refuse". Connection attempts
   * the kernel refuses while the listener is closed never reach us and are not counted.
   */
  refused: number;
  /** Connections RST because of "reset" mode (existing ones at the switch, and new ones). */
  reset: number;
  /** Connections accepted while in "blackhole" mode. */
  blackholed: number;
  /** Connections RST because they lost bytes during a blackhole (on leaving "blackhole"). */
  poisoned: number;
  /** Upstream (PostgreSQL) connect/socket errors; the client side is RST in response. */
  upstreamErrors: number;
  /** Number of mode changes so far (including flap transitions). */
  modeChanges: number;
}

export interface FaultProxy {
  readonly host: string;
  readonly port: number;
  /** Rewrite a postgres URL's host:port to point at the proxy. */
  url(base: string): string;
  /** Current mode. */
  readonly mode: FaultMode;
  /** Switch mode; resolves once the listener is closed/re-opened as needed. Cancels a running flap(). */
  setMode(mode: FaultMode): Promise<void>;
  /**
   * An ambiguous commit, once: the next COMMIT a client sends reaches the server, whose answer is
   * swallowed; 100 ms later the connection is reset. Resolves then.
   */
  loseNextCommitReply(): Promise<void>;
  /** Alternate downMode/pass on a timer schedule (down first, ends in "pass"). */
  flap(options: FlapOptions): Promise<FlapResult>;
  readonly stats: Readonly<FaultProxyStats>;
  /** Stop listening, destroy every connection and timer. */
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  targetHost: string;
  targetPort: number;
}

type Direction = "toUpstream" | "toClient";

/** Chunks waiting for their delivery time; one timer per queue keeps the order intact. */
interface DelayQueue {
  items: Array<{ at: number; chunk: Buffer | "end" }>;
  lastAt: number;
  timer: NodeJS.Timeout | undefined;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket | undefined;
  /** Bytes were dropped: the PostgreSQL protocol stream is broken for good. */
  poisoned: boolean;
  /** The server's replies on this link are swallowed (see loseNextCommitReply). */
  isReplyLost?: boolean;
  queues: Record<Direction, DelayQueue>;
}

const HOST = "127.0.0.1";

/** Close with RST (SO_LINGER 0) instead of FIN, so the peer sees ECONNRESET. */
function resetSocket(socket: net.Socket | undefined): void {
  if (!socket || socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

function latencyOf(mode: FaultMode): number {
  return typeof mode === "object" ? Math.max(0, mode.latencyMs) : 0;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const links = new Set<Link>();
  const stats: FaultProxyStats = {
    accepted: 0,
    active: 0,
    refused: 0,
    reset: 0,
    blackholed: 0,
    poisoned: 0,
    upstreamErrors: 0,
    modeChanges: 0,
  };
  let mode: FaultMode = "pass";
  let port = 0;
  let server: net.Server | undefined;
  let closed = false;
  let flapCancel: (() => void) | undefined;

  // ---- listener -------------------------------------------------------------------------------

  /** (Re-)open the listener; after "refuse" it binds the SAME port again (Node sets SO_REUSEADDR). */
  function listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const srv = net.createServer({ allowHalfOpen: true }, onConnection);
      // EADDRINUSE here means somebody took our port while we were refusing; nothing to fall back to.
      srv.once("error", reject);
      srv.listen(port, HOST, () => {
        srv.off("error", reject);
        srv.on("error", () => {}); // later accept errors are not interesting here
        port = (srv.address() as net.AddressInfo).port;
        server = srv;
        resolve();
      });
    });
  }

  // listen() is asynchronous (Node resolves the host first), so opening and closing the listener are
  // serialised; otherwise a quick pass→refuse could close a server that only starts listening later.
  let listenerChain: Promise<void> = Promise.resolve();
  function setListening(want: boolean): Promise<void> {
    const op = listenerChain.then(async () => {
      if (want && !server) await listen();
      // Closing the listening socket makes the kernel answer SYNs with RST: a genuine ECONNREFUSED.
      if (!want && server) {
        server.close();
        server = undefined;
      }
    });
    listenerChain = op.catch(() => {});
    return op;
  }

  // ---- forwarding -----------------------------------------------------------------------------

  let commitWatch: { resolve: () => void } | undefined;

  function newQueue(): DelayQueue {
    return { items: [], lastAt: 0, timer: undefined };
  }

  function target(link: Link, direction: Direction): net.Socket | undefined {
    return direction === "toUpstream" ? link.upstream : link.client;
  }

  function deliver(link: Link, direction: Direction, chunk: Buffer | "end"): void {
    if (link.isReplyLost && direction === "toClient") return;
    if (direction === "toUpstream" && commitWatch && chunk !== "end" && chunk.includes("COMMIT")) {
      link.isReplyLost = true;
      const { resolve } = commitWatch;
      commitWatch = undefined;
      // The server gets time to commit; then the connection breaks, its answer never delivered.
      setTimeout(() => {
        dispose(link, "reset");
        resolve();
      }, 100);
    }
    if (mode === "blackhole") {
      // Swallow: the peer never hears from us. A lost FIN/data chunk breaks the stream for good.
      link.poisoned = true;
      return;
    }
    const dst = target(link, direction);
    if (!dst || dst.destroyed) return;
    if (chunk === "end") dst.end();
    else dst.write(chunk);
  }

  function drain(link: Link, direction: Direction): void {
    const queue = link.queues[direction];
    queue.timer = undefined;
    while (queue.items.length > 0) {
      const head = queue.items[0]!;
      const wait = head.at - performance.now();
      if (wait > 0) {
        // Timers may fire a little early relative to performance.now(); re-arm for the remainder
        // so every chunk is delayed by at least the configured latency.
        queue.timer = setTimeout(() => drain(link, direction), Math.ceil(wait));
        return;
      }
      queue.items.shift();
      deliver(link, direction, head.chunk);
    }
  }

  function forward(link: Link, direction: Direction, chunk: Buffer | "end"): void {
    const queue = link.queues[direction];
    const latency = latencyOf(mode);
    // Fast path; but once anything is queued, everything queues behind it to keep the byte order.
    if (latency === 0 && queue.items.length === 0) {
      deliver(link, direction, chunk);
      return;
    }
    const at = Math.max(performance.now() + latency, queue.lastAt);
    queue.lastAt = at;
    queue.items.push({ at, chunk });
    if (!queue.timer) queue.timer = setTimeout(() => drain(link, direction), Math.ceil(latency));
  }

  function dispose(link: Link, how: "reset" | "destroy"): void {
    for (const queue of Object.values(link.queues)) {
      clearTimeout(queue.timer);
      queue.items = [];
    }
    if (how === "reset") {
      resetSocket(link.client);
      resetSocket(link.upstream);
    } else {
      link.client.destroy();
      link.upstream?.destroy();
    }
    if (links.delete(link)) stats.active--;
  }

  function connectUpstream(link: Link): void {
    const upstream = net.connect({ host: options.targetHost, port: options.targetPort, allowHalfOpen: true });
    upstream.setNoDelay(true);
    link.upstream = upstream;
    upstream.on("data", (chunk: Buffer) => forward(link, "toClient", chunk));
    upstream.on("end", () => forward(link, "toClient", "end"));
    upstream.on("error", () => {
      // PostgreSQL down or the connection broke: the client must notice too (it was already accepted,
      // so the best we can give it is a reset).
      stats.upstreamErrors++;
      dispose(link, "reset");
    });
    upstream.on("close", () => {
      // Closed without our doing and without a FIN to relay (e.g. destroyed): drop the client too,
      // unless we are swallowing everything anyway.
      if (!upstream.readableEnded && mode !== "blackhole") dispose(link, "reset");
    });
  }

  function onConnection(client: net.Socket): void {
    stats.accepted++;
    stats.active++;
    client.setNoDelay(true);
    const link: Link = {
      client,
      upstream: undefined,
      poisoned: false,
      queues: { toUpstream: newQueue(), toClient: newQueue() },
    };
    links.add(link);
    client.on("error", () => {}); // ECONNRESET etc. from the app side are expected in chaos tests
    client.on("close", () => dispose(link, "destroy"));
    client.on("data", (chunk: Buffer) => forward(link, "toUpstream", chunk));
    client.on("end", () => {
      // The app hung up. During a blackhole there is nobody to tell; just drop the connection.
      if (mode === "blackhole" || !link.upstream) dispose(link, "destroy");
      else forward(link, "toUpstream", "end");
    });

    switch (mode) {
      case "refuse": // raced with closing the listener
        stats.refused++;
        dispose(link, "reset");
        return;
      case "reset":
        stats.reset++;
        dispose(link, "reset");
        return;
      case "blackhole":
        // No upstream at all: the server "hangs" before even answering the startup packet.
        stats.blackholed++;
        link.poisoned = true;
        return;
      default:
        connectUpstream(link);
    }
  }

  // ---- modes ----------------------------------------------------------------------------------

  async function applyMode(next: FaultMode): Promise<void> {
    if (closed) throw new Error("fault proxy is closed");
    const previous = mode;
    mode = next;
    stats.modeChanges++;

    if (next === "refuse") {
      const closing = setListening(false);
      for (const link of [...links]) {
        stats.refused++;
        dispose(link, "reset");
      }
      return closing;
    }
    if (next === "reset") {
      for (const link of [...links]) {
        stats.reset++;
        dispose(link, "reset");
      }
    }
    if (previous === "blackhole" && next !== "blackhole") {
      for (const link of [...links]) {
        if (link.poisoned) {
          stats.poisoned++;
          dispose(link, "reset");
        }
      }
    }
    await setListening(true);
  }

  function cancelFlap(): void {
    const cancel = flapCancel;
    flapCancel = undefined;
    cancel?.();
  }

  async function flap({ upMs, downMs, downMode = "refuse", cycles }: FlapOptions): Promise<FlapResult> {
    cancelFlap();
    let cancelled = false;
    let wake: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const cancel = () => {
      cancelled = true;
      clearTimeout(timer);
      wake?.();
    };
    flapCancel = cancel;
    // Timer-driven phases; a cancel resolves the current wait immediately.
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        if (cancelled) return resolve(); // cancelled while a mode switch was still being applied
        wake = resolve;
        timer = setTimeout(resolve, ms);
      });

    let done = 0;
    try {
      for (let i = 0; i < cycles && !cancelled; i++) {
        await applyMode(downMode);
        await wait(downMs);
        if (cancelled) break;
        await applyMode("pass");
        await wait(upMs);
        if (!cancelled) done++;
      }
    } finally {
      if (flapCancel === cancel) flapCancel = undefined;
    }
    return { cycles: done, cancelled };
  }

  await setListening(true);

  return {
    host: HOST,
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    get stats() {
      return stats;
    },
    url(base: string): string {
      const url = new URL(base);
      url.hostname = HOST;
      url.port = String(port);
      // A ?host=/socket/dir parameter would make pg bypass the proxy entirely.
      if (url.searchParams.has("host")) url.searchParams.delete("host");
      return url.toString();
    },
    setMode(next: FaultMode): Promise<void> {
      cancelFlap();
      return applyMode(next);
    },
    loseNextCommitReply(): Promise<void> {
      return new Promise((resolve) => (commitWatch = { resolve }));
    },
    flap,
    async close(): Promise<void> {
      if (closed) return;
      cancelFlap();
      closed = true;
      for (const link of [...links]) dispose(link, "destroy");
      await setListening(false);
    },
  };
}
