"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { parseForm } from "@/lib/forms";
import { log } from "@/lib/log";
import { requeueEmail, sendPendingEmails, type SendResult } from "@/lib/notifications/email";
import { blankToUndefined } from "@/lib/validations/fields";

export type EmailActionState = { ok: boolean; message: string } | null;

const ZRetry = z.object({ id: z.preprocess(blankToUndefined, z.string().min(1).max(64).optional()) });

function describe(result: SendResult): string {
  if (!result.isConfigured) return "Email is not configured (SMTP_URL is unset), so nothing was sent.";
  const parts = [`${result.sent} sent`, `${result.failed} failed`, ...(result.gaveUp ? [`${result.gaveUp} given up`] : [])];
  return result.sent + result.failed + result.gaveUp === 0 ? "Nothing was waiting to be sent." : `Tried now: ${parts.join(", ")}.`;
}

// "Retry now" sends everything waiting, failed messages included without waiting out their
// backoff; with an id it first puts that one message back in the queue.
export async function retryEmailAction(_previous: EmailActionState, form: FormData): Promise<EmailActionState> {
  await requirePermission("system:status");
  const input = parseForm(form, ZRetry);
  if (!input.ok) return { ok: false, message: "That message is not valid." };
  try {
    if (input.data.id) await requeueEmail(input.data.id);
    const result = await sendPendingEmails({ isIgnoringBackoff: true });
    revalidatePath("/admin/email");
    return { ok: result.isConfigured && result.failed + result.gaveUp === 0, message: describe(result) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    log.error("email retry failed", { event: "admin-action", error: error instanceof Error ? error.message : String(error) });
    return {
      ok: false,
      message: error instanceof Error && error.name === "DatabaseUnavailableError" ? error.message : "Could not retry the email. Try again.",
    };
  }
}
