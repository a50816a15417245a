// The logger's shape over any writer of lines: lib/log.ts writes JSON lines to stdout and stderr;
// tests swap in a writer that keeps them.
export type Level = "debug" | "info" | "warn" | "error";
export type Fields = Record<string, unknown>;

export function loggerWith(writeLine: (level: Level, msg: string, fields?: Fields) => void) {
  return {
    debug: (msg: string, fields?: Fields) => {
      if (process.env.LOG_LEVEL === "debug") writeLine("debug", msg, fields);
    },
    info: (msg: string, fields?: Fields) => writeLine("info", msg, fields),
    warn: (msg: string, fields?: Fields) => writeLine("warn", msg, fields),
    error: (msg: string, fields?: Fields) => writeLine("error", msg, fields),
  };
}
