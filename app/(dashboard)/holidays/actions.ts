"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, fieldErrors, type FormState, formValues, parseForm } from "@/lib/forms";
import { importHolidays } from "@/lib/holidays/import-holidays";
import type { LineError } from "@/lib/holidays/parse-holiday-lines";
import { createHoliday, deleteHoliday, updateHoliday } from "@/lib/holidays/save-holiday";
import { WEEKDAYS, ZHolidayImport, ZHolidayInput, ZWorkWeekDays } from "@/lib/holidays/validations";
import { saveWorkWeek } from "@/lib/holidays/work-week";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { ZVersion } from "@/lib/validations/employees";

export type ImportState = { ok: boolean; message: string; errors?: LineError[]; text?: string } | null;

const ZId = z.string().trim().min(1).max(64);

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
  const values = formValues(form);
  const id = ZId.safeParse(values.id);
  const version = ZVersion.safeParse(values.version);
  if (!id.success || !version.success) return { ok: false, message: "The form is missing its holiday or version; reload the page.", values };
  const input = ZHolidayInput.safeParse(values);
  if (!input.success) return fieldErrors(input.error, values);
  try {
    await updateHoliday(user, id.data, version.data, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateCalendar();
  return { ok: true, message: `Saved ${input.data.name}.` };
}

export async function deleteHolidayAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const values = formValues(form);
  const id = ZId.safeParse(values.id);
  if (!id.success) return { ok: false, message: "The form is missing its holiday; reload the page." };
  try {
    await deleteHoliday(user, id.data);
  } catch (error) {
    return actionError(error);
  }
  revalidateCalendar();
  return { ok: true, message: `Deleted ${values.name || "the holiday"}.` };
}

export async function importHolidaysAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const input = ZHolidayImport.safeParse({ text: form.get("text") ?? "" });
  if (!input.success) return { ok: false, message: input.error.issues[0].message };
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
  const chosen = form.getAll("days").map(String);
  const input = ZWorkWeekDays.safeParse(chosen);
  const values = { days: chosen.join(",") };
  if (!input.success) return { ok: false, message: input.error.issues[0].message, fields: { days: input.error.issues[0].message }, values };
  try {
    await saveWorkWeek(user, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateCalendar();
  const names = WEEKDAYS.filter((weekday) => input.data.includes(weekday.day)).map((weekday) => weekday.long);
  return { ok: true, message: `Work week saved: ${names.join(", ")}. Leave is now counted on these days only.` };
}
