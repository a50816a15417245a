import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedCard } from "@/components/ui/paged-card";
import { requirePermission } from "@/lib/auth/current-user";
import { countEmailsByStatus, EMAIL_STATUSES, type EmailStatus, listEmailMessages, MAX_ATTEMPTS } from "@/lib/notifications/email";
import { isEmailConfigured } from "@/lib/notifications/notify";
import { pageParam } from "@/lib/search-params";
import { readSetting } from "@/lib/settings/settings";
import { RetryMessage, RetryNow } from "./email-controls";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Email delivery" };

const STATUS_STYLES: Record<EmailStatus, { label: string; tone: string }> = {
  PENDING: { label: "Waiting", tone: "bg-slate-100 text-slate-700 ring-slate-500/20" },
  SENDING: { label: "Sending", tone: "bg-sky-50 text-sky-700 ring-sky-600/20" },
  SENT: { label: "Sent", tone: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  FAILED: { label: "Failed, will retry", tone: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  GAVE_UP: { label: "Gave up", tone: "bg-rose-50 text-rose-700 ring-rose-600/20" },
};

function StatusBadge({ status }: { status: string }) {
  const style = STATUS_STYLES[status as EmailStatus] ?? { label: status, tone: "bg-slate-100 text-slate-700 ring-slate-500/20" };
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${style.tone}`}>{style.label}</span>;
}

// Every email the app queued, with what happened to it: nothing is dropped without a trace.
export default async function EmailDeliveryPage({ searchParams }: PageProps<"/admin/email">) {
  await requirePermission("system:status");
  const params = await searchParams;
  const status = EMAIL_STATUSES.find((candidate) => candidate === params.status);
  const page = pageParam(params.page);
  const [result, counts, schedule] = await Promise.all([listEmailMessages({ status, page }), countEmailsByStatus(), readSetting("attendance-schedule")]);
  const isConfigured = isEmailConfigured();
  const when = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: schedule.timeZone,
  });
  const hrefFor = (target: number) => `/admin/email?${status ? `status=${status}&` : ""}page=${target}`;
  const total = EMAIL_STATUSES.reduce((sum, key) => sum + counts[key], 0);

  const empty = (
    <EmptyState title={status ? "No messages with this status" : "No email yet"} testId="email-empty">
      Messages appear here as notifications are sent.
    </EmptyState>
  );
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Email delivery"
        description={
          <span className="block max-w-2xl">
            Notifications are also emailed when SMTP is configured. A failed message is retried with a growing delay (30 seconds, then doubling, at most an
            hour) and given up after {MAX_ATTEMPTS} attempts. Times in {schedule.timeZone}.
          </span>
        }
        actions={
          <>
            <RetryNow isConfigured={isConfigured} />
          </>
        }
      />

      {!isConfigured && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="smtp-off">
          Email is off: <code className="font-mono">SMTP_URL</code> is not set, so notifications appear in the app only and no new messages are queued.
        </p>
      )}

      <nav aria-label="Filter by status" className="flex flex-wrap gap-2" data-testid="email-counts">
        <Link
          href="/admin/email"
          aria-current={!status ? "page" : undefined}
          className={`rounded-lg px-3 py-2 text-sm ring-1 ${!status ? "text-brand-800 ring-brand-300 bg-brand-50" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50"}`}
        >
          All <span className="ml-1 font-semibold tabular-nums">{total}</span>
        </Link>
        {EMAIL_STATUSES.map((key) => (
          <Link
            key={key}
            href={`/admin/email?status=${key}`}
            aria-current={status === key ? "page" : undefined}
            className={`rounded-lg px-3 py-2 text-sm ring-1 ${status === key ? "text-brand-800 ring-brand-300 bg-brand-50" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50"}`}
          >
            {STATUS_STYLES[key].label}{" "}
            <span className={`ml-1 font-semibold tabular-nums ${key === "GAVE_UP" && counts[key] > 0 ? "text-rose-700" : ""}`}>{counts[key]}</span>
          </Link>
        ))}
      </nav>

      <PagedCard page={result} hrefFor={hrefFor} nouns={["message", "messages"]} empty={empty}>
        <DataTable data-testid="email-rows">
          <THead>
            {["To", "Subject", "Status", "Attempts", "Last error", "Sent / next try"].map((label) => (
              <Th key={label} className="whitespace-normal">
                {label}
              </Th>
            ))}
            <Th className="whitespace-normal">
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {result.rows.map((row) => (
              <tr key={row.id} className="align-top">
                <Td className="whitespace-nowrap text-slate-900">{row.to}</Td>
                <Td className="max-w-xs text-slate-700">{row.subject}</Td>
                <Td>
                  <StatusBadge status={row.status} />
                </Td>
                <Td className="tabular-nums">{row.attempts}</Td>
                <Td className="max-w-sm font-mono text-xs break-words text-rose-800">{row.lastError ?? <span className="font-sans text-slate-500">—</span>}</Td>
                <Td className="whitespace-nowrap text-slate-700">
                  {row.sentAt ? (
                    when.format(row.sentAt)
                  ) : row.nextAttemptAt ? (
                    <span className="text-slate-500">next {when.format(row.nextAttemptAt)}</span>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </Td>
                <Td>{(row.status === "FAILED" || row.status === "GAVE_UP") && isConfigured && <RetryMessage id={row.id} label={`email to ${row.to}`} />}</Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      </PagedCard>
    </div>
  );
}
