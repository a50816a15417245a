"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkIn, checkOut } from "@/lib/attendance/check-in";
import { formatMinutes, formatTime } from "@/lib/attendance/format";
import { recordMinutes } from "@/lib/attendance/month-days";
import { requestCorrection } from "@/lib/attendance/request-correction";
import { requireUser } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { readSetting } from "@/lib/settings/settings";
import { ZCorrectionInput } from "@/lib/validations/attendance";

const ZIntent = z.object({ intent: z.enum(["check-in", "check-out"]) });

// Everyone records their own attendance: being signed in is the permission, and the services
// refuse a sign-in without an employee record. One action for both buttons keeps one message.
export async function attendanceAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZIntent);
  if (!input.ok) return { ok: false, message: "Choose check in or check out." };
  try {
    const { timeZone } = await readSetting("attendance-schedule");
    if (input.data.intent === "check-in") {
      const record = await checkIn(user);
      revalidatePath("/attendance");
      return { ok: true, message: `Checked in at ${formatTime(record.checkInAt, timeZone)}.` };
    }
    const record = await checkOut(user);
    revalidatePath("/attendance");
    return { ok: true, message: `Checked out at ${formatTime(record.checkOutAt!, timeZone)} after ${formatMinutes(recordMinutes(record) ?? 0)}.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function requestCorrectionAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZCorrectionInput);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    await requestCorrection(user, input.data);
    revalidatePath("/attendance");
    return { ok: true, message: "Correction sent for approval. You will get a notification when it is decided." };
  } catch (error) {
    return actionError(error, values);
  }
}
