"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/list";

const ZOpen = z.object({ id: z.string().min(1).max(64) });

// Only paths inside the app are followed, so a notification can never send someone elsewhere.
function isAppPath(link: string | null): link is string {
  return Boolean(link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\"));
}

// Opening a notification marks it read and goes where it points (or stays here if nowhere).
export async function openNotificationAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZOpen);
  if (!input.ok) return { ok: false, message: "That notification is not valid." };
  let link: string | null;
  try {
    ({ link } = await markNotificationRead(user.id, input.data.id));
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/", "layout");
  if (isAppPath(link)) redirect(link);
  return { ok: true, message: "Marked as read." };
}

export async function markAllReadAction(): Promise<FormState> {
  const user = await requireUser();
  try {
    const count = await markAllNotificationsRead(user.id);
    revalidatePath("/", "layout");
    return { ok: true, message: count === 0 ? "Everything was already read." : `Marked ${count} ${count === 1 ? "notification" : "notifications"} as read.` };
  } catch (error) {
    return actionError(error);
  }
}
