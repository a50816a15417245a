// The data layer logs one JSON line per event (failover, recovery, snapshot, replay...). During a
// benchmark those would drown the progress lines, so they go to a file instead of the terminal.
import { appendFileSync } from "node:fs";

type Write = typeof process.stdout.write;

export type LogCapture = { file: string; lines: () => number; count: (fragment: string) => number; restore: () => void };

export function captureJsonLogs(file: string): LogCapture {
  const kept: string[] = [];
  const originals: [NodeJS.WriteStream, Write][] = [
    [process.stdout, process.stdout.write],
    [process.stderr, process.stderr.write],
  ];
  for (const [stream, original] of originals) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : null;
      if (text !== null && text.startsWith('{"time":')) {
        kept.push(text);
        appendFileSync(file, text);
        const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
        callback?.();
        return true;
      }
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as Write;
  }
  return {
    file,
    lines: () => kept.length,
    count: (fragment) => kept.filter((line) => line.includes(fragment)).length,
    restore: () => {
      for (const [stream, original] of originals) stream.write = original;
    },
  };
}
