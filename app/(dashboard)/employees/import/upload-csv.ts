// Sends the chosen file with XMLHttpRequest rather than fetch: only XHR reports upload progress,
// and its partial responseText lets the page follow the import's streamed progress events.
export type UploadResponse = { status: number; body: unknown; isJson: boolean };

type Options = {
  accept?: string;
  onUploadProgress?: (fraction: number) => void;
  onUploaded?: () => void;
  onLine?: (line: unknown) => void;
  signal?: AbortSignal;
};

export const SESSION_EXPIRED = "Your session has ended. Reload the page, sign in, and choose the file again.";

export function uploadCsv(url: string, file: File, options: Options = {}): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file);
    xhr.open("POST", url);
    if (options.accept) xhr.setRequestHeader("accept", options.accept);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onUploaded?.();

    // Newline-delimited JSON: hand over each complete line as it arrives.
    let consumed = 0;
    const readLines = (isFinal: boolean) => {
      if (!options.onLine) return;
      const text = xhr.responseText;
      const end = isFinal ? text.length : text.lastIndexOf("\n") + 1;
      if (end <= consumed) return;
      for (const line of text.slice(consumed, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          options.onLine(JSON.parse(line));
        } catch {
          // Not an event (an HTML error page, say); the final status tells what happened.
        }
      }
      consumed = end;
    };
    xhr.onprogress = () => readLines(false);

    xhr.onload = () => {
      const isJson = /json/.test(xhr.getResponseHeader("content-type") ?? "");
      // A session that ended mid-way is redirected to the sign-in page, which XHR follows.
      if (xhr.responseURL.includes("/sign-in")) return reject(new Error(SESSION_EXPIRED));
      if (options.onLine && xhr.status === 200 && isJson) {
        readLines(true);
        return resolve({ status: xhr.status, body: null, isJson });
      }
      let body: unknown = null;
      if (isJson) {
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
      }
      resolve({ status: xhr.status, body, isJson });
    };
    xhr.onerror = () => reject(new Error("The upload did not reach the server. Check your connection and try again."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

// The message of an API error body, or a sentence for a response that is not one.
export function errorMessage(response: UploadResponse): string {
  const message = (response.body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === "string") return message;
  if (response.status === 413) return "The file is too large to upload. Split it into smaller files.";
  if (response.status === 401) return SESSION_EXPIRED;
  return `The server could not process the file (HTTP ${response.status}). Try again in a moment.`;
}
