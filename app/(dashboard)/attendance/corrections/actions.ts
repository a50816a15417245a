"use server";

import { revalidatePath } from "next/cache";
import { decideCorrection } from "@/lib/attendance/decide-correction";
import { requireUser } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { ZCorrectionDecision } from "@/lib/validations/attendance";

// The service decides who may approve (the employee's manager, or HR); a page link is no permission.
export async function decideCorrectionAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZCorrectionDecision);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    const { status } = await decideCorrection(user, input.data);
    revalidatePath("/attendance/corrections");
    return {
      ok: true,
      message: status === "APPROVED" ? "Approved: the attendance record now shows these times." : "Rejected: the employee has been told why.",
    };
  } catch (error) {
    return actionError(error, values);
  }
}
