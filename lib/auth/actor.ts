import "server-only";
import { headers } from "next/headers";
import { runAs } from "@/lib/db";
import type { CurrentUser } from "./current-user";

// Runs a change on behalf of the signed-in user, so the audit trail records who made it.
export async function asUser<T>(user: Pick<CurrentUser, "id" | "email">, work: () => Promise<T>): Promise<T> {
  let requestId: string | null = null;
  try {
    requestId = (await headers()).get("x-request-id");
  } catch {
    // Outside a request (scripts, tests) there is no request id.
  }
  return runAs({ id: user.id, email: user.email, requestId }, work);
}
