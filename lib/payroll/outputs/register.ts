import "server-only";
import { csvLine } from "./csv";
import { decimal, type RunPayslip, runPayslips } from "./run-rows";
import { xlsxWorkbook } from "./xlsx";

// The payroll register: one row per employee with the totals and an amount per line code, the
// codes in the order they first appear. Amounts in major units with two decimals.
const FIXED = ["Employee number", "Name", "Department", "Currency", "Gross", "Taxable pay", "Deductions", "Net pay", "Employer contributions", "Employer cost"];

async function registerTable(runId: string): Promise<{ header: string[]; rows: (string | number)[][] }> {
  const payslips: RunPayslip[] = [];
  const codes: string[] = [];
  for await (const payslip of runPayslips(runId)) {
    for (const line of payslip.lines) if (!codes.includes(line.code)) codes.push(line.code);
    payslips.push(payslip);
  }
  payslips.sort((a, b) => a.employee.employeeNumber.localeCompare(b.employee.employeeNumber));
  const rows = payslips.map((payslip) => {
    const byCode = new Map<string, number>();
    for (const line of payslip.lines) byCode.set(line.code, (byCode.get(line.code) ?? 0) + line.amount);
    return [
      payslip.employee.employeeNumber,
      `${payslip.employee.firstName} ${payslip.employee.lastName}`,
      payslip.employee.department?.code ?? "",
      payslip.currency,
      ...[payslip.gross, payslip.taxablePay, payslip.totalDeductions, payslip.net, payslip.employerContributions, payslip.employerCost].map((amount) =>
        decimal(amount, payslip.currency),
      ),
      ...codes.map((code) => decimal(byCode.get(code) ?? 0, payslip.currency)),
    ];
  });
  return { header: [...FIXED, ...codes], rows };
}

export async function registerCsv(runId: string): Promise<string> {
  const { header, rows } = await registerTable(runId);
  return [header, ...rows].map((row) => csvLine(row)).join("");
}

export async function registerXlsx(runId: string): Promise<Uint8Array> {
  const { header, rows } = await registerTable(runId);
  // Numbers as numbers in the spreadsheet, so it can sum them.
  const numeric = rows.map((row) => row.map((cell, index) => (index >= 4 ? Number(cell) : cell)));
  return xlsxWorkbook("Payroll register", [header, ...numeric]);
}
