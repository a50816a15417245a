"use client";

import { Button } from "@/components/ui/button";

// A page failed to render. The server logged the details with a request id; the user gets a plain
// sentence and a way to retry, never a stack trace.
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">The service may be briefly degraded. Your data is safe; please try again.</p>
      <Button onClick={reset} className="mt-4">
        Try again
      </Button>
    </div>
  );
}
