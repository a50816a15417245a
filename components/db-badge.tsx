import { dbStatus } from "@/lib/db";

const LABELS = {
  primary: { text: "PostgreSQL", tone: "bg-emerald-50 text-emerald-700 ring-emerald-600/20", dot: "bg-emerald-500" },
  "sqlite-only": { text: "SQLite", tone: "bg-sky-50 text-sky-700 ring-sky-600/20", dot: "bg-sky-500" },
  fallback: { text: "SQLite fallback", tone: "bg-amber-50 text-amber-800 ring-amber-600/30", dot: "bg-amber-500" },
  recovering: { text: "Recovering", tone: "bg-amber-50 text-amber-800 ring-amber-600/30", dot: "bg-amber-500" },
  down: { text: "Degraded", tone: "bg-rose-50 text-rose-700 ring-rose-600/30", dot: "bg-rose-500" },
} as const;

// Which database is answering right now, so nobody is surprised by a fallback.
export async function DbBadge() {
  const status = await dbStatus();
  const label = LABELS[status.mode];
  const title =
    status.mode === "fallback"
      ? `PostgreSQL is unavailable since ${new Date(status.since).toLocaleTimeString("en-GB")}; data is served from the local copy.`
      : `Served by ${status.active ?? "no database"}`;
  return (
    <span
      data-testid="db-badge"
      data-backend={status.active ?? "none"}
      title={title}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${label.tone}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${label.dot}`} />
      {label.text}
    </span>
  );
}
