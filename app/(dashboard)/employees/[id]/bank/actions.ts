"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { ZBankDetails } from "@/lib/payroll/bank-details";
import { saveBankDetails } from "@/lib/payroll/save-bank-details";

const ZBankDetailsForm = ZBankDetails.and(
  z.object({ employeeId: z.string().trim().min(1).max(64), version: z.coerce.number().int().min(1, "Reload the page and try again.") }),
);

// Payroll users keep anyone's bank details; everyone else only their own (the service decides and
// the audit trail records each change).
export async function saveBankDetailsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = parseForm(form, ZBankDetailsForm);
  if (!parsed.ok) return parsed.state;
  const { employeeId, version, ...details } = parsed.data;
  try {
    await saveBankDetails(user, employeeId, version, details);
  } catch (error) {
    return actionError(error, parsed.values);
  }
  revalidatePath(`/employees/${employeeId}/bank`);
  return { ok: true, message: "Bank details saved. Runs calculated from now on pay into this account." };
}
