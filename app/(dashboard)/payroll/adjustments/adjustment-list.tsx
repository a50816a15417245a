import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AdjustmentRow } from "@/lib/payroll/adjustments";
import { ADJUSTMENT_KIND_LABELS, formatPay } from "@/lib/payroll/format";
import { DeleteAdjustmentButton } from "./delete-adjustment-button";

// One-offs and corrections with their reasons; those of a period not yet approved can be removed
// (never one's own: the server refuses those).
export function AdjustmentList({ rows, ownEmployeeId, emptyText }: { rows: AdjustmentRow[]; ownEmployeeId: string | null; emptyText: string }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No one-offs" size="sm" testId="no-adjustments">
        {emptyText}
      </EmptyState>
    );
  return (
    <Table testId="adjustment-rows" label="One-off additions and deductions">
      <THead>
        <Th>Employee</Th>
        <Th>Period from</Th>
        <Th>One-off</Th>
        <Th className="text-right">Amount</Th>
        <Th>Reason</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {rows.map((row) => {
          const name = `${row.employee.firstName} ${row.employee.lastName}`;
          const amount = formatPay(row.amount, row.currency);
          return (
            <Tr key={row.id}>
              <Td>
                {name} <span className="text-xs text-slate-500">{row.employee.employeeNumber}</span>
              </Td>
              <Td className="whitespace-nowrap">{formatDate(row.periodStart)}</Td>
              <Td>
                <span className="font-medium text-slate-900">{row.name}</span>{" "}
                <Badge tone={row.kind === "EARNING" ? "success" : "warning"}>{ADJUSTMENT_KIND_LABELS[row.kind] ?? row.kind}</Badge>
                <span className="block font-mono text-xs text-slate-500">{row.code}</span>
              </Td>
              <Td className="text-right tabular-nums">{row.kind === "DEDUCTION" ? `−${amount}` : amount}</Td>
              <Td className="max-w-sm text-sm whitespace-normal">
                {row.reason}
                {row.correctsPayslipId && (
                  <>
                    {" "}
                    <TextLink href={`/payroll/payslips/${row.correctsPayslipId}`}>Corrected payslip</TextLink>
                  </>
                )}
              </Td>
              <Td className="text-right">
                {row.isLocked ? (
                  <Badge tone="neutral">Paid in an approved run</Badge>
                ) : row.employeeId === ownEmployeeId ? (
                  <span className="text-xs text-slate-500">Your own pay</span>
                ) : (
                  <DeleteAdjustmentButton
                    id={row.id}
                    description={`${row.name} of ${amount} for ${name} will not be paid. This is recorded in the audit trail.`}
                  />
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
