import type { Metadata } from "next";
import { ButtonLink, TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/current-user";
import { toIsoDate } from "@/lib/leave/dates";
import { formatPay } from "@/lib/payroll/format";
import { listPayslips } from "@/lib/payroll/list-payslips";

export const metadata: Metadata = { title: "My payslips" };

export default async function MyPayslipsPage() {
  const user = await requirePermission("payroll:view-own");
  const result = user.employeeId ? await listPayslips(user, { page: 1, pageSize: 100, employee: user.employeeId }) : { rows: [], total: 0 };

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="My payslips"
        description="Every payslip of an approved pay run, newest first. Each one explains every amount on it."
        actions={
          user.employeeId && (
            <ButtonLink href={`/employees/${user.employeeId}/bank`} variant="secondary" data-testid="my-bank-details">
              My bank details
            </ButtonLink>
          )
        }
      />
      {result.rows.length === 0 ? (
        <Card>
          <EmptyState title="No payslips yet" testId="no-payslips">
            Your payslips appear here once a pay run you are in is approved.
          </EmptyState>
        </Card>
      ) : (
        <Table testId="my-payslips" label="My payslips">
          <THead>
            <Th>Period</Th>
            <Th>Paid on</Th>
            <Th className="text-right">Gross</Th>
            <Th className="text-right">Net pay</Th>
            <Th className="text-right">
              <span className="sr-only">Download</span>
            </Th>
          </THead>
          <TBody>
            {result.rows.map((row) => (
              <Tr key={row.id}>
                <Td>
                  <TextLink href={`/payroll/payslips/${row.id}`}>
                    {toIsoDate(row.run.periodStart)} to {toIsoDate(row.run.periodEnd)}
                  </TextLink>
                </Td>
                <Td>{toIsoDate(row.run.payDate)}</Td>
                <Td className="text-right tabular-nums">{formatPay(row.gross, row.currency)}</Td>
                <Td className="text-right font-medium tabular-nums">{formatPay(row.net, row.currency)}</Td>
                <Td className="text-right">
                  <a href={`/api/v1/payslips/${row.id}/pdf`} className="text-sm font-medium text-brand-700 hover:underline" data-testid="download-payslip">
                    PDF
                  </a>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
