"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { formatDate } from "@/lib/format";
import { addPayAdjustment, currencyOf, deletePayAdjustment } from "@/lib/payroll/adjustments";
import { toMinorUnits } from "@/lib/payroll/format";
import { ZAdjustmentForm } from "@/lib/validations/payroll";

// One-offs for a period: payroll users add and take back bonuses and recoveries before the
// period's run is approved. The services refuse one's own pay and a locked period.
export async function addAdjustmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const parsed = parseForm(form, ZAdjustmentForm);
  if (!parsed.ok) return parsed.state;
  const { amount, ...input } = parsed.data;
  let periodStart: Date;
  try {
    const currency = await currencyOf(input.employeeId, input.periodStart);
    ({ periodStart } = await addPayAdjustment(user, { ...input, amount: toMinorUnits(amount, currency.minorDigits) }));
  } catch (error) {
    return actionError(error, parsed.values);
  }
  revalidatePath("/payroll", "layout");
  return { ok: true, message: `${input.name} was added to the period starting ${formatDate(periodStart)}. Calculate the run to include it.` };
}

const ZDelete = z.object({ id: z.string().trim().min(1).max(64) });

export async function deleteAdjustmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const parsed = parseForm(form, ZDelete);
  if (!parsed.ok) return parsed.state;
  try {
    await deletePayAdjustment(user, parsed.data.id);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/payroll", "layout");
  return { ok: true, message: "Removed. Calculate the run again if it was already calculated." };
}
