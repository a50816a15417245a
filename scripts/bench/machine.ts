// What the figures were measured on: they mean little without it.
import { execFileSync } from "node:child_process";
import os from "node:os";
import pg from "pg";

export type Machine = { cores: number; cpuModel: string; memoryGb: number; node: string; postgres: string; os: string; commit: string; loadAtStart: string };

// The 1/5/15-minute load averages: other work on the machine shows in the tails.
export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

export async function describeMachine(postgresUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: postgresUrl });
  client.on("error", () => {}); // a lost connection fails the next query instead of throwing
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    return {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      postgres: `PostgreSQL ${rows[0].version}`,
      os: `${os.type()} ${os.release()} (${os.arch()})`,
      commit: gitCommit(),
      loadAtStart: loadAverage(),
    };
  } finally {
    await client.end();
  }
}
