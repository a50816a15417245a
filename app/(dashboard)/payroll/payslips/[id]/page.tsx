import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/leave/dates";
import { formatPay } from "@/lib/payroll/format";
import { getPayslip } from "@/lib/payroll/get-payslip";

export const metadata: Metadata = { title: "Payslip" };

const SECTIONS = [
  ["EARNING", "Earnings"],
  ["DEDUCTION", "Deductions"],
  ["EMPLOYER_CONTRIBUTION", "Paid by your employer (not deducted)"],
] as const;

export default async function PayslipPage({ params }: PageProps<"/payroll/payslips/[id]">) {
  const user = await requirePermission("payroll:view-own");
  const { id } = await params;
  const payslip = await getPayslip(user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const money = (minor: number) => formatPay(minor, payslip.currency);
  const days = payslip.days as { paid?: number; inPeriod?: number; unpaidLeave?: number; absence?: number };

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            Payslip, {toIsoDate(payslip.run.periodStart)} to {toIsoDate(payslip.run.periodEnd)}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {payslip.employee.firstName} {payslip.employee.lastName} ({payslip.employee.employeeNumber}), paid on {toIsoDate(payslip.run.payDate)}. {days.paid} of {days.inPeriod} days paid
            {days.unpaidLeave ? `, ${days.unpaidLeave} unpaid leave` : ""}
            {days.absence ? `, ${days.absence} absent` : ""}.
          </p>
        </div>
        <a href={`/api/v1/payslips/${payslip.id}/pdf`} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700" data-testid="download-payslip">
          Download PDF
        </a>
      </div>

      {SECTIONS.map(([kind, title]) => {
        const lines = payslip.lines.filter((line) => line.kind === kind);
        if (lines.length === 0) return null;
        return (
          <section key={kind} className="rounded-xl border border-slate-200 bg-white shadow-sm">
            <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-800">{title}</h2>
            <ul className="divide-y divide-slate-100">
              {lines.map((line, index) => (
                <li key={`${line.code}-${index}`} className="flex items-start justify-between gap-4 px-4 py-3 text-sm">
                  <div>
                    <p className="font-medium text-slate-900">{line.name}</p>
                    <p className="text-xs text-slate-500">
                      {line.basis}. Rounding: {line.rounding}.
                    </p>
                  </div>
                  <p className="shrink-0 font-medium tabular-nums">{money(line.amount)}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <dl className="grid grid-cols-3 gap-4" data-testid="payslip-totals">
        {[
          ["Gross pay", money(payslip.gross)],
          ["Deductions", money(payslip.totalDeductions)],
          ["Net pay", money(payslip.net)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h2 className="font-semibold text-slate-800">Tax year to date (from {payslip.yearToDate.taxYearStartsOn})</h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Gross</dt>
            <dd className="tabular-nums">{money(payslip.yearToDate.gross)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Taxable pay</dt>
            <dd className="tabular-nums">{money(payslip.yearToDate.taxablePay)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Deductions</dt>
            <dd className="tabular-nums">{money(payslip.yearToDate.totalDeductions)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Net pay</dt>
            <dd className="tabular-nums">{money(payslip.yearToDate.net)}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
