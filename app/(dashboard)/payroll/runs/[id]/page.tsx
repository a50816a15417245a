import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { buttonClass, TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { primaryAvailability } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/leave/dates";
import { listPayAdjustments } from "@/lib/payroll/adjustments";
import { SELF_APPROVAL } from "@/lib/payroll/approve-run";
import { formatPay } from "@/lib/payroll/format";
import { getPayRun } from "@/lib/payroll/get-run";
import { listPayrollEmployees } from "@/lib/payroll/payroll-employees";
import { AdjustmentForm } from "../../adjustments/adjustment-form";
import { AdjustmentList } from "../../adjustments/adjustment-list";
import { RunStatusPill } from "../../run-status-pill";
import { CalculateButton } from "./calculate-button";
import { DecisionButton } from "./decision-buttons";

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
  const periodStart = toIsoDate(run.periodStart);
  const [adjustments, employees] = await Promise.all([listPayAdjustments(user, { periodStart, page: 1, pageSize: 200 }), listPayrollEmployees(user, { run })]);
  const totals = run.totals
    ? (JSON.parse(run.totals) as { currencies: string[]; gross: number; totalDeductions: number; net: number; employerCost: number })
    : null;
  const currency = totals?.currencies.length === 1 ? totals.currencies[0] : null;
  const isLocked = run.status === "APPROVED" || run.status === "PAID";
  const isCalculated = run.status === "CALCULATED" || isLocked;
  const primary = primaryAvailability();
  const canApprove = can(user, "payroll:approve");

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        eyebrow={
          <>
            <TextLink href="/payroll">Payroll</TextLink> / {run.schedule.name}
          </>
        }
        title={
          <span className="flex items-center gap-3">
            {toIsoDate(run.periodStart)} to {toIsoDate(run.periodEnd)} <RunStatusPill status={run.status} />
          </span>
        }
        description={`Paid on ${toIsoDate(run.payDate)}.${run.calculatedAt ? ` Calculated ${stamp(run.calculatedAt)}.` : ""}${run.approvedAt ? ` Approved ${stamp(run.approvedAt)}.` : ""}`}
        actions={
          <div className="flex flex-wrap items-start gap-3">
            {!isLocked && (
              <CalculateButton runId={run.id} label={run.status === "CALCULATING" ? "Carry on calculating" : isCalculated ? "Recalculate" : "Calculate"} />
            )}
            {canApprove && run.status === "CALCULATED" && (
              <DecisionButton
                runId={run.id}
                kind="approve"
                unavailableReason={primary.available ? undefined : primary.reason}
                blockedReason={run.calculatedById === user.id ? SELF_APPROVAL : undefined}
              />
            )}
            {canApprove && run.status === "APPROVED" && (
              <DecisionButton runId={run.id} kind="pay" unavailableReason={primary.available ? undefined : primary.reason} />
            )}
          </div>
        }
      />
      {run.lastError && (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          The last calculation stopped: {run.lastError}
        </p>
      )}

      {totals && currency && (
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-5" data-testid="run-totals">
          <Stat
            label="Employees"
            value={run.employeeCount}
            hint={run.flaggedCount ? `${run.flaggedCount} flagged for review` : undefined}
            tone={run.flaggedCount ? "warning" : "neutral"}
          />
          <Stat label="Gross" value={formatPay(totals.gross, currency)} />
          <Stat label="Deductions" value={formatPay(totals.totalDeductions, currency)} />
          <Stat label="Net pay" value={formatPay(totals.net, currency)} />
          <Stat label="Employer cost" value={formatPay(totals.employerCost, currency)} />
        </div>
      )}

      {isCalculated && (
        <div className="flex flex-wrap gap-2">
          {FILES.filter(([file]) => isLocked || !file.startsWith("bank")).map(([file, label]) => (
            <a key={file} href={`/api/payroll/runs/${run.id}/files/${file}`} className={buttonClass({ variant: "secondary", size: "sm" })}>
              {label}
            </a>
          ))}
        </div>
      )}

      <section className="flex flex-col gap-3" aria-labelledby="one-offs-heading" data-testid="run-adjustments">
        <h2 id="one-offs-heading" className="text-sm font-semibold text-slate-700">
          One-off additions and deductions for this period
        </h2>
        {!isLocked && (
          <Card
            description={`A bonus or a recovery for this period only. ${isCalculated ? "The run is calculated: recalculate it to include changes here." : "Calculate the run to include these."}`}
          >
            <AdjustmentForm employees={employees} periodStart={periodStart} today={periodStart} />
          </Card>
        )}
        <AdjustmentList
          rows={adjustments.rows}
          ownEmployeeId={user.employeeId}
          emptyText={isLocked ? "No one-offs were paid in this run." : "None yet. Corrections of earlier payslips paid in this period appear here too."}
        />
      </section>

      {payslips.length > 0 && (
        <Table
          testId="payslip-rows"
          label="Payslips"
          footer={total > payslips.length ? `Showing ${payslips.length} of ${total}, flagged first. The register has everyone.` : undefined}
        >
          <THead>
            <Th>Employee</Th>
            <Th className="text-right">Gross</Th>
            <Th className="text-right">Net pay</Th>
            <Th className="text-right">Change</Th>
            <Th>Review</Th>
          </THead>
          <TBody>
            {payslips.map((row) => (
              <Tr key={row.id} className={row.isFlagged ? "bg-amber-50/60" : undefined}>
                <Td>
                  <TextLink href={`/payroll/payslips/${row.id}`}>
                    {row.employee.firstName} {row.employee.lastName}
                  </TextLink>{" "}
                  <span className="text-xs text-slate-500">{row.employee.employeeNumber}</span>
                </Td>
                <Td className="text-right tabular-nums">{formatPay(row.gross, row.currency)}</Td>
                <Td className="text-right tabular-nums">{formatPay(row.net, row.currency)}</Td>
                <Td className="text-right tabular-nums">
                  {row.previousNet === null ? "new" : `${row.net - row.previousNet >= 0 ? "+" : ""}${formatPay(row.net - row.previousNet, row.currency)}`}
                </Td>
                <Td>
                  {row.isFlagged && (
                    <Badge tone="warning" className="whitespace-normal">
                      {row.flagReason}
                    </Badge>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}

function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
