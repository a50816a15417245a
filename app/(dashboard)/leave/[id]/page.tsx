import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { formatHalfDays } from "@/lib/leave/dates";
import { getLeaveRequest, type LeaveRequestDetail } from "@/lib/leave/requests/get-leave-request";
import { formatLeavePeriod } from "@/lib/leave/requests/status";
import { CancelRequestButton } from "../cancel-request-button";
import { DecisionForm } from "../decision-form";
import { LeaveStatusPill, LeaveTypeName } from "../leave-status-pill";
import { NoticeBanner } from "../notice-banner";
import { formatDate, formatDateAndTime } from "@/lib/format";

export const metadata: Metadata = { title: "Leave request" };

const LEDGER_KINDS: Record<string, string> = { TAKEN: "Booked", CANCELLED: "Given back" };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function BalanceNote({ request }: { request: LeaveRequestDetail }) {
  const after = request.balanceAfter;
  if (!after) return null;
  if (after.isUnlimited) return <p className="text-sm text-slate-600">{request.type.name} has no yearly limit.</p>;
  return (
    <p className="text-sm text-slate-600">
      {request.status === "CANCELLATION_PENDING" ? "Agreeing gives the days back: the balance becomes " : "If approved, the balance left is "}
      <span className={`font-semibold tabular-nums ${after.remainingAfter < 0 ? "text-rose-700" : "text-slate-900"}`}>
        {formatHalfDays(after.remainingAfter)}
      </span>
      {after.otherPending > 0 ? ` (${formatHalfDays(after.otherPending)} more awaiting approval)` : ""}.
    </p>
  );
}

export default async function LeaveRequestPage({ params, searchParams }: PageProps<"/leave/[id]">) {
  const user = await requireUser();
  const { id } = await params;
  const { notice } = await searchParams;
  const request = await getLeaveRequest(user, id);
  if (!request) notFound();
  const period = formatLeavePeriod(request);
  const returnTo = `/leave/${request.id}`;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <Link href={request.isOwn ? "/leave" : "/leave/approvals"} className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← {request.isOwn ? "My leave" : "Approvals"}
      </Link>
      <NoticeBanner notice={notice} />

      <section className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-100 p-6">
          <div>
            <p className="text-sm text-slate-500">{request.isOwn ? "Your request" : `${request.employee.name} · ${request.employee.jobTitle}`}</p>
            <h1 className="mt-1 text-xl font-semibold tracking-tight" data-testid="request-title">
              <LeaveTypeName name={request.type.name} color={request.type.color} />
            </h1>
            <p className="mt-1 text-sm text-slate-700">{period}</p>
          </div>
          <div className="flex flex-col items-end gap-3">
            <LeaveStatusPill status={request.status} />
            {request.canCancel && (
              <CancelRequestButton
                id={request.id}
                version={request.version}
                period={period}
                needsAgreement={request.cancelNeedsAgreement}
                returnTo={returnTo}
              />
            )}
          </div>
        </div>
        <dl className="grid gap-x-6 gap-y-4 p-6 sm:grid-cols-3">
          <Fact label="Working days">{formatHalfDays(request.halfDays)}</Fact>
          <Fact label="Approver">
            {request.manager ? request.manager.name : "HR"}
            {request.type.requiresHrApproval && request.manager ? ", then HR" : ""}
          </Fact>
          <Fact label="Requested">{formatDate(request.createdAt)}</Fact>
          {request.reason && (
            <div className="sm:col-span-3">
              <Fact label="Note">{request.reason}</Fact>
            </div>
          )}
          {request.attachmentName && <Fact label="Supporting document">{request.attachmentName}</Fact>}
          {request.managerComment && (
            <div className="sm:col-span-3">
              <Fact label="Manager’s comment">{request.managerComment}</Fact>
            </div>
          )}
          {request.hrComment && (
            <div className="sm:col-span-3">
              <Fact label="HR’s comment">{request.hrComment}</Fact>
            </div>
          )}
          {request.cancelReason && (
            <div className="sm:col-span-3">
              <Fact label="Reason for cancelling">{request.cancelReason}</Fact>
            </div>
          )}
        </dl>
      </section>

      {request.canDecide && (
        <section className="flex flex-col gap-3 rounded-xl border border-brand-100 bg-brand-50/40 p-6 shadow-sm" aria-labelledby="decide">
          <h2 id="decide" className="text-base font-semibold">
            {request.status === "CANCELLATION_PENDING" ? "Decide on the cancellation" : "Your decision"}
          </h2>
          <BalanceNote request={request} />
          <DecisionForm request={request} returnTo={returnTo} />
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="history">
          <h2 id="history" className="text-base font-semibold">
            History
          </h2>
          <ol className="mt-4 flex flex-col gap-4" data-testid="request-history">
            {request.history.map((event, index) => (
              <li key={index} className="flex gap-3">
                <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-500" />
                <div className="text-sm">
                  <p className="font-medium text-slate-900">{event.text}</p>
                  <p className="text-xs text-slate-500">
                    <time dateTime={event.at.toISOString()}>{formatDateAndTime(event.at)} UTC</time>
                    {event.actor ? ` · ${event.actor}` : ""}
                  </p>
                  {event.comment && <p className="mt-1 text-slate-700">“{event.comment}”</p>}
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="ledger">
          <h2 id="ledger" className="text-base font-semibold">
            In the balance
          </h2>
          {request.ledger.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">
              {request.status === "PENDING_MANAGER" || request.status === "PENDING_HR"
                ? "Nothing booked yet; while it awaits approval it is counted as pending."
                : "Nothing was booked for this request."}
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="request-ledger">
              {request.ledger.map((line) => (
                <li key={line.id} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    {LEDGER_KINDS[line.kind] ?? line.kind} <span className="text-slate-500">· {formatDate(line.effectiveDate)}</span>
                  </span>
                  <span className={`font-medium tabular-nums ${line.halfDays < 0 ? "text-rose-700" : "text-emerald-700"}`}>
                    {line.halfDays > 0 ? "+" : "−"}
                    {formatHalfDays(Math.abs(line.halfDays))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
