import "server-only";
import { AppError } from "@/lib/errors";
import { isValidIban } from "../bank-details";
import { csvLine } from "./csv";
import { decimal, type RunPayslip, runPayslips } from "./run-rows";

// Paying a run: a CSV of payees for any bank's bulk upload, and an ISO 20022 customer credit
// transfer initiation (pain.001.001.03, the version SEPA's rulebook names) for banks that take it.
// Only positive net pay is paid; anyone without usable bank details stops the file, by name.
export type Employer = { name: string; iban: string | null; bic: string | null };
type Run = { id: string; payDate: Date; periodStart: Date; periodEnd: Date };

async function payees(runId: string, needsIban: boolean): Promise<RunPayslip[]> {
  const rows: RunPayslip[] = [];
  const missing: string[] = [];
  for await (const payslip of runPayslips(runId)) {
    if (payslip.net <= 0) continue;
    const hasAccount = needsIban
      ? Boolean(payslip.iban && isValidIban(payslip.iban))
      : Boolean(payslip.iban || (payslip.sortCode && payslip.bankAccountNumber));
    if (!hasAccount) missing.push(`${payslip.employee.firstName} ${payslip.employee.lastName} (${payslip.employee.employeeNumber})`);
    rows.push(payslip);
  }
  if (missing.length) {
    const shown = missing.slice(0, 10).join(", ");
    throw new AppError(
      "validation_failed",
      `${missing.length} ${missing.length === 1 ? "person has" : "people have"} no ${needsIban ? "IBAN" : "bank account"}: ${shown}${missing.length > 10 ? ", …" : ""}. Add their bank details and recalculate the run.`,
    );
  }
  return rows.sort((a, b) => a.employee.employeeNumber.localeCompare(b.employee.employeeNumber));
}

const reference = (run: Run) => `PAY ${run.periodStart.toISOString().slice(0, 7)}`;

export async function bankFileCsv(run: Run): Promise<string> {
  let text = csvLine(["Payee", "Employee number", "Sort code", "Account number", "IBAN", "BIC", "Amount", "Currency", "Reference", "Payment date"]);
  for (const payslip of await payees(run.id, false)) {
    text += csvLine([
      payslip.bankAccountName ?? `${payslip.employee.firstName} ${payslip.employee.lastName}`,
      payslip.employee.employeeNumber,
      payslip.sortCode,
      payslip.bankAccountNumber,
      payslip.iban,
      payslip.bic,
      decimal(payslip.net, payslip.currency),
      payslip.currency,
      reference(run),
      run.payDate.toISOString().slice(0, 10),
    ]);
  }
  return text;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}

// SEPA's character set is Latin letters, digits and / - ? : ( ) . , ' + and space.
function sepaText(text: string, max: number): string {
  return xml(
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
      .trim()
      .slice(0, max),
  );
}

export async function bankFileSepa(run: Run, employer: Employer, now = new Date()): Promise<string> {
  if (!employer.iban || !isValidIban(employer.iban))
    throw new AppError("validation_failed", "Set the employer's IBAN (payroll settings) before making a SEPA file.");
  const rows = await payees(run.id, true);
  if (rows.length === 0) throw new AppError("validation_failed", "Nobody in this run has net pay to pay.");
  const currencies = [...new Set(rows.map((row) => row.currency))];
  if (currencies.length !== 1)
    throw new AppError("validation_failed", `A credit transfer file is in one currency; this run pays in ${currencies.join(" and ")}.`);
  const [currency] = currencies;
  const total = rows.reduce((sum, row) => sum + row.net, 0);
  const messageId = `HRMS-${run.id.replace(/-/g, "").slice(-20)}-${now.getTime().toString(36)}`.slice(0, 35);
  const created = now.toISOString().slice(0, 19);
  const transactions = rows
    .map(
      (row, index) => `      <CdtTrfTxInf>
        <PmtId><EndToEndId>${xml(`${reference(run).replace(" ", "-")}-${index + 1}`)}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="${currency}">${decimal(row.net, currency)}</InstdAmt></Amt>${row.bic ? `\n        <CdtrAgt><FinInstnId><BIC>${xml(row.bic)}</BIC></FinInstnId></CdtrAgt>` : ""}
        <Cdtr><Nm>${sepaText(row.bankAccountName ?? `${row.employee.firstName} ${row.employee.lastName}`, 70)}</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>${xml(row.iban!)}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>${sepaText(`Salary ${reference(run).slice(4)} ${row.employee.employeeNumber}`, 140)}</Ustrd></RmtInf>
      </CdtTrfTxInf>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${xml(messageId)}</MsgId>
      <CreDtTm>${created}</CreDtTm>
      <NbOfTxs>${rows.length}</NbOfTxs>
      <CtrlSum>${decimal(total, currency)}</CtrlSum>
      <InitgPty><Nm>${sepaText(employer.name, 70)}</Nm></InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>${xml(messageId)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>true</BtchBookg>
      <NbOfTxs>${rows.length}</NbOfTxs>
      <CtrlSum>${decimal(total, currency)}</CtrlSum>
      <PmtTpInf>${currency === "EUR" ? "<SvcLvl><Cd>SEPA</Cd></SvcLvl>" : ""}<CtgyPurp><Cd>SALA</Cd></CtgyPurp></PmtTpInf>
      <ReqdExctnDt>${run.payDate.toISOString().slice(0, 10)}</ReqdExctnDt>
      <Dbtr><Nm>${sepaText(employer.name, 70)}</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${xml(employer.iban.replace(/\s+/g, "").toUpperCase())}</IBAN></Id></DbtrAcct>
      <DbtrAgt><FinInstnId>${employer.bic ? `<BIC>${xml(employer.bic)}</BIC>` : "<Othr><Id>NOTPROVIDED</Id></Othr>"}</FinInstnId></DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
${transactions}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}
