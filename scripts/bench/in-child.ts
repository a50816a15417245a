// Each database's measurement runs in a fresh process of the same script, so one database's warm
// caches and heap never flatter the other's: the parent calls measureInChild, the child (started
// with --measure <url>) answers through answerIfChild with one RESULT line.
import { spawnSync } from "node:child_process";

export function measureInChild<T>(databaseUrl: string, options: { nodeArgs?: string[]; showStderr?: boolean } = {}): T {
  const child = spawnSync(process.execPath, [...(options.nodeArgs ?? []), ...process.execArgv, process.argv[1], "--measure", databaseUrl], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", options.showStderr ? "inherit" : "pipe"],
  });
  const line = child.stdout.split("\n").find((text) => text.startsWith("RESULT "));
  if (child.status !== 0 || !line) throw new Error(`measurement failed (exit ${child.status}):\n${(child.stderr ?? child.stdout ?? "").slice(-2000)}`);
  return JSON.parse(line.slice(7)) as T;
}

// In the child: measures, prints the RESULT line and ends the process. In the parent: does nothing.
export async function answerIfChild<T>(measure: (databaseUrl: string) => Promise<T>): Promise<void> {
  if (process.argv[2] !== "--measure") return;
  console.log(`RESULT ${JSON.stringify(await measure(process.argv[3] ?? ""))}`);
  process.exit(0);
}
