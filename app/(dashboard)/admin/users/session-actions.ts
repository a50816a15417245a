"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { endSessionsAsAdmin } from "@/lib/auth/sessions";
import { actionError, type FormState, parseForm } from "@/lib/forms";

const ZUserId = z.object({ userId: z.string().min(1).max(64) });

// An admin signs a user out of every browser (a lost laptop, a suspected compromise).
export async function endUserSessionsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePermission("users:manage");
  const input = parseForm(form, ZUserId);
  if (!input.ok) return { ok: false, message: "That user is not valid." };
  try {
    const count = await endSessionsAsAdmin(actor, input.data.userId);
    revalidatePath("/admin/users");
    return { ok: true, message: count === 0 ? "No active sessions." : `${count} session${count === 1 ? "" : "s"} ended.` };
  } catch (error) {
    return actionError(error);
  }
}
