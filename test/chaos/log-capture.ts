// Stand-in for "@/lib/log" in chaos tests: the data layer logs every transition, which under a
// fault schedule is hundreds of lines. Lines are kept in memory (and echoed with CHAOS_LOG=1) so a
// failing test can print the tail that explains it.
import { loggerWith, type Fields } from "@/lib/logger";

const lines: string[] = [];
const LIMIT = 400;

function write(level: string, msg: string, fields?: Fields) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, (_key, value) =>
    value instanceof Error ? { name: value.name, message: value.message } : value,
  );
  lines.push(line);
  if (lines.length > LIMIT) lines.splice(0, lines.length - LIMIT);
  if (process.env.CHAOS_LOG === "1") process.stderr.write(line + "\n");
}

export const log = loggerWith(write);

export function logTail(count = 60): string {
  return lines.slice(-count).join("\n");
}

export function logLines(): readonly string[] {
  return lines;
}
