import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import type { CurrentUser } from "@/lib/auth/current-user";
import { MAX_CSV_BYTES } from "@/lib/csv/employee-csv";
import { commitImport, previewImport } from "@/lib/csv/import-employees";
import { AppError } from "@/lib/errors";
import { apiError, handleApiError, type ApiErrorBody } from "@/lib/api/api-error";

export const dynamic = "force-dynamic";

const ZMode = z.enum(["preview", "commit"]);
// Room for the multipart boundaries and part headers around a file of the maximum size.
const MULTIPART_OVERHEAD = 64 * 1024;
const TOO_LARGE = `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.`;
const INVALID = "The file has errors; nothing was imported. Check the preview for what to fix.";
const NDJSON = "application/x-ndjson";

class TooLargeError extends Error {}

// POST /api/employees/import?mode=preview|commit - check an employee CSV (body: the CSV text, or
// multipart with a `file` field), or import it. A commit asked for with `Accept:
// application/x-ndjson` streams progress events and ends with a `done`, `invalid` or `error` one.
export const POST = apiRoute("employees:import", async ({ request, user }) => {
  try {
    const mode = ZMode.safeParse(new URL(request.url).searchParams.get("mode"));
    if (!mode.success) return apiError("bad_request", "Add ?mode=preview to check a file, or ?mode=commit to import it.");

    const text = await readCsv(request);
    if (mode.data === "preview") return NextResponse.json(await previewImport(user, text));
    if (request.headers.get("accept")?.includes(NDJSON)) return streamCommit(user, text, request);
    const outcome = await commitImport(user, text);
    if (outcome.ok) return NextResponse.json(outcome.result);
    return NextResponse.json({ error: { code: "validation_failed", message: INVALID }, preview: outcome.preview }, { status: 422 });
  } catch (error) {
    if (error instanceof TooLargeError) return NextResponse.json<ApiErrorBody>({ error: { code: "bad_request", message: TOO_LARGE } }, { status: 413 });
    throw error;
  }
});

// The body, refused as soon as it passes the limit rather than after buffering all of it.
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length")) > limit) throw new TooLargeError();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TooLargeError();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

// Decoded leniently on purpose: bytes that are not UTF-8 become U+FFFD, which the parser reports
// as "not UTF-8 text" instead of failing the request.
async function readCsv(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  const isMultipart = type.toLowerCase().startsWith("multipart/form-data");
  const bytes = await readAtMost(request, MAX_CSV_BYTES + (isMultipart ? MULTIPART_OVERHEAD : 0));
  if (!isMultipart) return new TextDecoder("utf-8").decode(bytes);
  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(bytes, { headers: { "content-type": type } }).formData()).get("file");
  } catch {
    throw new AppError("bad_request", "The upload could not be read as a form; send the CSV text, or a multipart form with a “file” field.");
  }
  if (!(file instanceof File)) throw new AppError("bad_request", "Attach the CSV in a form field named “file”.");
  if (file.size > MAX_CSV_BYTES) throw new TooLargeError();
  return new TextDecoder("utf-8").decode(await file.arrayBuffer());
}

// One JSON object per line as the import goes. A reader that goes away does not stop the
// import: it finishes, and importing the file again would skip what it wrote.
function streamCommit(user: CurrentUser, text: string, request: Request): Response {
  const encoder = new TextEncoder();
  let isOpen = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          isOpen = false;
        }
      };
      try {
        const outcome = await commitImport(user, text, (progress) => send({ type: "progress", ...progress }));
        send(outcome.ok ? { type: "done", result: outcome.result } : { type: "invalid", message: INVALID, preview: outcome.preview });
      } catch (error) {
        const response = handleApiError(error, request);
        send({ type: "error", status: response.status, ...((await response.json()) as ApiErrorBody) });
      }
      if (isOpen) controller.close();
    },
    cancel() {
      isOpen = false;
    },
  });
  // no-transform keeps compression from holding events back until the end.
  return new Response(stream, {
    headers: { "content-type": `${NDJSON}; charset=utf-8`, "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
