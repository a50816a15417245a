// Throwaway PostgreSQL clusters for integration and chaos tests.
//
// Every cluster gets its own temp directory, data directory, unix-socket directory and TCP port on
// 127.0.0.1, so tests never touch the machine's own PostgreSQL. The postmaster runs as a direct child
// of this process (no pg_ctl daemonizing) so that we always hold its real PID and can stop, crash
// (SIGKILL) and restart it at will.
//
// Linux-only: kill() and the exit handler find backends through /proc.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PgClusterOptions {
  /** Database created after the first start (default "hrms"); `url` points at it. */
  database?: string;
  /** Upper bound for initdb + first start + readiness, and for every start() (default 30 s). */
  readyTimeoutMs?: number;
  /** Extra `-c name=value` server settings, e.g. `{ statement_timeout: "5s" }`. */
  settings?: Record<string, string | number>;
  /**
   * Parent of the cluster's temp directory (default os.tmpdir(), which honours $TMPDIR). On this VM a
   * tmpfs such as /dev/shm makes initdb ~2.5x faster than the disk-backed /tmp.
   */
  baseDir?: string;
  /** Echo the server log to this process's stderr (default: only kept in memory, see logTail()). */
  log?: boolean;
}

export interface PgCluster {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PID of the current postmaster; undefined while the cluster is stopped or killed. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Wall-clock time startPostgresCluster() took (initdb + start + readiness + create database). */
  readonly startupMs: number;
  /** Graceful stop: SIGINT ("fast" shutdown) and wait until the postmaster has exited. */
  stop(): Promise<void>;
  /** Start again on the same port and data directory; resolves once connections are accepted. */
  start(): Promise<void>;
  /** Crash: SIGKILL the postmaster and all its children (backends would otherwise survive). */
  kill(): Promise<void>;
  /** `pg_ctl stop -m immediate`: every backend quits at once, telling its client so; no checkpoint. */
  stopImmediate(): Promise<void>;
  /** stop() then start(). */
  restart(): Promise<void>;
  /** CREATE DATABASE and return its URL. */
  createDatabase(name: string): Promise<string>;
  /** URL of another database on this cluster (no creation). */
  urlFor(database: string): string;
  /** The last part of the server log, for assertion messages. */
  logTail(): string;
  /** Stop everything and remove the temp directory. Idempotent. */
  destroy(): Promise<void>;
}

const NOT_FOUND_MESSAGE = "PostgreSQL server binaries not found (initdb/postgres): install Debian's postgresql package or set PG_BIN";

const HOST = "127.0.0.1";
const LOG_LIMIT = 64 * 1024;

/**
 * Directory holding the `postgres` and `initdb` server binaries: $PG_BIN, else `pg_config --bindir`,
 * else the highest /usr/lib/postgresql/<version>/bin. Wrappers/symlinks in /usr/local/bin are never
 * chosen because that directory has no `postgres` next to `initdb`.
 */
export function findPgBinDir(env: Record<string, string | undefined> = process.env): string {
  const hasServer = (dir: string) =>
    ["postgres", "initdb"].every((name) => {
      try {
        fs.accessSync(path.join(dir, name), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });

  // An explicit PG_BIN is a decision, not a hint: do not silently fall back to something else.
  if (env.PG_BIN) {
    if (hasServer(env.PG_BIN)) return env.PG_BIN;
    throw new Error(NOT_FOUND_MESSAGE);
  }

  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (dir && hasServer(dir)) return dir;
  } catch {
    // pg_config missing (or from a client-only package): try the Debian layout below.
  }

  const root = "/usr/lib/postgresql";
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root);
  } catch {
    // no Debian packages at all
  }
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of versions) {
    const dir = path.join(root, version, "bin");
    if (hasServer(dir)) return dir;
  }
  throw new Error(NOT_FOUND_MESSAGE);
}

/**
 * initdb and postgres refuse to run as root. As root we start them with the uid/gid of the `postgres`
 * system user via spawn()'s uid/gid options. (`runuser -u postgres --` also works for initdb, but it
 * stays around as a "watching parent" for the PAM session, so the PID we would hold for the server
 * would be runuser's, not the postmaster's.)
 */
function serverIdentity(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
  } catch {
    // fall through
  }
  throw new Error("Running as root requires a 'postgres' system user to run initdb/postgres as.");
}

/** A free TCP port on 127.0.0.1 (bind to port 0, read it, release it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// /proc helpers: the postmaster's children are what survives a SIGKILL of the postmaster itself.

interface ProcInfo {
  ppid: number;
  state: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: rest[0] ?? "?", ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

/** All descendants of `root` (children, grandchildren, ...), found by scanning /proc/<pid>/stat ppid fields. */
export function descendantPids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (!info) continue;
    const list = children.get(info.ppid) ?? [];
    list.push(Number(entry));
    children.set(info.ppid, list);
  }
  const result: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

/** True if the process no longer runs. Zombies count as gone: PID 1 in this VM may never reap them. */
export function processGone(pid: number): boolean {
  const info = readProc(pid);
  return info === undefined || info.state === "Z" || info.state === "X";
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * SIGKILL a postmaster and everything it forked. The postmaster is SIGSTOPped first so it cannot fork
 * a replacement between our /proc scan and the kill, and so its children are still its children
 * (a dead postmaster's children get reparented, and then ppid no longer identifies them).
 */
// How many processes have the SysV shared memory block `id` attached (0 once it is free or gone).
function sharedMemoryAttachments(id: number): number {
  try {
    const lines = fs.readFileSync("/proc/sysvipc/shm", "utf8").split("\n").slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // key shmid perms size cpid lpid nattch ...
      if (Number(fields[1]) === id) return Number(fields[6]);
    }
  } catch {
    // no /proc/sysvipc: nothing to wait for
  }
  return 0;
}

function killTree(pid: number): number[] {
  signal(pid, "SIGSTOP");
  const victims = descendantPids(pid);
  for (const victim of victims) signal(victim, "SIGKILL");
  signal(pid, "SIGKILL");
  return victims;
}

// ---------------------------------------------------------------------------------------------
// Clean-up when the test process exits without calling destroy().

const registryKey = Symbol.for("hrms.test.pg-cluster.registry");
type Registry = Set<PostgresCluster>;
const globalRecord = globalThis as unknown as Record<symbol, Registry | undefined>;

function registry(): Registry {
  let set = globalRecord[registryKey];
  if (!set) {
    const created: Registry = new Set();
    globalRecord[registryKey] = created;
    set = created;
    // 'exit' handlers must be synchronous: SIGKILL the process trees and remove the directories.
    process.on("exit", () => {
      for (const cluster of created) cluster.killSyncForExit();
    });
  }
  return set;
}

/**
 * A tiny shell watchdog that outlives us only to clean up: it blocks reading its stdin (a pipe from
 * this process); EOF means this process is gone, even by SIGKILL, where no 'exit' handler runs. It
 * then sends the postmaster SIGQUIT (immediate shutdown, which also ends the backends) and removes the
 * temp directory. The postmaster's cwd is its data directory, which guards against a recycled PID.
 */
const WATCHDOG_SCRIPT = `
while read -r _; do :; done
data="$1/data"
if [ -f "$data/postmaster.pid" ]; then
  pid=$(head -n 1 "$data/postmaster.pid")
  if [ -n "$pid" ] && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$data" ]; then
    kill -QUIT "$pid" 2>/dev/null
    i=0
    # zombies count as exited: nobody may ever reap them here
    while [ "$i" -lt 50 ] && [ -e "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
      sleep 0.1; i=$((i+1))
    done
    kill -KILL "$pid" 2>/dev/null
  fi
fi
rm -rf "$1"
`;

function startWatchdog(dir: string): ChildProcess {
  const watchdog = spawn("sh", ["-c", WATCHDOG_SCRIPT, "pg-cluster-watchdog", dir], {
    stdio: ["pipe", "ignore", "ignore"],
    detached: true, // own process group: a Ctrl-C aimed at the test run must not trigger it early
  });
  // Never keep the test process alive just for the watchdog.
  watchdog.unref();
  (watchdog.stdin as net.Socket | null)?.unref();
  return watchdog;
}

// ---------------------------------------------------------------------------------------------

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolve when `child` exits, or false after `timeoutMs`. The timer keeps the event loop alive meanwhile. */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

class PostgresCluster implements PgCluster {
  readonly host = HOST;
  readonly dataDir: string;
  startupMs = 0;

  private child: ChildProcess | undefined;
  private log = "";
  private destroyed = false;
  private watchdog: ChildProcess | undefined;

  constructor(
    readonly dir: string,
    public port: number,
    private readonly binDir: string,
    private readonly identity: { uid: number; gid: number } | undefined,
    private readonly database: string,
    private readonly options: PgClusterOptions,
  ) {
    this.dataDir = path.join(dir, "data");
  }

  get url(): string {
    return this.urlFor(this.database);
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  urlFor(database: string): string {
    return `postgresql://postgres@${HOST}:${this.port}/${encodeURIComponent(database)}`;
  }

  logTail(): string {
    return this.log.slice(-8 * 1024);
  }

  private get sockDir(): string {
    return path.join(this.dir, "sock");
  }

  private get readyTimeoutMs(): number {
    return this.options.readyTimeoutMs ?? 30_000;
  }

  private appendLog(chunk: Buffer): void {
    this.log += chunk.toString("utf8");
    if (this.log.length > LOG_LIMIT) this.log = this.log.slice(-LOG_LIMIT / 2);
    if (this.options.log) process.stderr.write(chunk);
  }

  /** Create the temp directory layout and run initdb. */
  async init(): Promise<void> {
    fs.mkdirSync(this.sockDir);
    if (this.identity) {
      fs.chownSync(this.dir, this.identity.uid, this.identity.gid);
      fs.chownSync(this.sockDir, this.identity.uid, this.identity.gid);
    }
    this.watchdog = startWatchdog(this.dir);

    const initdb = spawn(path.join(this.binDir, "initdb"), ["-D", this.dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], {
      cwd: this.dir, // the postgres user may not be allowed into the caller's cwd
      stdio: ["ignore", "pipe", "pipe"],
      ...(this.identity ?? {}),
    });
    let output = "";
    initdb.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    initdb.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      initdb.once("error", reject);
      initdb.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output}`);
  }

  private spawnPostmaster(): ChildProcess {
    const settings: Record<string, string | number> = {
      listen_addresses: HOST,
      // fsync=off is safe for kill(): WAL and data still reach the OS page cache, which survives a
      // process crash. synchronous_commit stays ON on purpose: with "off" an acknowledged commit can
      // still sit in shared memory when kill() hits, and we measured it losing 10 of 10 freshly
      // committed rows (even a CREATE TABLE). With fsync=off the synchronous WAL write is just a
      // write(2), so it costs next to nothing. Pass settings: { synchronous_commit: "off" } to opt out.
      fsync: "off",
      synchronous_commit: "on",
      full_page_writes: "off",
      max_connections: 100,
      ...this.options.settings,
    };
    const args = ["-D", this.dataDir, "-p", String(this.port), "-k", this.sockDir];
    for (const [name, value] of Object.entries(settings)) args.push("-c", `${name}=${value}`);

    const child = spawn(path.join(this.binDir, "postgres"), args, {
      cwd: this.dir,
      stdio: ["ignore", "pipe", "pipe"],
      ...(this.identity ?? {}),
    });
    child.stdout?.on("data", (c: Buffer) => this.appendLog(c));
    child.stderr?.on("data", (c: Buffer) => this.appendLog(c));
    child.on("error", (err) => this.appendLog(Buffer.from(`spawn error: ${err.message}\n`)));
    // A forgotten cluster must not keep the test process alive; the exit handler and watchdog clean up.
    child.unref();
    (child.stdout as net.Socket | null)?.unref();
    (child.stderr as net.Socket | null)?.unref();
    return child;
  }

  /** Poll real connections until the server answers `select 1`, the postmaster dies, or the deadline passes. */
  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + this.readyTimeoutMs;
    let lastError: unknown;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`postgres exited (code ${child.exitCode}, signal ${child.signalCode}) before accepting connections:\n${this.logTail()}`);
      }
      const client = new pg.Client({
        host: HOST,
        port: this.port,
        user: "postgres",
        database: "postgres",
        connectionTimeoutMillis: 2_000,
      });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.query("select 1");
        await client.end();
        return;
      } catch (err) {
        lastError = err;
        await client.end().catch(() => {});
      }
      if (Date.now() > deadline) {
        throw new Error(`postgres on port ${this.port} not ready after ${this.readyTimeoutMs} ms (last error: ${String(lastError)}):\n${this.logTail()}`);
      }
      await delay(20); // polling interval, not synchronisation
    }
  }

  async start(): Promise<void> {
    if (this.destroyed) throw new Error("cluster was destroyed");
    if (this.running) return;
    const child = this.spawnPostmaster();
    this.child = child;
    try {
      await this.waitUntilReady(child);
    } catch (err) {
      if (this.running) killTree(child.pid!);
      await waitForExit(child, 5_000);
      throw err;
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill("SIGINT"); // "fast" shutdown: abort transactions, disconnect clients, checkpoint, exit
    if (!(await waitForExit(child, this.readyTimeoutMs))) await this.kill();
  }

  async stopImmediate(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    execFileSync(path.join(this.binDir, "pg_ctl"), ["stop", "-D", this.dataDir, "-m", "immediate", "-w", "-t", "10"], {
      stdio: "ignore",
      ...(this.identity ?? {}),
    });
    if (!(await waitForExit(child, this.readyTimeoutMs))) await this.kill();
    this.removeStaleLockFiles();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (child && this.running) {
      const victims = killTree(child.pid!);
      await waitForExit(child, 10_000);
      // Killed backends are no longer our children; poll /proc until they are really gone.
      const deadline = Date.now() + 10_000;
      while (victims.some((pid) => !processGone(pid))) {
        if (Date.now() > deadline) throw new Error(`backends still alive after SIGKILL: ${victims.filter((p) => !processGone(p))}`);
        await delay(10);
      }
      // A backend forked as the postmaster was stopped can be missing from the list above; it exits
      // on its own once it sees the postmaster gone, and until then keeps the shared memory block
      // attached, which makes the next start fail ("pre-existing shared memory block is still in
      // use"). Wait for the block to be free, as an operator's restart would.
      const shmId = this.sharedMemoryId();
      while (shmId !== null && sharedMemoryAttachments(shmId) > 0) {
        if (Date.now() > deadline) throw new Error(`PostgreSQL's shared memory block ${shmId} is still attached after SIGKILL`);
        await delay(10);
      }
    }
    this.removeStaleLockFiles();
  }

  /** The SysV shared memory id postmaster.pid records (its 7th line: key and id), if any. */
  private sharedMemoryId(): number | null {
    try {
      const line = fs.readFileSync(path.join(this.dataDir, "postmaster.pid"), "utf8").split("\n")[6] ?? "";
      const id = Number(line.trim().split(/\s+/)[1]);
      return Number.isInteger(id) ? id : null;
    } catch {
      return null;
    }
  }

  /** A SIGKILLed postmaster leaves postmaster.pid and the socket lock file behind; remove them so start() is clean. */
  private removeStaleLockFiles(): void {
    for (const file of [
      path.join(this.dataDir, "postmaster.pid"),
      path.join(this.sockDir, `.s.PGSQL.${this.port}`),
      path.join(this.sockDir, `.s.PGSQL.${this.port}.lock`),
    ]) {
      fs.rmSync(file, { force: true });
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.urlFor("postgres") });
    client.on("error", () => {});
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } finally {
      await client.end();
    }
    return this.urlFor(name);
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    const child = this.child;
    if (child && this.running) {
      // Immediate shutdown: the data is about to be deleted, so skip the shutdown checkpoint.
      child.kill("SIGQUIT");
      if (!(await waitForExit(child, 10_000))) await this.kill();
    }
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 5 });
    this.watchdog?.kill("SIGKILL");
    registry().delete(this);
  }

  /** Synchronous last resort from the process 'exit' handler. */
  killSyncForExit(): void {
    if (this.child && this.running) killTree(this.child.pid!);
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // files may still be held for a moment; the watchdog removes the directory after we are gone
    }
  }
}

/**
 * initdb a fresh cluster in a temp directory, start it on a free port on 127.0.0.1, wait until it
 * accepts connections and create the `hrms` database (or options.database).
 */
export async function startPostgresCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const started = performance.now();
  const binDir = findPgBinDir();
  const identity = serverIdentity();
  const dir = fs.mkdtempSync(path.join(options.baseDir ?? os.tmpdir(), "pg-cluster-"));
  const database = options.database ?? "hrms";

  const cluster = new PostgresCluster(dir, await freePort(), binDir, identity, database, options);
  registry().add(cluster);
  try {
    await cluster.init();
    // The port was free a moment ago but another process may grab it before postgres binds it.
    for (let attempt = 1; ; attempt++) {
      try {
        await cluster.start();
        break;
      } catch (err) {
        const portTaken = /could not (bind|create listen socket)|Address already in use/i.test(cluster.logTail());
        if (!portTaken || attempt >= 3) throw err;
        cluster.port = await freePort();
      }
    }
    await cluster.createDatabase(database);
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  cluster.startupMs = Math.round(performance.now() - started);
  return cluster;
}
