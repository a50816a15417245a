import "server-only";
import PDFDocument from "pdfkit";
import { CURRENCIES, formatMoney } from "../engine";
import { type PayslipDetail } from "../get-payslip";

// A payslip as a one-page A4 PDF: who, which period, every line with its amount and reason, the
// totals, the days it was worked out on and the tax year to date. pdfkit's built-in Helvetica, so
// nothing is downloaded or built.
const KIND_TITLES = [
  ["EARNING", "Earnings"],
  ["DEDUCTION", "Deductions"],
  ["EMPLOYER_CONTRIBUTION", "Paid by your employer (not deducted)"],
] as const;

export function renderPayslipPdf(payslip: PayslipDetail, employerName: string): Promise<Buffer> {
  const currency = CURRENCIES[payslip.currency] ?? { code: payslip.currency, minorDigits: 2 };
  const money = (minor: number) => formatMoney(minor, currency);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    info: { Title: `Payslip ${iso(payslip.run.periodStart)} to ${iso(payslip.run.periodEnd)}`, Author: employerName },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const row = (label: string, amount: string, options: { bold?: boolean; note?: string } = {}) => {
    const y = doc.y;
    doc
      .font(options.bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(10)
      .text(label, left, y, { width: width - 130 });
    const after = doc.y;
    doc.text(amount, left + width - 120, y, { width: 120, align: "right" });
    doc.y = Math.max(after, doc.y);
    if (options.note)
      doc
        .font("Helvetica")
        .fontSize(7.5)
        .fillColor("#555555")
        .text(options.note, left + 10, doc.y, { width: width - 140 })
        .fillColor("#000000");
    doc.moveDown(0.3);
  };

  doc.font("Helvetica-Bold").fontSize(18).text("Payslip", left, doc.y);
  doc.font("Helvetica").fontSize(10).text(employerName);
  doc.moveDown(0.5);
  const employee = payslip.employee;
  doc.text(
    `${employee.firstName} ${employee.lastName} (${employee.employeeNumber})${employee.jobTitle ? `, ${employee.jobTitle}` : ""}${employee.department ? `, ${employee.department.name}` : ""}`,
  );
  doc.text(`Pay period ${iso(payslip.run.periodStart)} to ${iso(payslip.run.periodEnd)}, paid on ${iso(payslip.run.payDate)}`);
  const days = payslip.days as { basis?: string; inPeriod?: number; paid?: number; unpaidLeave?: number; absence?: number };
  doc.text(
    `Days (${String(days.basis ?? "")
      .toLowerCase()
      .replace(
        "_",
        " ",
      )}): ${days.paid} paid of ${days.inPeriod}${days.unpaidLeave ? `, ${days.unpaidLeave} unpaid leave` : ""}${days.absence ? `, ${days.absence} absent` : ""}`,
  );
  doc.moveDown();

  for (const [kind, title] of KIND_TITLES) {
    const lines = payslip.lines.filter((line) => line.kind === kind);
    if (lines.length === 0) continue;
    doc.font("Helvetica-Bold").fontSize(11).text(title, left, doc.y);
    doc.moveDown(0.2);
    for (const line of lines) row(line.name, money(line.amount), { note: `${line.basis}. Rounding: ${line.rounding}.` });
    doc.moveDown(0.4);
  }

  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.moveDown(0.4);
  row("Gross pay", money(payslip.gross), { bold: true });
  row("Total deductions", money(payslip.totalDeductions), { bold: true });
  row("Net pay", money(payslip.net), { bold: true });
  const { payee } = payslip;
  if (payee && (payee.iban || payee.sortCode)) {
    const account = payee.iban ? `IBAN ending ${payee.iban.slice(-4)}` : `account ending ${payee.bankAccountNumber?.slice(-4)}`;
    doc.font("Helvetica").fontSize(9).text(`Paid to ${account}.`, left, doc.y);
  }
  doc.moveDown();

  const ytd = payslip.yearToDate;
  doc.font("Helvetica-Bold").fontSize(11).text(`Tax year to date (from ${ytd.taxYearStartsOn})`, left, doc.y);
  doc.moveDown(0.2);
  row("Gross pay", money(ytd.gross));
  row("Taxable pay", money(ytd.taxablePay));
  for (const line of payslip.lines.filter((item) => item.source === "TAX")) row(line.name, money(ytd.byCode[line.code] ?? 0));
  row("Net pay", money(ytd.net));
  doc.end();
  return done;
}
