"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { importHolidays } from "@/lib/holidays/import-holidays";
import type { LineError } from "@/lib/holidays/parse-holiday-lines";
import { createHoliday, deleteHoliday, updateHoliday } from "@/lib/holidays/save-holiday";
import { WEEKDAYS, ZHolidayImport, ZHolidayInput, ZWorkWeekDays } from "@/lib/holidays/validations";
import { saveWorkWeek } from "@/lib/holidays/work-week";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { ZVersion } from "@/lib/validations/employees";

export type ImportState = { ok: boolean; message: string; errors?: LineError[]; text?: string } | null;

const ZId = z.string().trim().min(1).max(64);
const ZHolidayRef = z.object({ id: ZId, version: ZVersion });
const ZWorkWeekForm = z.object({ days: ZWorkWeekDays });

// Holidays and the work week decide what every leave request costs, so balances and requests
// are refreshed along with this page.
function revalidateCalendar() {
  revalidatePath("/holidays");
  revalidatePath("/leave", "layout");
  revalidatePath("/dashboard");
}

export async function createHolidayAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const input = parseForm(form, ZHolidayInput);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    await createHoliday(user, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateCalendar();
  return { ok: true, message: `Added ${input.data.name} on ${input.data.date}.` };
}

export async function updateHolidayAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const ref = parseForm(form, ZHolidayRef);
  if (!ref.ok) return { ok: false, message: "The form is missing its holiday or version; reload the page.", values: ref.state?.values };
  const input = parseForm(form, ZHolidayInput);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    await updateHoliday(user, ref.data.id, ref.data.version, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateCalendar();
  return { ok: true, message: `Saved ${input.data.name}.` };
}

export async function deleteHolidayAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const ref = parseForm(form, ZHolidayRef.pick({ id: true }));
  if (!ref.ok) return { ok: false, message: "The form is missing its holiday; reload the page." };
  try {
    await deleteHoliday(user, ref.data.id);
  } catch (error) {
    return actionError(error);
  }
  revalidateCalendar();
  return { ok: true, message: `Deleted ${ref.values.name || "the holiday"}.` };
}

export async function importHolidaysAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const input = parseForm(form, ZHolidayImport);
  if (!input.ok) return { ok: false, message: input.state?.fields?.text ?? "Paste at least one holiday." };
  const text = input.data.text;
  try {
    const result = await importHolidays(user, text);
    if (!result.ok) {
      const count = result.errors.length;
      return { ok: false, message: `Nothing was imported: ${count === 1 ? "one line needs" : `${count} lines need`} correcting.`, errors: result.errors, text };
    }
    revalidateCalendar();
    const parts = [`${result.added} added`, `${result.updated} updated`, `${result.unchanged} already there`];
    return { ok: true, message: `Imported holidays for ${result.years.join(", ")}: ${parts.join(", ")}.` };
  } catch (error) {
    const state = await actionError(error);
    return { ok: false, message: state?.message ?? "Nothing was imported.", text };
  }
}

export async function saveWorkWeekAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const input = parseForm(form, ZWorkWeekForm, (sent) => ({ days: sent.getAll("days").map(String) }));
  if (!input.ok) return { ...input.state, message: input.state?.fields?.days };
  const { values } = input;
  try {
    await saveWorkWeek(user, input.data.days);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateCalendar();
  const names = WEEKDAYS.filter((weekday) => input.data.days.includes(weekday.day)).map((weekday) => weekday.long);
  return { ok: true, message: `Work week saved: ${names.join(", ")}. Leave is now counted on these days only.` };
}
