"use client";

import "./globals.css";

// The root layout itself failed, so this replaces the whole document. The server logged the
// details with a request id; the user gets a plain sentence and a way to retry, never a stack.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main role="alert" className="mx-auto mt-16 max-w-lg rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
          <h1 className="text-lg font-semibold">Something went wrong</h1>
          <p className="mt-2 text-sm text-slate-600">The app could not be shown. Your data is safe; please try again in a moment.</p>
          <button type="button" onClick={reset} className="mt-4 h-10 rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
