import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/current-user";
import { formatHalfDays } from "@/lib/leave/dates";
import { isLeaveAdmin } from "@/lib/leave/requests/approvers";
import { type BalanceAfter, balancesAfter, listLeaveRequests, type LeaveRequestRow } from "@/lib/leave/requests/list-leave-requests";
import { todayIso } from "@/lib/leave/requests/request-rules";
import { formatLeavePeriod, type LeaveRequestStatus } from "@/lib/leave/requests/status";
import { withParams } from "@/lib/search-params";
import { firstParams, ZLeaveListQuery } from "@/lib/validations/leave-requests";
import { DecisionForm } from "../decision-form";
import { LeaveStatusPill, LeaveTypeName } from "../leave-status-pill";
import { NoticeBanner } from "../notice-banner";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Leave approvals" };

// HR sees every stage and may narrow it down; a manager's queue is short enough as it is.
const STAGES: { status?: LeaveRequestStatus; label: string }[] = [
  { label: "Everything waiting" },
  { status: "PENDING_HR", label: "Awaiting HR" },
  { status: "PENDING_MANAGER", label: "Awaiting a manager" },
  { status: "CANCELLATION_PENDING", label: "Cancellations" },
];

function BalanceLine({ row, after }: { row: LeaveRequestRow; after: BalanceAfter | undefined }) {
  if (!after) return null;
  if (after.isUnlimited) return <p className="text-sm text-slate-600">No yearly limit for {row.type.name}.</p>;
  const isShort = after.remainingAfter < 0;
  return (
    <p className="text-sm text-slate-600" data-testid="balance-after">
      {row.status === "CANCELLATION_PENDING" ? "If the cancellation is agreed, the balance becomes " : "If approved, the balance left is "}
      <span className={`font-semibold tabular-nums ${isShort ? "text-rose-700" : "text-slate-900"}`}>{formatHalfDays(after.remainingAfter)}</span>
      {after.otherPending > 0 && <span> ({formatHalfDays(after.otherPending)} more awaiting approval)</span>}.
    </p>
  );
}

export default async function ApprovalsPage({ searchParams }: PageProps<"/leave/approvals">) {
  const user = await requireUser();
  const params = await searchParams;
  const query = ZLeaveListQuery.parse(firstParams(params));
  const today = todayIso();
  const isAdmin = isLeaveAdmin(user);
  const result = await listLeaveRequests(user, { view: "approvals", status: isAdmin ? query.status : undefined, page: query.page }, { today });
  const after = await balancesAfter(result.rows, { today });
  const href = (changes: Record<string, string | number | undefined>) => withParams("/leave/approvals", { status: query.status, page: result.page }, changes);
  const returnTo = "/leave/approvals";

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        title="Leave approvals"
        description={
          <>
            {isAdmin
              ? "Everything awaiting a decision: you can act at any stage, for anyone."
              : "Requests from the people who report to you, oldest start date first."}
          </>
        }
      />
      <NoticeBanner notice={params.notice} />

      {isAdmin && (
        <nav aria-label="Filter by stage" className="flex flex-wrap gap-1 text-sm">
          {STAGES.map((stage) => (
            <Link
              key={stage.label}
              href={href({ status: stage.status, page: 1 })}
              aria-current={stage.status === query.status ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 ${stage.status === query.status ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {stage.label}
            </Link>
          ))}
        </nav>
      )}

      {result.rows.length === 0 ? (
        <EmptyState title="Nothing waiting for you" testId="approvals-empty" className="rounded-xl border border-dashed border-slate-300 bg-white">
          Requests that need your decision appear here; you are also notified when one arrives.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4" data-testid="approvals">
          {result.rows.map((row) => (
            <li key={row.id} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-5" data-testid="approval">
              <div className="flex flex-col gap-2 md:col-span-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/leave/${row.id}`} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline">
                    {row.employee.name}
                  </Link>
                  <span className="text-sm text-slate-500">{row.employee.jobTitle}</span>
                  <LeaveStatusPill status={row.status} />
                </div>
                <p className="text-sm text-slate-700">
                  <LeaveTypeName name={row.type.name} color={row.type.color} /> · {formatLeavePeriod(row)} ·{" "}
                  <span className="font-medium tabular-nums">{formatHalfDays(row.halfDays)}</span>
                </p>
                {row.reason && <p className="text-sm text-slate-600">“{row.reason}”</p>}
                {row.status === "CANCELLATION_PENDING" && row.cancelReason && <p className="text-sm text-slate-600">Reason to cancel: “{row.cancelReason}”</p>}
                {row.attachmentName && <p className="text-sm text-slate-600">Document: {row.attachmentName}</p>}
                {row.status === "PENDING_HR" && row.managerComment && <p className="text-sm text-slate-600">Manager: “{row.managerComment}”</p>}
                <BalanceLine row={row} after={after.get(row.id)} />
                <p className="text-xs text-slate-500">Requested {formatDate(row.createdAt)}</p>
              </div>
              <div className="md:col-span-2">
                {row.canDecide ? (
                  <DecisionForm request={row} returnTo={returnTo} />
                ) : (
                  <p className="text-sm text-slate-500">Awaiting someone else’s decision.</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {result.total > result.pageSize && (
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
          pageSize={result.pageSize}
          hrefFor={(page) => href({ page })}
          noun="requests"
        />
      )}
    </div>
  );
}
