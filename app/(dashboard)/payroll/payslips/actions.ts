"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { formatDate } from "@/lib/format";
import { correctPayslip } from "@/lib/payroll/adjustments";
import { ZCorrectionForm } from "@/lib/validations/payroll";

// Correcting a payslip of an approved run: the run stays as it was paid; the difference becomes an
// arrears or reversal line, with the reason, in the next period whose run is still open.
export async function correctPayslipAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const parsed = parseForm(form, ZCorrectionForm);
  if (!parsed.ok) return parsed.state;
  let periodStart: Date;
  try {
    ({ periodStart } = await correctPayslip(user, {
      payslipId: parsed.data.payslipId,
      correctedGrossMajor: parsed.data.correctedGross,
      reason: parsed.data.reason,
    }));
  } catch (error) {
    return actionError(error, parsed.values);
  }
  revalidatePath("/payroll", "layout");
  return { ok: true, message: `The difference will be paid in the period starting ${formatDate(periodStart)}, with your reason on that payslip.` };
}
