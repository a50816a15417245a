"use client";

import { useRef, useState } from "react";

// A secret shown exactly once (a new token or an initial password), with a copy button and a
// warning that it cannot be shown again.
export function SecretBox({ label, secret, warning }: { label: string; secret: string; warning: string }) {
  const [isCopied, setIsCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="secret-box">
      <p className="text-sm font-semibold text-amber-900">{label}</p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          ref={input}
          readOnly
          value={secret}
          aria-label={label}
          data-testid="secret-value"
          onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={async () => {
            // The clipboard API needs a secure context; elsewhere the text is selected for Ctrl+C.
            try {
              await navigator.clipboard.writeText(secret);
              setIsCopied(true);
            } catch {
              input.current?.select();
            }
          }}
          className="h-9 shrink-0 rounded-md bg-amber-600 px-3 text-sm font-semibold text-white shadow-sm hover:bg-amber-700"
        >
          {isCopied ? "Copied" : "Copy"}
        </button>
      </div>
      <p role="alert" className="mt-2 text-xs text-amber-900">
        {warning}
      </p>
    </div>
  );
}
