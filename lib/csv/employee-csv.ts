import Papa from "papaparse";
import { z } from "zod";
import { EMPLOYMENT_TYPES, ZEmployeeInput, type EmployeeInput } from "@/lib/validations/employees";

// The CSV format of employee import and export: one employee per row, columns named after the
// employee form's fields, with a department's code and a manager's employee number instead of ids
// (ids mean nothing outside this database). Pure functions, shared by the server and the browser.

// The columns only people who may read sensitive fields get (as on the profile page), last in a file.
const SENSITIVE_COLUMN_NAMES = [
  "dateOfBirth",
  "salary",
  "salaryCurrency",
  "personalEmail",
  "address",
  "emergencyName",
  "emergencyRelation",
  "emergencyPhone",
] as const;

export const EMPLOYEE_CSV_COLUMNS = [
  "employeeNumber",
  "firstName",
  "lastName",
  "workEmail",
  "phone",
  "jobTitle",
  "departmentCode",
  "managerEmployeeNumber",
  "employmentType",
  "hireDate",
  ...SENSITIVE_COLUMN_NAMES,
] as const;

export type EmployeeCsvColumn = (typeof EMPLOYEE_CSV_COLUMNS)[number];

export const REQUIRED_CSV_COLUMNS: readonly EmployeeCsvColumn[] = [
  "employeeNumber",
  "firstName",
  "lastName",
  "workEmail",
  "jobTitle",
  "employmentType",
  "hireDate",
];

export const SENSITIVE_CSV_COLUMNS: ReadonlySet<EmployeeCsvColumn> = new Set(SENSITIVE_COLUMN_NAMES);

export const CSV_COLUMN_HELP: Record<EmployeeCsvColumn, string> = {
  employeeNumber: "Unique. A number already in the directory updates that employee. Letters, digits, - and _.",
  firstName: "First name.",
  lastName: "Last name.",
  workEmail: "Unique work email.",
  phone: "Work phone: digits, spaces and + ( ) -.",
  jobTitle: "Job title.",
  departmentCode: "The department's code, e.g. ENG. Empty: no department.",
  managerEmployeeNumber: "The manager's employee number, in the directory or anywhere in this file. Empty: no manager.",
  employmentType: `One of ${EMPLOYMENT_TYPES.join(", ")}.`,
  hireDate: "YYYY-MM-DD.",
  dateOfBirth: "YYYY-MM-DD, before the hire date.",
  salary: "Annual base salary in whole currency units, e.g. 85000 or 85000.50.",
  salaryCurrency: "Three-letter code, e.g. USD (the default) or EUR.",
  personalEmail: "Personal email.",
  address: "Home address.",
  emergencyName: "Emergency contact's name.",
  emergencyRelation: "Emergency contact's relation, e.g. Partner.",
  emergencyPhone: "Emergency contact's phone.",
};

export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const NOT_UTF8 = "The file is not UTF-8 text. In Excel choose “CSV UTF-8 (Comma delimited)” when saving, then upload it again.";

export type CsvValues = Partial<Record<EmployeeCsvColumn, string>>;

// A valid row: the employee form's input plus its references by code and number. departmentId
// and managerId are left empty here; the import resolves them from the code and the number.
export type EmployeeRowInput = EmployeeInput & {
  departmentCode: string | null;
  managerEmployeeNumber: string | null;
};

// `errors` is keyed by column; the key "row" is about the row as a whole.
export type CsvRow = { line: number; values: CsvValues; errors: Record<string, string>; input: EmployeeRowInput | null };

export type ParsedEmployeeCsv = { columns: EmployeeCsvColumn[]; rows: CsvRow[]; errors: string[]; warnings: string[] };

// Spreadsheets run a cell that starts with one of these as a formula; an apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'[=+\-@\t\r]/;

const ZReferences = z.object({
  departmentCode: z
    .string()
    .trim()
    .max(64, "Use at most 64 characters.")
    .transform((code) => code || null),
  managerEmployeeNumber: z
    .string()
    .trim()
    .max(20, "Use at most 20 characters.")
    .regex(/^[A-Za-z0-9_-]*$/, "Use the manager's employee number: letters, digits, - and _ only.")
    .transform((number) => number || null),
});

// Messages written for a form that read oddly for a spreadsheet cell.
const CSV_MESSAGES: Partial<Record<string, string>> = {
  employmentType: `Use one of ${EMPLOYMENT_TYPES.join(", ")}.`,
};

const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
const COLUMN_BY_HEADER = new Map<string, EmployeeCsvColumn>(EMPLOYEE_CSV_COLUMNS.map((column) => [normaliseHeader(column), column]));

type RawRecord = { cells: string[]; line: number; isUnclosedQuote: boolean };

function fileFailure(message: string): ParsedEmployeeCsv {
  return { columns: [], rows: [], errors: [message], warnings: [] };
}

function countOf(text: string, needle: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(needle, from); at !== -1 && at < to; at = text.indexOf(needle, at + 1)) count += 1;
  return count;
}

// Records with the line each starts on (a quoted value may span lines), stopping once the file
// is known to be too long so a huge upload is not parsed in full.
function readRecords(source: string): { records: RawRecord[]; isTooLong: boolean } {
  const records: RawRecord[] = [];
  const lineBreak = source.includes("\n") ? "\n" : "\r";
  let isTooLong = false;
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    delimitersToGuess: [",", ";", "\t"],
    step: (result, parser) => {
      const end = result.meta.cursor;
      const cells = result.data;
      if (cells.some((cell) => cell.trim() !== "")) {
        if (records.length > MAX_CSV_ROWS) {
          isTooLong = true;
          parser.abort();
          return;
        }
        records.push({ cells, line, isUnclosedQuote: result.errors.some((error) => error.type === "Quotes") });
      }
      line += countOf(source, lineBreak, start, end);
      start = end;
    },
  });
  return { records, isTooLong };
}

function unguard(cell: string): string {
  return GUARDED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

function validateRow(values: CsvValues): { errors: Record<string, string>; input: EmployeeRowInput | null } {
  const errors: Record<string, string> = {};
  const employmentType = values.employmentType
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  const parsed = ZEmployeeInput.safeParse({ ...values, employmentType, departmentId: undefined, managerId: undefined });
  const references = ZReferences.safeParse({ departmentCode: values.departmentCode ?? "", managerEmployeeNumber: values.managerEmployeeNumber ?? "" });
  for (const issue of [...(parsed.error?.issues ?? []), ...(references.error?.issues ?? [])]) {
    const field = String(issue.path[0] ?? "row");
    errors[field] ??= CSV_MESSAGES[field] ?? issue.message;
  }
  if (!parsed.success || !references.success) return { errors, input: null };
  return { errors, input: { ...parsed.data, departmentId: null, managerId: null, ...references.data } };
}

// Every row sharing a value with another gets an error naming the other lines.
function flagDuplicates(rows: CsvRow[], column: "employeeNumber" | "workEmail", label: string, normalise: (value: string) => string) {
  const linesByValue = new Map<string, number[]>();
  for (const row of rows) {
    const value = normalise(row.values[column] ?? "");
    if (value) linesByValue.set(value, [...(linesByValue.get(value) ?? []), row.line]);
  }
  for (const row of rows) {
    const lines = linesByValue.get(normalise(row.values[column] ?? ""));
    if (!lines || lines.length < 2) continue;
    const others = lines.filter((line) => line !== row.line);
    row.errors[column] ??= `The same ${label} is also on line${others.length > 1 ? "s" : ""} ${others.join(", ")}.`;
    row.input = null;
  }
}

// Reads an employee CSV: file-level problems (encoding, missing columns, size) stop everything;
// otherwise each row is validated with the employee form's rules, and duplicates within the file
// are errors on every row involved. References (department codes, manager numbers) are checked
// against the database by the import, not here.
export function parseEmployeeCsv(text: string): ParsedEmployeeCsv {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A decoder puts U+FFFD where bytes were not UTF-8; UTF-16 files also carry NUL bytes.
  if (source.includes("\uFFFD") || source.includes("\u0000")) return fileFailure(NOT_UTF8);
  if (!source.trim()) return fileFailure("The file is empty.");

  const { records, isTooLong } = readRecords(source);
  if (isTooLong) return fileFailure(`The file has more than ${MAX_CSV_ROWS.toLocaleString("en-US")} employee rows. Split it into smaller files.`);
  const [header, ...data] = records;
  if (!header) return fileFailure("The file is empty.");

  const errors: string[] = [];
  const warnings: string[] = [];
  const columnAt: (EmployeeCsvColumn | null)[] = header.cells.map((name, index) => {
    const column = COLUMN_BY_HEADER.get(normaliseHeader(name)) ?? null;
    if (!column) warnings.push(name.trim() ? `Unknown column “${name.trim()}” is ignored.` : `Column ${index + 1} has no name; its values are ignored.`);
    return column;
  });
  const columns = columnAt.filter((column): column is EmployeeCsvColumn => column !== null);
  const repeated = [...new Set(columns.filter((column, index) => columns.indexOf(column) !== index))];
  if (repeated.length) errors.push(`Each column may appear once; repeated: ${repeated.join(", ")}.`);
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) errors.push(`Missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
  if (!data.length) errors.push("The file has a header row but no employees.");
  if (errors.length) return { columns, rows: [], errors, warnings };

  const rows: CsvRow[] = data.map((record) => {
    const values: CsvValues = {};
    columnAt.forEach((column, index) => {
      if (column) values[column] = unguard(record.cells[index] ?? "");
    });
    const { errors: rowErrors, input } = validateRow(values);
    if (record.isUnclosedQuote) rowErrors.row = 'A quoted value is never closed: check for a stray double quote (") in this row.';
    else if (record.cells.length !== header.cells.length)
      rowErrors.row = `This row has ${record.cells.length} values but the header has ${header.cells.length} columns.`;
    return { line: record.line, values, errors: rowErrors, input: rowErrors.row ? null : input };
  });
  flagDuplicates(rows, "employeeNumber", "employee number", (value) => value.trim());
  flagDuplicates(rows, "workEmail", "work email", (value) => value.trim().toLowerCase());
  return { columns, rows, errors: [], warnings };
}

// What the export writes for one employee.
export type EmployeeForCsv = {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  phone: string | null;
  jobTitle: string;
  employmentType: string;
  hireDate: Date;
  dateOfBirth?: Date | null;
  salaryCents?: number | null;
  salaryCurrency?: string | null;
  personalEmail?: string | null;
  address?: string | null;
  emergencyName?: string | null;
  emergencyRelation?: string | null;
  emergencyPhone?: string | null;
  department: { code: string } | null;
  manager: { employeeNumber: string } | null;
};

const isoDate = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");

export function toCsvValues(employee: EmployeeForCsv): CsvValues {
  return {
    employeeNumber: employee.employeeNumber,
    firstName: employee.firstName,
    lastName: employee.lastName,
    workEmail: employee.workEmail,
    phone: employee.phone ?? "",
    jobTitle: employee.jobTitle,
    departmentCode: employee.department?.code ?? "",
    managerEmployeeNumber: employee.manager?.employeeNumber ?? "",
    employmentType: employee.employmentType,
    hireDate: isoDate(employee.hireDate),
    dateOfBirth: isoDate(employee.dateOfBirth),
    salary: employee.salaryCents === null || employee.salaryCents === undefined ? "" : (employee.salaryCents / 100).toFixed(2),
    salaryCurrency: employee.salaryCurrency ?? "",
    personalEmail: employee.personalEmail ?? "",
    address: employee.address ?? "",
    emergencyName: employee.emergencyName ?? "",
    emergencyRelation: employee.emergencyRelation ?? "",
    emergencyPhone: employee.emergencyPhone ?? "",
  };
}

// RFC 4180 text (CRLF, quotes where needed) that the import reads back unchanged. Starts with a
// byte order mark so Excel reads it as UTF-8 rather than the machine's legacy code page.
export function toEmployeeCsv(rows: CsvValues[], columns: readonly EmployeeCsvColumn[] = EMPLOYEE_CSV_COLUMNS): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? "")) },
    { newline: "\r\n", escapeFormulae: FORMULA_START },
  );
  // Papa ends a header-only file with a line break and a file with rows without one.
  return `\uFEFF${body.replace(/\r\n$/, "")}\r\n`;
}
