import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { z } from "zod";
import { db, type AuditChanges } from "@/lib/db";
import { findNamesForIds } from "@/lib/employees/employee-options";

// Fields only HR and admins may see in the trail, as in the records themselves.
export const SENSITIVE_AUDIT_FIELDS = new Set([
  "salaryCents",
  "salaryCurrency",
  "dateOfBirth",
  "personalEmail",
  "address",
  "emergencyName",
  "emergencyRelation",
  "emergencyPhone",
  // Bank details: payroll's and the employee's own, never a manager's (lib/payroll/save-bank-details.ts).
  "bankAccountName",
  "iban",
  "bic",
  "sortCode",
  "bankAccountNumber",
]);

export type AuditEntry = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  changes: AuditChanges;
};

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actorEmail?: string;
  action?: string;
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
};

// Audit entries, newest first, with sensitive fields hidden from users who may not see them.
export async function listAuditEntries(user: CurrentUser, filter: AuditFilter): Promise<{ rows: AuditEntry[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(filter.pageSize ?? 25, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  const where = {
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actorEmail ? { actorEmail: { contains: filter.actorEmail, mode: "insensitive" as const } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const seesSensitive = can(user, "employees:read-sensitive");
  // People see their own personal data changes (not salary, which stays with HR).
  const ownPersonal = new Set([...SENSITIVE_AUDIT_FIELDS].filter((field) => !field.startsWith("salary")));
  return {
    total,
    page,
    pageSize,
    rows: rows.map((row) => {
      const changes = JSON.parse(row.changes) as AuditChanges;
      const isOwnRecord = row.entity === "Employee" && row.entityId === user.employeeId;
      if (!seesSensitive) for (const field of SENSITIVE_AUDIT_FIELDS) if (!(isOwnRecord && ownPersonal.has(field))) delete changes[field];
      return { id: row.id, createdAt: row.createdAt, actorEmail: row.actorEmail, action: row.action, entity: row.entity, entityId: row.entityId, changes };
    }),
  };
}

// The kinds of record the trail covers; entities recorded later (a model added since) are found
// in the log itself.
export const AUDIT_ENTITIES = ["Employee", "Department", "User", "ApiToken"] as const;
export const AUDIT_ACTIONS = ["create", "update", "status", "delete"] as const;

export async function listAuditEntities(): Promise<string[]> {
  const recorded = await db.auditLog.findMany({ distinct: ["entity"], select: { entity: true } });
  return [...new Set([...AUDIT_ENTITIES, ...recorded.map((row) => row.entity)])].sort();
}

const day = z
  .preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
      .optional(),
  )
  .catch(undefined);

// The audit page's query string. Anything malformed is dropped rather than failing the page.
export const ZAuditQuery = z.object({
  entity: z
    .preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^[A-Za-z]{1,40}$/)
        .optional(),
    )
    .catch(undefined),
  action: z.preprocess((value) => (value === "" ? undefined : value), z.enum(AUDIT_ACTIONS).optional()).catch(undefined),
  actor: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(100).optional()).catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditQuery = z.infer<typeof ZAuditQuery>;

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  return ZAuditQuery.parse(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}

// Calendar days in UTC, both ends included.
export function auditFilterFor(query: AuditQuery, pageSize = 25): AuditFilter {
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : undefined;
  to?.setUTCDate(to.getUTCDate() + 1);
  return {
    entity: query.entity,
    action: query.action,
    actorEmail: query.actor,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to,
    page: query.page,
    pageSize,
  };
}

const EMPLOYEE_ID_FIELDS = ["managerId", "headId", "employeeId"];
const DEPARTMENT_ID_FIELDS = ["departmentId", "parentId"];

// Names for the records the entries are about and the ids their changes mention (a department's
// name, an employee's, a user's email), so the trail reads as words. Deleted records have none.
export async function findAuditNames(entries: AuditEntry[]): Promise<Record<string, string>> {
  const employeeIds = new Set<string>();
  const departmentIds = new Set<string>();
  const userIds = new Set<string>();
  const collect = (ids: Set<string>, change: { from: unknown; to: unknown } | undefined) => {
    for (const value of [change?.from, change?.to]) if (typeof value === "string" && value !== "[redacted]") ids.add(value);
  };
  for (const entry of entries) {
    if (entry.entity === "Employee") employeeIds.add(entry.entityId);
    if (entry.entity === "Department") departmentIds.add(entry.entityId);
    if (entry.entity === "User") userIds.add(entry.entityId);
    for (const field of EMPLOYEE_ID_FIELDS) collect(employeeIds, entry.changes[field]);
    for (const field of DEPARTMENT_ID_FIELDS) collect(departmentIds, entry.changes[field]);
    collect(userIds, entry.changes.userId);
  }
  const [names, users] = await Promise.all([
    findNamesForIds({ departmentIds: [...departmentIds], employeeIds: [...employeeIds] }),
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true } }) : Promise.resolve([]),
  ]);
  return { ...names, ...Object.fromEntries(users.map((user) => [user.id, user.email])) };
}
