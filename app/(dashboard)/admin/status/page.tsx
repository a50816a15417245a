import type { Metadata } from "next";
import { ProbeChart } from "@/components/probe-chart";
import { requirePermission } from "@/lib/auth/current-user";
import { dbAdmin, dbStatus, type MigrationStates } from "@/lib/db";
import { dbState } from "@/lib/db/status-store";
import { QueueTable } from "./queue-panel";
import { AutoRefresh, ResolveConflict, StatusActions } from "./status-controls";
import { formatTimestamp } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";

export const metadata: Metadata = { title: "System status" };

// Everything the data layer records that an operator may need to read, probes aside.
const EVENT_TYPES = [
  "failover",
  "recovery",
  "mode",
  "replay",
  "conflict",
  "conflict-resolved",
  "snapshot",
  "identity",
  "move",
  "prune",
  "connection-lost",
  "sqlite-broken",
  "boot",
  "background",
  "mirror",
];

const MODES = {
  primary: {
    label: "Primary: PostgreSQL",
    tone: "text-emerald-700",
    dot: "bg-emerald-500",
    help: "Reads and writes go to PostgreSQL; the SQLite copy follows it.",
  },
  "sqlite-only": { label: "SQLite only", tone: "text-sky-700", dot: "bg-sky-500", help: "No DATABASE_URL is set: everything is stored in the SQLite file." },
  fallback: {
    label: "Fallback: SQLite",
    tone: "text-amber-700",
    dot: "bg-amber-500",
    help: "PostgreSQL is unavailable. Reads and writes are served by SQLite; writes are queued for replay.",
  },
  recovering: {
    label: "Recovering",
    tone: "text-amber-700",
    dot: "bg-amber-500",
    help: "PostgreSQL answers again; queued writes are being replayed before switching back.",
  },
  down: { label: "Down", tone: "text-rose-700", dot: "bg-rose-500", help: "Neither database can serve. The app answers 503 until one returns." },
} as const;

// A server component renders once per request, so reading the clock here is stable.
function renderedAt(): number {
  return Date.now();
}

function duration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const CONFLICT_KINDS: Record<string, string> = {
  version: "changed in PostgreSQL meanwhile",
  deleted: "deleted in PostgreSQL meanwhile",
  exists: "already exists in PostgreSQL",
  stuck: "kept being refused (a lock or a deadlock) and was set aside",
  rejected: "refused by PostgreSQL",
};

type Outage = { start: string; end: string | null; cause: string | null };

// Pairs each failover with the recovery that ended it.
function outages(events: { at: string; type: string; detail: Record<string, unknown> | null }[]): Outage[] {
  const ordered = [...events].reverse();
  const result: Outage[] = [];
  for (const event of ordered) {
    if (event.type === "failover") result.push({ start: event.at, end: null, cause: (event.detail?.cause as string) ?? null });
    if (event.type === "recovery" && result.length && !result[result.length - 1].end) result[result.length - 1].end = event.at;
  }
  return result.reverse();
}

function FieldDiff({ ours, theirs }: { ours: Record<string, unknown> | null; theirs: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(theirs ?? {}), ...Object.keys(ours ?? {})])].filter((key) => key !== "createdAt");
  const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));
  return (
    <table className="w-full text-left text-xs">
      <thead>
        <tr className="text-slate-500">
          <th className="py-1 pr-3 font-medium">Field</th>
          <th className="py-1 pr-3 font-medium">PostgreSQL now</th>
          <th className="py-1 font-medium">Queued write</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {keys.map((key) => {
          const isDifferent = show(ours?.[key]).replace(/\+00:00$/, "") !== show(theirs?.[key]).replace(/Z$/, "") && key !== "updatedAt";
          return (
            <tr key={key} className={isDifferent ? "bg-amber-50" : undefined}>
              <td className="py-0.5 pr-3 font-sans text-slate-600">{key}</td>
              <td className="py-0.5 pr-3 break-all">{theirs ? show(theirs[key]) : "(row absent)"}</td>
              <td className="py-0.5 break-all">{ours ? show(ours[key]) : "(delete)"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TableSizes({ sizes }: { sizes: { postgres: Record<string, number> | null; sqlite: Record<string, number> | null } }) {
  const rows = [
    ...Object.entries(sizes.postgres ?? {}).map(([name, count]) => ({ where: "PostgreSQL", name, count })),
    ...Object.entries(sizes.sqlite ?? {}).map(([name, count]) => ({ where: "SQLite", name, count })),
  ];
  if (rows.length === 0) return null;
  const number = new Intl.NumberFormat("en-GB");
  return (
    <table className="mt-3 w-full text-left text-sm" data-testid="table-sizes">
      <caption className="text-left text-xs text-slate-500">Bookkeeping sizes (pruned as copies consume them)</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.where}-${row.name}`} className="border-t border-slate-100">
            <td className="py-1 pr-3 text-slate-500">{row.where}</td>
            <td className="py-1 pr-3 font-mono text-xs">{row.name}</td>
            <td className="py-1 text-right tabular-nums">{row.name === "file bytes" ? `${(row.count / 2 ** 20).toFixed(1)} MB` : number.format(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MigrationList({ name, state }: { name: string; state: MigrationStates["postgres"] }) {
  return (
    <div className="min-w-0">
      <h3 className="text-sm font-medium">{name}</h3>
      {state === null ? (
        <p className="text-sm text-slate-500">Not checked (not in use or not serving).</p>
      ) : "error" in state ? (
        <p className="text-sm text-rose-700">Could not read: {state.error}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm break-all">
          {state.applied.map((migration) => (
            <li key={migration} className="text-slate-700">
              ✓ {migration}
            </li>
          ))}
          {state.pending.map((migration) => (
            <li key={migration} className="text-amber-700">
              … {migration} (pending)
            </li>
          ))}
          {state.failed.map((migration) => (
            <li key={migration} className="text-rose-700">
              ✗ {migration} (failed)
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default async function StatusPage() {
  await requirePermission("system:status");
  const status = await dbStatus();
  const [conflicts, migrations, sizes] = await Promise.all([dbAdmin.listConflicts(true).catch(() => null), dbAdmin.migrationState(), dbAdmin.tableSizes()]);
  const events = dbAdmin.events({ limit: 200, types: EVENT_TYPES });
  const queue = dbAdmin.queue(50);
  const mode = MODES[status.mode];
  const open = conflicts?.filter((conflict) => !conflict.resolvedAt) ?? [];
  const versionConflicts = open.filter((conflict) => conflict.kind !== "rejected");
  const deadLetters = open.filter((conflict) => conflict.kind === "rejected");
  const requests = dbState().requests;
  const now = renderedAt();

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">System status</h1>
          <p className="mt-1 text-sm text-slate-600">Which database serves the app, what is queued, and what needs a decision.</p>
        </div>
        <div className="flex flex-col items-start gap-3 sm:items-end">
          <AutoRefresh />
          {status.mode !== "sqlite-only" && <StatusActions />}
        </div>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex items-center gap-3">
          <span aria-hidden className={`size-3 rounded-full ${mode.dot}`} />
          <p className={`text-lg font-semibold ${mode.tone}`} data-testid="status-mode">
            {mode.label}
          </p>
        </div>
        <p className="mt-1 text-sm text-slate-600">{mode.help}</p>
        <p className="mt-2 text-sm text-slate-600">
          Since {formatTimestamp(new Date(status.since))} UTC ({duration(now - Date.parse(status.since))} ago)
          {status.cause ? (
            <>
              {" "}
              · cause: <span className="font-mono text-xs">{status.cause}</span>
            </>
          ) : null}
        </p>
      </section>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Queued writes"
          value={status.queue}
          testId="status-queue"
          hint={status.oldestQueuedAt ? `oldest ${duration(now - Date.parse(status.oldestQueuedAt))} ago` : "nothing waiting for replay"}
        />
        <Stat
          label="Replica lag"
          value={status.replicaLagMs === null ? "—" : duration(status.replicaLagMs)}
          hint={
            status.mode === "sqlite-only"
              ? "no replica: SQLite is the database"
              : status.lastMirrorAt
                ? `last sync ${formatTimestamp(new Date(status.lastMirrorAt))}`
                : "not synced yet"
          }
        />
        <Stat label="Open conflicts" value={conflicts === null ? status.conflicts : versionConflicts.length} hint={`${deadLetters.length} rejected writes`} />
        <Stat
          label="Requests served"
          value={requests.total}
          hint={`PostgreSQL ${requests.byBackend.postgres} · SQLite ${requests.byBackend.sqlite} · none ${requests.byBackend.none}`}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Probe history">
          <ProbeChart probes={status.probes} />
          {status.nextProbeAt && <p className="mt-2 text-xs text-slate-500">Next probe {formatTimestamp(new Date(status.nextProbeAt))} UTC</p>}
        </Card>
        <Card title="Failovers and recoveries">
          {outages(events).length === 0 ? (
            <p className="text-sm text-slate-500">No failovers recorded.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {outages(events)
                .slice(0, 10)
                .map((outage) => (
                  <li key={outage.start} className="flex flex-col rounded-md bg-slate-50 px-3 py-2">
                    <span className="font-medium">
                      {formatTimestamp(new Date(outage.start))} ·{" "}
                      {outage.end ? `down for ${duration(Date.parse(outage.end) - Date.parse(outage.start))}` : <span className="text-amber-700">ongoing</span>}
                    </span>
                    {outage.cause && <span className="font-mono text-xs text-slate-600">{outage.cause}</span>}
                  </li>
                ))}
            </ol>
          )}
        </Card>
      </div>

      <Card title={`Conflicts (${versionConflicts.length})`}>
        {conflicts === null ? (
          <p className="text-sm text-slate-500">Conflicts are kept in PostgreSQL and can be reviewed once it serves again.</p>
        ) : versionConflicts.length === 0 ? (
          <p className="text-sm text-slate-500">
            No conflicts. A conflict appears when a write made during an outage meets a row that changed in PostgreSQL meanwhile.
          </p>
        ) : (
          <ul className="space-y-4">
            {versionConflicts.map((conflict) => (
              <li key={conflict.id} className="rounded-lg border border-amber-200 p-4" data-testid="conflict">
                <p className="text-sm font-medium">
                  {conflict.table} <span className="font-mono text-xs">{conflict.rowId}</span> · {CONFLICT_KINDS[conflict.kind]}
                </p>
                <p className="text-xs text-slate-500">
                  {formatTimestamp(new Date(conflict.createdAt))} · from {conflict.source ?? "unknown instance"} · base version{" "}
                  {String(conflict.entries.find((entry) => entry.rowId === conflict.rowId)?.baseVersion ?? "—")}
                </p>
                {conflict.message && <p className="mt-1 font-mono text-xs break-all text-amber-900">{conflict.message}</p>}
                <div className="relative mt-3 overflow-x-auto">
                  <FieldDiff ours={conflict.ours} theirs={conflict.theirs} />
                </div>
                <div className="mt-3">
                  <ResolveConflict id={conflict.id} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Queue (${status.queue})`}>
          <QueueTable items={queue} now={now} />
        </Card>
        <Card title={`Rejected writes (${deadLetters.length})`}>
          {deadLetters.length === 0 ? (
            <p className="text-sm text-slate-500">
              None. A queued write PostgreSQL refuses (a duplicate email, say) is set aside here instead of blocking the queue.
            </p>
          ) : (
            <ul className="space-y-3">
              {deadLetters.map((conflict) => (
                <li key={conflict.id} className="rounded-md bg-rose-50 p-3 text-sm">
                  <p className="font-medium">
                    {conflict.table} <span className="font-mono text-xs">{conflict.rowId}</span>
                  </p>
                  <p className="font-mono text-xs text-rose-800">{conflict.message}</p>
                  <div className="mt-2">
                    <ResolveConflict id={conflict.id} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="The SQLite copy">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">State</dt>
            <dd className={status.sqliteProblem ? "text-rose-700" : "text-slate-800"}>
              {status.sqliteProblem ??
                (status.mode === "sqlite-only" ? "the database" : status.isMirrorTrusted ? "following PostgreSQL" : "not yet a complete copy")}
            </dd>
            <dt className="text-slate-500">Held back by</dt>
            <dd className="text-slate-800" data-testid="oldest-open-transaction">
              {status.mirror?.oldestOpenTransaction ? (
                <>
                  an open transaction for {duration(status.mirror.oldestOpenTransaction.ageMs)} (pid {status.mirror.oldestOpenTransaction.pid},{" "}
                  {status.mirror.oldestOpenTransaction.application || "no application name"}, {status.mirror.oldestOpenTransaction.state}): only its own changes
                  wait
                  <span className="block font-mono text-xs break-all text-slate-600">{status.mirror.oldestOpenTransaction.query}</span>
                </>
              ) : (
                "nothing"
              )}
            </dd>
          </dl>
          <TableSizes sizes={sizes} />
        </Card>
        <Card title="Migrations">
          {/* Migration names are long single words: each list gets the card's width, and names wrap. */}
          <div className="grid gap-4">
            <MigrationList name="PostgreSQL ('default')" state={migrations.postgres} />
            <MigrationList name="SQLite ('backup')" state={migrations.sqlite} />
          </div>
        </Card>
        <Card title="Recent events">
          <ol className="max-h-72 space-y-1 overflow-y-auto text-sm">
            {events.slice(0, 50).map((event) => (
              <li key={event.id} className="flex gap-3">
                <span className="shrink-0 text-xs text-slate-500">{formatTimestamp(new Date(event.at))}</span>
                <span className="text-slate-800">{event.message}</span>
              </li>
            ))}
            {events.length === 0 && <li className="text-slate-500">Nothing yet.</li>}
          </ol>
        </Card>
      </div>
    </div>
  );
}
