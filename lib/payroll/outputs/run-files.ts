import "server-only";
import { AppError } from "@/lib/errors";
import { readSetting } from "@/lib/settings/settings";
import { getPayslip } from "../get-payslip";
import { findRunOrThrow, type PayrollUser, requirePayroll } from "../run-access";
import { bankFileCsv, bankFileSepa } from "./bank-file";
import { journalCsv } from "./journal";
import { renderPayslipPdf } from "./payslip-pdf";
import { registerCsv, registerXlsx } from "./register";

// The files made from a run, for payroll users: the register (CSV, XLSX) and journal once it is
// calculated, the bank file (CSV, SEPA pain.001) once it is approved.
export const RUN_FILES = ["register.csv", "register.xlsx", "journal.csv", "bank.csv", "bank-sepa.xml"] as const;
export type RunFile = (typeof RUN_FILES)[number];

const CONTENT_TYPES: Record<RunFile, string> = {
  "register.csv": "text/csv; charset=utf-8",
  "register.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "journal.csv": "text/csv; charset=utf-8",
  "bank.csv": "text/csv; charset=utf-8",
  "bank-sepa.xml": "application/xml; charset=utf-8",
};

export async function makeRunFile(
  user: PayrollUser,
  runId: string,
  file: RunFile,
): Promise<{ body: string | Uint8Array; contentType: string; filename: string }> {
  requirePayroll(user);
  const run = await findRunOrThrow(runId);
  const isCalculated = ["CALCULATED", "APPROVED", "PAID"].includes(run.status);
  const isApproved = run.status === "APPROVED" || run.status === "PAID";
  if (!isCalculated) throw new AppError("conflict", "Calculate the run first.");
  if (file.startsWith("bank") && !isApproved) throw new AppError("conflict", "A bank file is made once the run is approved.");
  const body =
    file === "register.csv"
      ? await registerCsv(runId)
      : file === "register.xlsx"
        ? await registerXlsx(runId)
        : file === "journal.csv"
          ? await journalCsv(run)
          : file === "bank.csv"
            ? await bankFileCsv(run)
            : await bankFileSepa(run, await readSetting("payroll-employer"));
  const [name, extension] = file.split(".");
  return { body, contentType: CONTENT_TYPES[file], filename: `payroll-${name}-${run.periodStart.toISOString().slice(0, 7)}.${extension}` };
}

export async function makePayslipPdf(user: PayrollUser, payslipId: string): Promise<{ body: Buffer; filename: string }> {
  const payslip = await getPayslip(user, payslipId);
  const employer = await readSetting("payroll-employer");
  return {
    body: await renderPayslipPdf(payslip, employer.name),
    filename: `payslip-${payslip.employee.employeeNumber}-${payslip.run.periodStart.toISOString().slice(0, 7)}.pdf`,
  };
}
