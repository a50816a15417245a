import { randomUUID } from "node:crypto";
import { orNotFound } from "@/lib/pages/or-not-found";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { formatHalfDays, isValidIsoDate, toIsoDate } from "@/lib/leave/dates";
import { type ExplainedBalance, type ExplainedLine, getEmployeeLedger } from "@/lib/leave/employee-ledger";
import { AdjustBalanceForm } from "./adjust-balance-form";
import { formatDate, formatLongDate } from "@/lib/format";
import { cn } from "@/components/ui/cn";
import { TONE_TEXT, type Tone } from "@/components/ui/tone";
import { type Column, TBody, THead } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Leave ledger" };

const LINK = "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";

const KIND_LABELS: Record<string, string> = {
  ALLOCATION: "Allocation",
  ACCRUAL: "Accrual",
  CARRY_FORWARD: "Carried forward",
  EXPIRY: "Lapsed",
  TAKEN: "Leave taken",
  CANCELLED: "Leave given back",
  ADJUSTMENT: "Adjustment",
};

const day = (date: string) => formatDate(new Date(`${date}T00:00:00Z`));
const signed = (halfDays: number) => `${halfDays > 0 ? "+" : halfDays < 0 ? "−" : ""}${formatHalfDays(Math.abs(halfDays))}`;

// A compact figure inside the balance card's description list.

const LEDGER_COLUMNS: Column[] = ["Date", "What", "Why", { label: "Amount", className: "text-right" }, { label: "Balance after", className: "text-right" }];

function Figure({ label, value, hint, tone = "neutral", testId }: { label: string; value: string; hint?: string; tone?: Tone; testId?: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={cn("text-lg font-semibold tabular-nums", TONE_TEXT[tone])} data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

function LineRow({ line }: { line: ExplainedLine }) {
  return (
    <tr className={line.isAfterAsOf ? "text-slate-500" : undefined} data-testid="ledger-line">
      <td className="px-4 py-2 whitespace-nowrap tabular-nums">{day(line.date)}</td>
      <td className="px-4 py-2 whitespace-nowrap">
        {KIND_LABELS[line.kind] ?? line.kind}
        {line.isAfterAsOf && <span className="ml-2 text-xs">(later)</span>}
      </td>
      <td className="px-4 py-2">
        {line.requestId ? (
          <Link href={`/leave/${line.requestId}`} className="text-brand-700 hover:underline">
            {line.reason ?? "Leave request"}
          </Link>
        ) : (
          (line.reason ?? <span className="text-slate-500">—</span>)
        )}
        {line.createdByEmail && line.kind === "ADJUSTMENT" && <span className="block text-xs text-slate-500">by {line.createdByEmail}</span>}
      </td>
      <td className={`px-4 py-2 text-right whitespace-nowrap tabular-nums ${line.isAfterAsOf ? "" : line.halfDays < 0 ? "text-rose-700" : "text-emerald-700"}`}>
        {signed(line.halfDays)}
      </td>
      <td className="px-4 py-2 text-right font-medium whitespace-nowrap tabular-nums">{formatHalfDays(line.runningTotal)}</td>
    </tr>
  );
}

function BalanceCard({ balance, asOf }: { balance: ExplainedBalance; asOf: string }) {
  const before = balance.lines.filter((line) => !line.isAfterAsOf);
  const after = balance.lines.filter((line) => line.isAfterAsOf);
  return (
    <section
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      aria-labelledby={`type-${balance.type.id}`}
      data-testid="ledger-balance"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={`type-${balance.type.id}`} className="flex items-center gap-2 text-base font-semibold">
          <span aria-hidden className="size-3 rounded-full" style={{ backgroundColor: balance.type.color }} />
          {balance.type.name}
        </h2>
        {balance.type.isUnlimited ? (
          <dl className="grid gap-3 sm:grid-cols-3">
            <Figure label="Taken by this date" value={formatHalfDays(Math.max(0, -balance.balance))} hint="No yearly limit" />
            <Figure label="Booked later" value={formatHalfDays(balance.scheduled)} />
            <Figure label="Awaiting a decision" value={formatHalfDays(balance.pending)} />
          </dl>
        ) : (
          <dl className="grid gap-3 sm:grid-cols-4">
            <Figure
              label="Available"
              value={formatHalfDays(balance.available)}
              hint="for a new request"
              tone={balance.available < 0 ? "danger" : "brand"}
              testId="ledger-available"
            />
            <Figure label="Balance" value={formatHalfDays(balance.balance)} hint={`on ${day(asOf)}`} testId="ledger-balance-value" />
            <Figure label="Booked later" value={formatHalfDays(balance.scheduled)} hint="approved, still to come" />
            <Figure label="Awaiting a decision" value={formatHalfDays(balance.pending)} hint="pending requests" />
          </dl>
        )}
        {balance.lapsing > 0 && balance.expiresOn && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ledger-lapsing">
            {formatHalfDays(balance.lapsing)} carried forward will lapse on {day(balance.expiresOn)} unless taken before then; leave starting on or after that
            date cannot use {balance.lapsing === 2 ? "it" : "them"}.
          </p>
        )}
      </div>
      {balance.lines.length === 0 ? (
        <p className="border-t border-slate-200 px-5 py-4 text-sm text-slate-500">Nothing in the ledger for this year yet.</p>
      ) : (
        <div className="overflow-x-auto border-t border-slate-200">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{balance.type.name}: every change to the balance, in date order, with the balance after each</caption>
            <THead columns={LEDGER_COLUMNS} />
            <TBody>
              {before.map((line) => (
                <LineRow key={line.id} line={line} />
              ))}
              <tr className="bg-brand-50/60">
                <td colSpan={4} className="px-4 py-2 text-sm font-medium text-slate-800">
                  Balance on {day(asOf)}
                </td>
                <td className="px-4 py-2 text-right font-semibold tabular-nums">{formatHalfDays(balance.balance)}</td>
              </tr>
              {after.map((line) => (
                <LineRow key={line.id} line={line} />
              ))}
              {after.length > 0 && (
                <tr className="bg-slate-50">
                  <td colSpan={4} className="px-4 py-2 text-sm text-slate-700">
                    Balance at the end of the year, as things stand
                  </td>
                  <td className="px-4 py-2 text-right font-semibold tabular-nums">{formatHalfDays(balance.closing)}</td>
                </tr>
              )}
            </TBody>
          </table>
        </div>
      )}
    </section>
  );
}

// One employee's leave, explained: for each leave type the balance on a chosen date and every
// ledger line that makes it up. The employee, their managers and HR may look; HR may adjust.
export default async function LeaveLedgerPage({ params, searchParams }: PageProps<"/leave/ledger/[employeeId]">) {
  const user = await requireUser();
  const { employeeId } = await params;
  const { asOf: asOfParam } = await searchParams;
  const today = toIsoDate(new Date());
  const asOf = typeof asOfParam === "string" && isValidIsoDate(asOfParam) ? asOfParam : today;

  // "me" is the signed-in person's own ledger, for a link that works for everyone.
  if (employeeId === "me") {
    if (!user.employeeId) notFound();
    redirect(`/leave/ledger/${user.employeeId}${asOf === today ? "" : `?asOf=${asOf}`}`);
  }

  const ledger = await orNotFound(getEmployeeLedger(user, employeeId, asOf));
  const { employee, year } = ledger;
  const isOwn = user.employeeId === employee.id;
  const at = (date: string) => `/leave/ledger/${employee.id}?asOf=${date}`;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      {ledger.canAdjust && (
        <Link href={`/leave/balances?year=${year}`} className="text-sm font-medium text-slate-600 hover:text-brand-700">
          ← All balances
        </Link>
      )}

      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="ledger-title">
            {isOwn ? "My leave balances" : `${employee.firstName} ${employee.lastName}’s leave`}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {employee.jobTitle}
            {employee.department && ` · ${employee.department}`} · since {day(employee.hireDate)}
            {employee.exitDate && ` · left ${day(employee.exitDate)}`}
          </p>
        </div>
        <nav aria-label="Year" className="flex items-center gap-2">
          <Link href={at(`${year - 1}-12-31`)} className={LINK} rel="prev">
            ← {year - 1}
          </Link>
          <span className="px-2 text-lg font-semibold tabular-nums" aria-current="page">
            {year}
          </span>
          <Link href={at(`${year + 1}-01-01`)} className={LINK} rel="next">
            {year + 1} →
          </Link>
        </nav>
      </div>

      <section className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end sm:justify-between">
        {/* A plain GET form: works without JavaScript and the URL can be shared. */}
        <form action={`/leave/ledger/${employee.id}`} className="flex flex-wrap items-end gap-3" aria-label="Balance date">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Balances as of
            <input
              type="date"
              name="asOf"
              defaultValue={asOf}
              required
              className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
            />
          </label>
          <button type="submit" className={buttonClass()}>
            Show
          </button>
        </form>
        <div className="flex flex-wrap gap-3 text-sm">
          <Link href={at(`${year}-01-01`)} className="font-medium text-brand-700 hover:underline">
            Start of {year}
          </Link>
          {asOf !== today && (
            <Link href={at(today)} className="font-medium text-brand-700 hover:underline">
              Today
            </Link>
          )}
          <Link href={at(`${year}-12-31`)} className="font-medium text-brand-700 hover:underline">
            End of {year}
          </Link>
        </div>
      </section>
      <p className="-mt-3 text-sm text-slate-600">
        Showing {year} as it stands on <span className="font-medium text-slate-900">{formatLongDate(new Date(`${asOf}T00:00:00Z`))}</span>. Lines after that
        date are greyed out: they are booked but not yet counted.
      </p>

      {ledger.balances.length === 0 ? (
        <EmptyState title={`No leave types apply${isOwn ? " to you" : ""}`} testId="ledger-empty" className="rounded-xl border border-slate-200 bg-white">
          Balances appear here for each active leave type that covers this employment type.
        </EmptyState>
      ) : (
        ledger.balances.map((balance) => <BalanceCard key={balance.type.id} balance={balance} asOf={asOf} />)
      )}

      {ledger.canAdjust && ledger.balances.length > 0 && (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="adjust-heading">
          <h2 id="adjust-heading" className="text-base font-semibold">
            Adjust balance
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">Adds one line to the ledger with your name and reason; nothing already there changes.</p>
          <AdjustBalanceForm
            employeeId={employee.id}
            types={ledger.balances.map((balance) => ({ id: balance.type.id, name: balance.type.name }))}
            defaultDate={asOf}
            token={randomUUID()}
          />
        </section>
      )}
    </div>
  );
}
