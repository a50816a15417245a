"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { dbAdmin } from "@/lib/db";
import { log } from "@/lib/log";
import { parseForm } from "@/lib/forms";

export type StatusActionState = { ok: boolean; message: string } | null;

const ZResolve = z.object({ id: z.string().min(1).max(100), resolution: z.enum(["ours", "theirs"]) });

function failure(action: string, error: unknown): StatusActionState {
  log.error(`status page action failed: ${action}`, { event: "admin-action", error: error instanceof Error ? error.message : String(error) });
  return { ok: false, message: error instanceof Error && error.name === "DatabaseUnavailableError" ? error.message : `Could not ${action}. Try again.` };
}

export async function probeNowAction(): Promise<StatusActionState> {
  await requirePermission("system:status");
  try {
    const isHealthy = await dbAdmin.probeNow();
    revalidatePath("/admin/status");
    return { ok: isHealthy, message: isHealthy ? "PostgreSQL answered the probe." : "PostgreSQL did not answer the probe." };
  } catch (error) {
    return failure("probe PostgreSQL", error);
  }
}

export async function replayNowAction(): Promise<StatusActionState> {
  await requirePermission("system:status");
  try {
    await dbAdmin.replayNow();
    revalidatePath("/admin/status");
    return { ok: true, message: "Replay attempted; the queue below shows what is left." };
  } catch (error) {
    return failure("replay the queue", error);
  }
}

export async function resolveConflictAction(_previous: StatusActionState, form: FormData): Promise<StatusActionState> {
  const user = await requirePermission("system:status");
  const input = parseForm(form, ZResolve);
  if (!input.ok) return { ok: false, message: "That conflict or choice is not valid." };
  try {
    const isResolved = await dbAdmin.resolveConflict(input.data.id, input.data.resolution, user.email);
    revalidatePath("/admin/status");
    return isResolved
      ? { ok: true, message: input.data.resolution === "ours" ? "Applied the queued write over PostgreSQL's version." : "Kept PostgreSQL's version." }
      : { ok: false, message: "That conflict was already resolved." };
  } catch (error) {
    return failure("resolve the conflict", error);
  }
}

const ZQueued = z.object({ opId: z.string().min(1).max(100) });

export async function retryQueuedAction(_previous: StatusActionState, form: FormData): Promise<StatusActionState> {
  await requirePermission("system:status");
  const input = parseForm(form, ZQueued);
  if (!input.ok) return { ok: false, message: "That queued write is not valid." };
  try {
    const isQueued = await dbAdmin.retryQueued(input.data.opId);
    revalidatePath("/admin/status");
    return isQueued ? { ok: true, message: "Tried again now; the queue shows the outcome." } : { ok: false, message: "That write is no longer queued." };
  } catch (error) {
    return failure("retry the queued write", error);
  }
}

export async function setAsideQueuedAction(_previous: StatusActionState, form: FormData): Promise<StatusActionState> {
  const user = await requirePermission("system:status");
  const input = parseForm(form, ZQueued);
  if (!input.ok) return { ok: false, message: "That queued write is not valid." };
  try {
    const isSetAside = await dbAdmin.setAsideQueued(input.data.opId, user.email);
    revalidatePath("/admin/status");
    return isSetAside
      ? { ok: true, message: "Set aside: it is listed under conflicts for a decision, and the queue moves on." }
      : { ok: false, message: "That write is no longer queued." };
  } catch (error) {
    return failure("set the queued write aside", error);
  }
}
