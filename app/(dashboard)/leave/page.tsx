import type { Metadata } from "next";
import Link from "next/link";
import { DetailList } from "@/components/ui/detail-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedCard } from "@/components/ui/paged-card";
import { requireUser } from "@/lib/auth/current-user";
import { formatHalfDays } from "@/lib/leave/dates";
import { isLeaveAdmin } from "@/lib/leave/requests/approvers";
import { listLeaveRequests } from "@/lib/leave/requests/list-leave-requests";
import { type BalanceCard, getBalanceCards } from "@/lib/leave/requests/my-balances";
import { todayIso } from "@/lib/leave/requests/request-rules";
import { formatLeavePeriod, LEAVE_STATUS_LABELS } from "@/lib/leave/requests/status";
import { withParams } from "@/lib/search-params";
import { firstParams, LEAVE_STATUSES, ZLeaveListQuery } from "@/lib/validations/leave-requests";
import { CancelRequestButton } from "./cancel-request-button";
import { LeaveStatusPill, LeaveTypeName } from "./leave-status-pill";
import { NoticeBanner } from "./notice-banner";
import { buttonClass } from "@/components/ui/button";
import { type Column, DataTable, TBody, Td, THead, Tr } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My leave" };

function Balance({ card }: { card: BalanceCard }) {
  return (
    <section
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="balance-card"
      aria-labelledby={`balance-${card.typeId}`}
    >
      <h2 id={`balance-${card.typeId}`} className="text-sm font-semibold text-slate-700">
        <LeaveTypeName name={card.name} color={card.color} />
      </h2>
      <div>
        <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="balance-available">
          {card.isUnlimited ? "No limit" : formatHalfDays(card.available)}
        </p>
        <p className="text-xs text-slate-500">{card.isUnlimited ? "Unpaid or special leave: days taken are recorded" : "available to request"}</p>
      </div>
      <DetailList
        className="grid grid-cols-2 gap-2 border-t border-slate-100 pt-3 text-sm"
        valueClassName="mt-0 text-inherit tabular-nums"
        items={[
          { label: "Pending", value: formatHalfDays(card.pending) },
          { label: "Taken or booked", value: formatHalfDays(card.taken) },
        ]}
      />
    </section>
  );
}

const COLUMNS: Column[] = [
  "Leave",
  "When",
  { label: "Days", className: "text-right" },
  "Status",
  { label: "Actions", className: "text-right", isLabelHidden: true },
];

type LeaveStatus = (typeof LEAVE_STATUSES)[number];

function RequestsHeader({ current, href }: { current: LeaveStatus | undefined; href: (changes: { status?: LeaveStatus; page: number }) => string }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
      <h2 id="my-requests" className="text-base font-semibold">
        My requests
      </h2>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-1 text-sm">
        {[undefined, ...LEAVE_STATUSES].map((status) => (
          <Link
            key={status ?? "all"}
            href={href({ status, page: 1 })}
            aria-current={status === current ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${status === current ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {status ? LEAVE_STATUS_LABELS[status] : "All"}
          </Link>
        ))}
      </nav>
    </div>
  );
}

function NoRequests({ status }: { status: LeaveStatus | undefined }) {
  return (
    <EmptyState
      title={status ? `No requests ${LEAVE_STATUS_LABELS[status].toLowerCase()}` : "No leave requested yet"}
      testId="requests-empty"
      className="py-12"
    >
      {status ? "Try another status." : "Requests you make appear here with where they stand."}
    </EmptyState>
  );
}

export default async function MyLeavePage({ searchParams }: PageProps<"/leave">) {
  const user = await requireUser();
  const params = await searchParams;
  const query = ZLeaveListQuery.parse(firstParams(params));
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const [cards, requests] = await Promise.all([
    user.employeeId ? getBalanceCards(user.employeeId, year, today) : Promise.resolve([]),
    listLeaveRequests(user, { view: "mine", status: query.status, page: query.page }, { today }),
  ]);
  const href = (changes: Record<string, string | number | undefined>) => withParams("/leave", { status: query.status, page: requests.page }, changes);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="My leave"
        description={<>Your balances for {year} and the leave you have asked for.</>}
        actions={
          <>
            <Link href="/leave/calendar" className={buttonClass({ variant: "secondary" })}>
              Calendar
            </Link>
            {(user.employeeId || isLeaveAdmin(user)) && (
              <Link href="/leave/request" className={buttonClass()} data-testid="request-leave">
                Request leave
              </Link>
            )}
          </>
        }
      />
      <NoticeBanner notice={params.notice} />

      {!user.employeeId ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
          <p className="font-medium">Your sign-in is not linked to an employee record</p>
          <p className="mt-1 text-sm text-slate-600">
            There is no leave of your own to show. Ask HR to link your sign-in{isLeaveAdmin(user) ? ", or request leave on someone’s behalf" : ""}.
          </p>
        </div>
      ) : cards.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
          <p className="font-medium">No leave types apply to you yet</p>
          <p className="mt-1 text-sm text-slate-600">Once HR sets up leave types for your kind of employment, your balances appear here.</p>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="balances">
          {cards.map((card) => (
            <Balance key={card.typeId} card={card} />
          ))}
        </div>
      )}

      {user.employeeId && (
        <PagedCard
          page={requests}
          hrefFor={(page) => href({ page })}
          nouns={["request", "requests"]}
          labelledBy="my-requests"
          header={<RequestsHeader current={query.status} href={href} />}
          empty={<NoRequests status={query.status} />}
        >
          <DataTable>
            <THead columns={COLUMNS} />
            <TBody data-testid="my-requests">
              {requests.rows.map((row) => (
                <Tr key={row.id}>
                  <Td>
                    <LeaveTypeName name={row.type.name} color={row.type.color} />
                  </Td>
                  <Td className="text-slate-700">
                    <Link href={`/leave/${row.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {formatLeavePeriod(row)}
                    </Link>
                  </Td>
                  <Td className="text-right tabular-nums">{formatHalfDays(row.halfDays)}</Td>
                  <Td>
                    <LeaveStatusPill status={row.status} />
                  </Td>
                  <Td className="text-right">
                    {row.canCancel && (
                      <CancelRequestButton
                        id={row.id}
                        version={row.version}
                        period={formatLeavePeriod(row)}
                        needsAgreement={row.cancelNeedsAgreement}
                        returnTo="/leave"
                        compact
                      />
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </DataTable>
        </PagedCard>
      )}
    </div>
  );
}
