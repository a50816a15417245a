import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { AppError } from "@/lib/errors";

// A migrated SQLite file of its own in a temporary folder.
export async function newSqliteFile(label = "hrms"): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), `hrms-${label}-`)), "hrms.db");
  await applyMigrations({ provider: "sqlite", url: file });
  return file;
}

// Points the app at a fresh SQLite database. The environment is read once, when lib/db is first
// imported, so a test calls this at the top and imports the services under test afterwards.
export async function setUpSqliteDatabase(label: string): Promise<void> {
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile(label);
}

// A signed-in caller with a role, as the services receive it.
export function userWith(role: Role, employeeId: string | null = null): CurrentUser {
  return { id: `user-${role.toLowerCase()}`, email: `${role.toLowerCase()}@example.com`, role, employeeId, name: role };
}

// The AppError a promise rejects with; fails the test if it resolves or throws something else.
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the promise to reject");
}
