"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { disableTwoFactorAction } from "@/app/(dashboard)/settings/security/actions";

export function DisableTwoFactorForm() {
  const [state, action, isPending] = useActionState(disableTwoFactorAction, null);
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field name="password" label="Your password" type="password" autoComplete="current-password" required error={state?.fields?.password} />
      <button
        type="submit"
        disabled={isPending}
        className="h-10 self-start rounded-md px-4 text-sm font-semibold text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50 disabled:opacity-60"
      >
        {isPending ? "Turning off…" : "Turn off two-factor sign-in"}
      </button>
    </form>
  );
}
