// One JSON line per event on stdout (stderr for errors), so logs can be searched and parsed.
// Never pass secrets or raw request bodies in `fields`.
import { loggerWith, type Fields, type Level } from "./logger";

function write(level: Level, msg: string, fields?: Fields) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, (_key, value) =>
    value instanceof Error ? { name: value.name, message: value.message } : value,
  );
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const log = loggerWith(write);
