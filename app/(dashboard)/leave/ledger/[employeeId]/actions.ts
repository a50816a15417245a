"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { adjustBalance, ZAdjustmentInput } from "@/lib/leave/adjustments";
import { formatHalfDays } from "@/lib/leave/dates";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";

export async function adjustBalanceAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const input = parseForm(form, ZAdjustmentInput);
  if (!input.ok) return input.state;
  const { values } = input;
  let result;
  try {
    result = await adjustBalance(user, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath(`/leave/ledger/${input.data.employeeId}`);
  revalidatePath("/leave/balances");
  revalidatePath("/dashboard");
  if (result.isRepeat) return { ok: true, message: "That adjustment was already recorded; it was not added twice." };
  const amount = formatHalfDays(Math.abs(result.halfDays));
  return { ok: true, message: `${result.halfDays > 0 ? "Added" : "Removed"} ${amount} on ${input.data.effectiveDate}. The ledger below shows the new line.` };
}
