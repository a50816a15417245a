import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db, type AuditChanges } from "@/lib/db";

// Fields only HR and admins may see in the trail, as in the records themselves.
export const SENSITIVE_AUDIT_FIELDS = new Set(["salaryCents", "salaryCurrency", "dateOfBirth", "personalEmail", "address", "emergencyName", "emergencyRelation", "emergencyPhone"]);

export type AuditEntry = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  changes: AuditChanges;
};

export type AuditFilter = { entity?: string; entityId?: string; actorEmail?: string; action?: string; from?: Date; to?: Date; page?: number; pageSize?: number };

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
