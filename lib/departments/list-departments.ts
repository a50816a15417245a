import "server-only";
import { db } from "@/lib/db";

export type DepartmentOption = { id: string; name: string; code: string };

export async function listDepartmentOptions(): Promise<DepartmentOption[]> {
  return db.department.findMany({ select: { id: true, name: true, code: true }, orderBy: { name: "asc" } });
}
