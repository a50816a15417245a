import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requirePermission } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/leave/dates";
import { formatPay } from "@/lib/payroll/format";
import { getPayslip } from "@/lib/payroll/get-payslip";
import { can } from "@/lib/auth/permissions";
import { listPayAdjustments } from "@/lib/payroll/adjustments";
import { OWN_PAY } from "@/lib/payroll/own-pay";
import { AdjustmentList } from "../../adjustments/adjustment-list";
import { CorrectPayslipForm } from "./correct-form";

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
  const isPayroll = can(user, "payroll:manage");
  const isLocked = payslip.run.status === "APPROVED" || payslip.run.status === "PAID";
  const corrections = isPayroll && isLocked ? await listPayAdjustments(user, { correctsPayslipId: payslip.id, page: 1, pageSize: 50 }) : null;
  const days = payslip.days as { paid?: number; inPeriod?: number; unpaidLeave?: number; absence?: number };

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={`Payslip, ${toIsoDate(payslip.run.periodStart)} to ${toIsoDate(payslip.run.periodEnd)}`}
        description={`${payslip.employee.firstName} ${payslip.employee.lastName} (${payslip.employee.employeeNumber}), paid on ${toIsoDate(payslip.run.payDate)}. ${days.paid} of ${days.inPeriod} days paid${days.unpaidLeave ? `, ${days.unpaidLeave} unpaid leave` : ""}${days.absence ? `, ${days.absence} absent` : ""}.`}
        actions={
          <a href={`/api/v1/payslips/${payslip.id}/pdf`} className={buttonClass()} data-testid="download-payslip">
            Download PDF
          </a>
        }
      />

      {SECTIONS.map(([kind, title]) => {
        const lines = payslip.lines.filter((line) => line.kind === kind);
        if (lines.length === 0) return null;
        return (
          <Card key={kind} title={title}>
            <ul className="-my-3 divide-y divide-slate-100">
              {lines.map((line, index) => (
                <li key={`${line.code}-${index}`} className="flex items-start justify-between gap-4 py-3 text-sm">
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
          </Card>
        );
      })}

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="payslip-totals">
        <Stat label="Gross pay" value={money(payslip.gross)} />
        <Stat label="Deductions" value={money(payslip.totalDeductions)} />
        <Stat label="Net pay" value={money(payslip.net)} tone="success" />
      </div>

      {corrections && (
        <Card
          title="Correct this payslip"
          description="This payslip's run is approved and stays as it was paid. A correction pays the difference as arrears, or recovers it as a reversal, in the next run that is still open, with your reason on that payslip."
          testId="payslip-corrections"
        >
          {payslip.employeeId === user.employeeId ? (
            <p className="text-sm text-slate-600">{OWN_PAY}</p>
          ) : (
            <CorrectPayslipForm payslipId={payslip.id} paidGross={money(payslip.gross)} />
          )}
          {corrections.rows.length > 0 && (
            <div className="mt-4 flex flex-col gap-2">
              <h3 className="text-sm font-semibold text-slate-700">Corrections already made</h3>
              <AdjustmentList rows={corrections.rows} ownEmployeeId={user.employeeId} emptyText="" />
            </div>
          )}
        </Card>
      )}

      <Card title={`Tax year to date (from ${payslip.yearToDate.taxYearStartsOn})`}>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          {[
            ["Gross", payslip.yearToDate.gross],
            ["Taxable pay", payslip.yearToDate.taxablePay],
            ["Deductions", payslip.yearToDate.totalDeductions],
            ["Net pay", payslip.yearToDate.net],
          ].map(([label, amount]) => (
            <div key={label}>
              <dt className="text-slate-500">{label}</dt>
              <dd className="tabular-nums">{money(amount as number)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
