import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { primaryAvailability } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/leave/dates";
import { SELF_APPROVAL } from "@/lib/payroll/approve-run";
import { formatPay } from "@/lib/payroll/format";
import { getPayRun } from "@/lib/payroll/get-run";
import { RunStatusPill } from "../../run-status-pill";
import { CalculateButton } from "./calculate-button";
import { DecisionButton } from "./decision-buttons";
import { DataTable } from "@/components/ui/table";

export const metadata: Metadata = { title: "Pay run" };

const FILES = [
  ["register.csv", "Register (CSV)"],
  ["register.xlsx", "Register (XLSX)"],
  ["journal.csv", "Journal (CSV)"],
  ["bank.csv", "Bank file (CSV)"],
  ["bank-sepa.xml", "Bank file (SEPA XML)"],
] as const;

export default async function PayRunPage({ params }: PageProps<"/payroll/runs/[id]">) {
  const user = await requirePermission("payroll:manage");
  const { id } = await params;
  const result = await getPayRun(user, id, { page: 1, pageSize: 200 }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { run, payslips, total } = result;
  const totals = run.totals ? (JSON.parse(run.totals) as { currencies: string[]; gross: number; totalDeductions: number; net: number; employerCost: number }) : null;
  const currency = totals?.currencies.length === 1 ? totals.currencies[0] : null;
  const isLocked = run.status === "APPROVED" || run.status === "PAID";
  const isCalculated = run.status === "CALCULATED" || isLocked;
  const primary = primaryAvailability();
  const canApprove = can(user, "payroll:approve");

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="text-sm text-slate-500">
            <Link href="/payroll" className="hover:underline">
              Payroll
            </Link>{" "}
            / {run.schedule.name}
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {toIsoDate(run.periodStart)} to {toIsoDate(run.periodEnd)} <RunStatusPill status={run.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Paid on {toIsoDate(run.payDate)}. {run.calculatedAt ? `Calculated ${run.calculatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` : ""}{" "}
            {run.approvedAt ? `Approved ${run.approvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` : ""}
          </p>
          {run.lastError && (
            <p role="alert" className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              The last calculation stopped: {run.lastError}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-start gap-3">
          {!isLocked && <CalculateButton runId={run.id} label={run.status === "CALCULATING" ? "Carry on calculating" : isCalculated ? "Recalculate" : "Calculate"} />}
          {canApprove && run.status === "CALCULATED" && (
            <DecisionButton runId={run.id} kind="approve" unavailableReason={primary.available ? undefined : primary.reason} blockedReason={run.calculatedById === user.id ? SELF_APPROVAL : undefined} />
          )}
          {canApprove && run.status === "APPROVED" && <DecisionButton runId={run.id} kind="pay" unavailableReason={primary.available ? undefined : primary.reason} />}
        </div>
      </div>

      {totals && currency && (
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="run-totals">
          {[
            ["Employees", String(run.employeeCount)],
            ["Gross", formatPay(totals.gross, currency)],
            ["Deductions", formatPay(totals.totalDeductions, currency)],
            ["Net pay", formatPay(totals.net, currency)],
            ["Employer cost", formatPay(totals.employerCost, currency)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      )}

      {isCalculated && (
        <div className="flex flex-wrap gap-2 text-sm">
          {FILES.filter(([file]) => isLocked || !file.startsWith("bank")).map(([file, label]) => (
            <a key={file} href={`/api/payroll/runs/${run.id}/files/${file}`} className="rounded-md bg-white px-3 py-2 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
              {label}
            </a>
          ))}
        </div>
      )}

      {payslips.length > 0 && (
        <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          <DataTable data-testid="payslip-rows">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Employee</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Gross</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Net pay</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Change</th>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Review</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {payslips.map((row) => (
                <tr key={row.id} className={row.isFlagged ? "bg-amber-50/60" : "hover:bg-slate-50"}>
                  <td className="px-4 py-3">
                    <Link href={`/payroll/payslips/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.employee.firstName} {row.employee.lastName}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">{row.employee.employeeNumber}</span>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatPay(row.gross, row.currency)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatPay(row.net, row.currency)}</td>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-600">{row.previousNet === null ? "new" : `${row.net - row.previousNet >= 0 ? "+" : ""}${formatPay(row.net - row.previousNet, row.currency)}`}</td>
                  <td className="px-4 py-3 text-xs text-amber-800">{row.flagReason}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {total > payslips.length && <p className="px-4 py-3 text-sm text-slate-600">Showing {payslips.length} of {total}: flagged first. The register has everyone.</p>}
        </section>
      )}
    </div>
  );
}
