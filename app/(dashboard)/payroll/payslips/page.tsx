import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/table";
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
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My payslips</h1>
        <p className="mt-1 text-sm text-slate-600">Every payslip of an approved pay run, newest first. Each one explains every amount on it.</p>
      </div>
      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {result.rows.length === 0 ? (
          <p className="px-6 py-16 text-center text-sm text-slate-600" data-testid="no-payslips">
            No payslips yet.
          </p>
        ) : (
          <DataTable data-testid="my-payslips">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Period</th>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Paid on</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Gross</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Net pay</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">
                  <span className="sr-only">Download</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/payroll/payslips/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {toIsoDate(row.run.periodStart)} to {toIsoDate(row.run.periodEnd)}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{toIsoDate(row.run.payDate)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatPay(row.gross, row.currency)}</td>
                  <td className="px-4 py-3 text-right font-medium tabular-nums">{formatPay(row.net, row.currency)}</td>
                  <td className="px-4 py-3 text-right">
                    <a href={`/api/v1/payslips/${row.id}/pdf`} className="text-brand-700 hover:underline" data-testid="download-payslip">
                      PDF
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
