import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { CSV_COLUMN_HELP, EMPLOYEE_CSV_COLUMNS, MAX_CSV_BYTES, MAX_CSV_ROWS, REQUIRED_CSV_COLUMNS, SENSITIVE_CSV_COLUMNS } from "@/lib/csv/employee-csv";
import { ImportWizard } from "./import-wizard";
import { DataTable, TBody, THead } from "@/components/ui/table";

export const metadata: Metadata = { title: "Import employees" };

export default async function ImportEmployeesPage() {
  await requirePermission("employees:import");
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <Link href="/employees" className="text-sm font-medium text-brand-600 hover:underline">
            ← Employees
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Import employees</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Add or update employees from a spreadsheet saved as CSV. Rows are matched on the employee number: a new number creates an employee, a known one
            updates them, and rows that change nothing are skipped, so the same file can be imported twice safely.
          </p>
        </div>
        <a
          href="/api/employees/import/template"
          download
          className="shrink-0 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Download template
        </a>
      </div>

      <ImportWizard maxBytes={MAX_CSV_BYTES} maxRows={MAX_CSV_ROWS} />

      <details className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <summary className="cursor-pointer px-5 py-4 text-sm font-semibold text-slate-700">The CSV format</summary>
        <div className="border-t border-slate-200 px-5 py-4 text-sm text-slate-700">
          <p>
            The first row names the columns, in any order; names are matched ignoring case and spaces. Columns left out of the file are left unchanged on
            existing employees. An empty cell clears an optional value. Dates are YYYY-MM-DD.
          </p>
          <div className="mt-3">
            <DataTable>
              <THead variant="plain" columns={["Column", "Required", "What to put in it"]} />
              <TBody>
                {EMPLOYEE_CSV_COLUMNS.map((column) => (
                  <tr key={column}>
                    <td className="py-2 pr-4 font-mono text-xs">{column}</td>
                    <td className="py-2 pr-4">{REQUIRED_CSV_COLUMNS.includes(column) ? "Yes" : <span className="text-slate-500">No</span>}</td>
                    <td className="py-2">
                      {CSV_COLUMN_HELP[column]}
                      {SENSITIVE_CSV_COLUMNS.has(column) && <span className="ml-1 text-xs text-slate-500">(sensitive)</span>}
                    </td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </div>
        </div>
      </details>
    </div>
  );
}
