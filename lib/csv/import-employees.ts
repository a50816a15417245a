import "server-only";
import { uuidv7 } from "uuidv7";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { visibleEmployeeIds } from "@/lib/auth/scope";
import { db, DatabaseUnavailableError, withTransaction } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { log } from "@/lib/log";
import { prismaCode } from "@/lib/prisma-errors";
import { parseEmployeeCsv, type CsvValues, type EmployeeCsvColumn, type EmployeeRowInput, type ParsedEmployeeCsv } from "./employee-csv";
import { JOB_FIELDS_SELECT, SENSITIVE_EMPLOYEE_SELECT } from "@/lib/employees/employee-select";

// Importing employees from CSV, idempotent on the employee number: a new number creates an
// employee, a known one updates that employee's columns present in the file, and a row that
// changes nothing is skipped. Nothing is written unless every row of the file is valid.

export type ImportAction = "create" | "update" | "skip";
// `changed` lists the columns an update would change.
export type PreviewRow = { line: number; values: CsvValues; errors: Record<string, string>; action: ImportAction | null; changed: EmployeeCsvColumn[] };
export type ImportSummary = { rows: number; create: number; update: number; skip: number; invalid: number };
export type ImportPreview = {
  isValid: boolean;
  columns: EmployeeCsvColumn[];
  errors: string[];
  warnings: string[];
  summary: ImportSummary;
  rows: PreviewRow[];
};
export type ImportResult = { created: number; updated: number; skipped: number };
export type ImportProgress = { phase: "validating" | "writing"; done: number; total: number };
export type CommitOutcome = { ok: true; result: ImportResult } | { ok: false; preview: ImportPreview };

// Rows per transaction: small enough for Prisma's 5 s transaction limit and a short write lock,
// large enough that 10,000 rows take a few dozen transactions.
const BATCH_SIZE = 200;
const LOOKUP_CHUNK = 500;

const COMPARED_SELECT = {
  id: true,
  version: true,
  ...JOB_FIELDS_SELECT,
  departmentId: true,
  managerId: true,
  ...SENSITIVE_EMPLOYEE_SELECT,
} as const;

type EmployeeData = {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  phone: string | null;
  jobTitle: string;
  departmentId: string | null;
  managerId: string | null;
  employmentType: EmployeeRowInput["employmentType"];
  hireDate: Date;
  dateOfBirth: Date | null;
  salaryCents: number | null;
  salaryCurrency: string;
  personalEmail: string | null;
  address: string | null;
  emergencyName: string | null;
  emergencyRelation: string | null;
  emergencyPhone: string | null;
};

type ExistingEmployee = Omit<EmployeeData, "id"> & { id: string; version: number };

// The employee field each column writes.
const FIELD_OF: Record<EmployeeCsvColumn, keyof EmployeeData> = {
  employeeNumber: "employeeNumber",
  firstName: "firstName",
  lastName: "lastName",
  workEmail: "workEmail",
  phone: "phone",
  jobTitle: "jobTitle",
  departmentCode: "departmentId",
  managerEmployeeNumber: "managerId",
  employmentType: "employmentType",
  hireDate: "hireDate",
  dateOfBirth: "dateOfBirth",
  salary: "salaryCents",
  salaryCurrency: "salaryCurrency",
  personalEmail: "personalEmail",
  address: "address",
  emergencyName: "emergencyName",
  emergencyRelation: "emergencyRelation",
  emergencyPhone: "emergencyPhone",
};

type PlannedRow = PreviewRow & { id: string; version: number | null; data: Partial<EmployeeData> | null };
type Plan = { parsed: ParsedEmployeeCsv; rows: PlannedRow[] };

function assertCanImport(user: CurrentUser) {
  if (!can(user, "employees:import")) throw forbidden();
}

function toData(id: string, input: EmployeeRowInput, departmentId: string | null, managerId: string | null): EmployeeData {
  return {
    id,
    employeeNumber: input.employeeNumber,
    firstName: input.firstName,
    lastName: input.lastName,
    workEmail: input.workEmail,
    phone: input.phone ?? null,
    jobTitle: input.jobTitle,
    departmentId,
    managerId,
    employmentType: input.employmentType,
    hireDate: input.hireDate,
    dateOfBirth: input.dateOfBirth ?? null,
    salaryCents: input.salary === null || input.salary === undefined ? null : Math.round(input.salary * 100),
    salaryCurrency: input.salaryCurrency,
    personalEmail: input.personalEmail ?? null,
    address: input.address ?? null,
    emergencyName: input.emergencyName ?? null,
    emergencyRelation: input.emergencyRelation ?? null,
    emergencyPhone: input.emergencyPhone ?? null,
  };
}

function isSame(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

// The employees with these ids, keyed by employee number, in chunks that stay under SQLite's limit
// on bound parameters.
async function loadExisting(ids: string[]): Promise<Map<string, ExistingEmployee>> {
  const found = new Map<string, ExistingEmployee>();
  for (const chunk of chunks(ids, LOOKUP_CHUNK)) {
    const rows = (await db.employee.findMany({ where: { id: { in: chunk } }, select: COMPARED_SELECT })) as ExistingEmployee[];
    for (const row of rows) found.set(row.employeeNumber, row);
  }
  return found;
}

// The ids of employees whose chain of managers would loop back to them. Each employee is walked
// once, so a long chain costs no more than its length.
function employeesInLoops(managerOf: Map<string, string | null>, starts: string[]): Set<string> {
  const visited = new Set<string>();
  const inLoop = new Set<string>();
  for (const start of starts) {
    const path: string[] = [];
    const positionOnPath = new Map<string, number>();
    let current: string | null = start;
    while (current && !visited.has(current)) {
      const position = positionOnPath.get(current);
      if (position !== undefined) {
        for (const id of path.slice(position)) inLoop.add(id);
        break;
      }
      positionOnPath.set(current, path.length);
      path.push(current);
      current = managerOf.get(current) ?? null;
    }
    for (const id of path) visited.add(id);
  }
  return inLoop;
}

// Validates the file against the database and decides each row's action; writes nothing.
async function planImport(user: CurrentUser, text: string): Promise<Plan> {
  const parsed = parseEmployeeCsv(text);
  const rows: PlannedRow[] = parsed.rows.map((row) => ({
    line: row.line,
    values: row.values,
    errors: row.errors,
    action: null,
    changed: [],
    id: "",
    version: null,
    data: null,
  }));
  if (parsed.errors.length) return { parsed, rows };

  const [departments, directory, visible] = await Promise.all([
    db.department.findMany({ select: { id: true, code: true } }),
    db.employee.findMany({ select: { id: true, employeeNumber: true, workEmail: true, managerId: true } }),
    visibleEmployeeIds(user),
  ]);
  const departmentByCode = new Map(departments.map((department) => [department.code, department.id]));
  const departmentByLowerCode = new Map(departments.map((department) => [department.code.toLowerCase(), department.id]));
  const directoryByNumber = new Map(directory.map((employee) => [employee.employeeNumber, employee]));
  const directoryByEmail = new Map(directory.map((employee) => [employee.workEmail.toLowerCase(), employee]));
  const visibleIds = visible === null ? null : new Set(visible);
  const fileNumbers = new Set(parsed.rows.map((row) => row.input?.employeeNumber ?? row.values.employeeNumber?.trim()).filter(Boolean));
  const existing = await loadExisting(directory.filter((employee) => fileNumbers.has(employee.employeeNumber)).map((employee) => employee.id));
  const hasColumn = (column: EmployeeCsvColumn) => parsed.columns.includes(column);

  // Ids first, so a manager later in the file can be referred to by rows before it.
  const idByNumber = new Map<string, string>();
  parsed.rows.forEach((row, index) => {
    if (!row.input) return;
    rows[index].id = existing.get(row.input.employeeNumber)?.id ?? uuidv7();
    idByNumber.set(row.input.employeeNumber, rows[index].id);
  });

  const managerOf = new Map(directory.map((employee) => [employee.id, employee.managerId]));
  // Each valid row's complete record, with its references resolved; null where the row has errors.
  const resolved: (EmployeeData | null)[] = parsed.rows.map((row, index) => {
    const input = row.input;
    const errors = rows[index].errors;
    if (!input) return null;
    const current = existing.get(input.employeeNumber) ?? null;
    if (current && visibleIds && !visibleIds.has(current.id)) errors.employeeNumber = "You may not change this employee.";

    let departmentId = current?.departmentId ?? null;
    if (hasColumn("departmentCode")) {
      const code = input.departmentCode;
      departmentId = code ? (departmentByCode.get(code) ?? departmentByLowerCode.get(code.toLowerCase()) ?? null) : null;
      if (code && !departmentId) errors.departmentCode = `No department has the code “${code}”.`;
    }

    let managerId = current?.managerId ?? null;
    if (hasColumn("managerEmployeeNumber")) {
      const number = input.managerEmployeeNumber;
      managerId = number ? (idByNumber.get(number) ?? directoryByNumber.get(number)?.id ?? null) : null;
      if (number === input.employeeNumber) errors.managerEmployeeNumber = "An employee cannot manage themselves.";
      else if (number && !managerId) {
        errors.managerEmployeeNumber = fileNumbers.has(number)
          ? `The row of ${number} has errors.`
          : `No employee has the number “${number}”, in the directory or in this file.`;
      }
    }

    const emailOwner = directoryByEmail.get(input.workEmail);
    if (emailOwner && emailOwner.employeeNumber !== input.employeeNumber)
      errors.workEmail = `Employee ${emailOwner.employeeNumber} already uses this work email.`;

    if (Object.keys(errors).length) return null;
    managerOf.set(rows[index].id, managerId);
    return toData(rows[index].id, input, departmentId, managerId);
  });

  const loops = employeesInLoops(
    managerOf,
    rows.filter((_, index) => resolved[index]).map((row) => row.id),
  );
  rows.forEach((row, index) => {
    const data = resolved[index];
    if (!data) return;
    if (loops.has(row.id)) {
      row.errors.managerEmployeeNumber = "This makes a reporting loop: the employee would end up above their own manager.";
      return;
    }
    const current = existing.get(data.employeeNumber);
    if (!current) {
      row.action = "create";
      row.data = data;
      return;
    }
    row.changed = parsed.columns.filter((column) => !isSame(current[FIELD_OF[column]], data[FIELD_OF[column]]));
    row.action = row.changed.length ? "update" : "skip";
    row.version = current.version;
    row.data = Object.fromEntries(row.changed.map((column) => [FIELD_OF[column], data[FIELD_OF[column]]]));
  });
  return { parsed, rows };
}

function toPreview(plan: Plan): ImportPreview {
  const rows = plan.rows.map(({ line, values, errors, action, changed }) => ({
    line,
    values,
    errors,
    action: Object.keys(errors).length ? null : action,
    changed,
  }));
  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
  const summary = {
    rows: rows.length,
    create: count("create"),
    update: count("update"),
    skip: count("skip"),
    invalid: rows.filter((row) => !row.action).length,
  };
  return {
    isValid: plan.parsed.errors.length === 0 && summary.invalid === 0,
    columns: plan.parsed.columns,
    errors: plan.parsed.errors,
    warnings: plan.parsed.warnings,
    summary,
    rows,
  };
}

// Managers before the people they manage, so every manager a new row refers to exists by the
// time (or in the same statement as) the row is inserted.
function managersFirst(creates: PlannedRow[]): PlannedRow[] {
  const byId = new Map(creates.map((row) => [row.id, row]));
  const depth = new Map<string, number>();
  for (const row of creates) {
    const chain: PlannedRow[] = [];
    let current: PlannedRow | undefined = row;
    while (current && !depth.has(current.id)) {
      chain.push(current);
      current = byId.get(current.data?.managerId ?? "");
    }
    let level = current ? depth.get(current.id)! : -1;
    for (const link of chain.reverse()) depth.set(link.id, ++level);
  }
  return [...creates].sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);
}

export async function previewImport(user: CurrentUser, text: string): Promise<ImportPreview> {
  assertCanImport(user);
  return toPreview(await planImport(user, text));
}

// Re-validates the whole file, then writes it in batches on behalf of `user` (so every change is
// audited). Batches already written stay if a later one fails; the import being idempotent, the
// same file can simply be imported again to finish.
export async function commitImport(user: CurrentUser, text: string, onProgress?: (progress: ImportProgress) => void): Promise<CommitOutcome> {
  assertCanImport(user);
  onProgress?.({ phase: "validating", done: 0, total: 0 });
  const plan = await planImport(user, text);
  const preview = toPreview(plan);
  if (!preview.isValid) return { ok: false, preview };

  const creates = managersFirst(plan.rows.filter((row) => row.action === "create"));
  const updates = plan.rows.filter((row) => row.action === "update");
  const total = creates.length + updates.length;
  let done = 0;
  onProgress?.({ phase: "writing", done, total });
  try {
    await asUser(user, async () => {
      for (const batch of chunks(creates, BATCH_SIZE)) {
        await withTransaction((tx) => tx.employee.createMany({ data: batch.map((row) => row.data as EmployeeData) }));
        done += batch.length;
        onProgress?.({ phase: "writing", done, total });
      }
      for (const batch of chunks(updates, BATCH_SIZE)) {
        await withTransaction(async (tx) => {
          for (const row of batch) await updateRow(tx, row);
        });
        done += batch.length;
        onProgress?.({ phase: "writing", done, total });
      }
    });
  } catch (error) {
    throw stoppedAt(error, done, total);
  }
  return { ok: true, result: { created: creates.length, updated: updates.length, skipped: preview.summary.skip } };
}

type Tx = Parameters<Parameters<typeof withTransaction>[0]>[0];

async function updateRow(tx: Tx, row: PlannedRow) {
  try {
    await tx.employee.update({ where: { id: row.id, version: row.version! }, data: row.data!, select: { id: true } });
  } catch (error) {
    if (prismaCode(error) === "P2025") throw new AppError("conflict", `Employee ${row.values.employeeNumber} was changed by someone else during the import.`);
    throw error;
  }
}

function stoppedAt(error: unknown, done: number, total: number): unknown {
  if (done === 0) return error;
  log.error("employee import stopped part-way", {
    event: "employee-import",
    done,
    total,
    error: error instanceof Error ? `${error.name}: ${error.message.split("\n").at(-1)}` : String(error),
  });
  const reason = error instanceof AppError ? `${error.message} ` : "";
  const code = error instanceof DatabaseUnavailableError ? "service_unavailable" : "conflict";
  return new AppError(
    code,
    `${reason}The import stopped after ${done} of ${total} rows were saved. Import the same file again to finish: rows already saved will be skipped.`,
  );
}
