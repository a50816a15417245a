import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import Database from "better-sqlite3";

// One SQLite file, one writing process. A second app server, or a migration run while the server
// runs, would otherwise fight over the file's locks and fail with whatever the engine says
// ("unknown variant SocketTimeout" from the schema engine). The claim is an exclusive lock on a
// small file beside the database: the operating system releases it when the process ends, however
// it ends, so a crash never leaves the file claimed. Who holds it is written next to it, for the
// sentence the next claimant gets.
export type FileClaim = { release: () => void };

type Holder = { lock: Database.Database; count: number; infoFile: string };

const HOLDERS = Symbol.for("hrms.db.fileOwners");

function holders(): Map<string, Holder> {
  const registry = globalThis as { [HOLDERS]?: Map<string, Holder> };
  registry[HOLDERS] ??= new Map();
  return registry[HOLDERS];
}

export class SqliteFileInUseError extends Error {
  readonly code = "sqlite_in_use";
}

function describeOwner(infoFile: string): string {
  try {
    const owner = JSON.parse(readFileSync(infoFile, "utf8")) as { role: string; pid: number; host: string; since: string };
    return `${owner.role} (pid ${owner.pid} on ${owner.host}, since ${owner.since})`;
  } catch {
    return "another process";
  }
}

// Claims `file` for this process; claims by the same process nest (the migration step and the data
// layer of one `npm start` step both hold it).
export function claimFile(file: string, role: string): FileClaim {
  const existing = holders().get(file);
  const release = () => {
    const holder = holders().get(file);
    if (!holder || --holder.count > 0) return;
    holders().delete(file);
    holder.lock.close();
    rmSync(holder.infoFile, { force: true });
  };
  if (existing) {
    existing.count += 1;
    return { release };
  }
  const lockFile = `${file}-owner`;
  const infoFile = `${file}-owner.json`;
  // A first start: the database's folder (./data) does not exist yet.
  mkdirSync(dirname(file), { recursive: true });
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // The first write takes the exclusive lock, which EXCLUSIVE locking mode keeps until close.
    lock.exec("CREATE TABLE IF NOT EXISTS claim (k INTEGER PRIMARY KEY); INSERT OR REPLACE INTO claim (k) VALUES (1);");
  } catch (error) {
    lock.close();
    if (!/SQLITE_BUSY|database is locked/i.test(String((error as { code?: string }).code ?? error))) throw error;
    throw new SqliteFileInUseError(
      `The SQLite file ${file} is in use by ${describeOwner(infoFile)}. One file has one writer: stop that process first, or give this one its own SQLITE_PATH.`,
    );
  }
  writeFileSync(infoFile, JSON.stringify({ role, pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  holders().set(file, { lock, count: 1, infoFile });
  return { release };
}
