"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";
import { RecoveryCodes } from "./recovery-codes";
import { buttonClass } from "@/components/ui/button";

type EnrolState = (NonNullable<FormState> & { recoveryCodes?: string[]; next?: string }) | null;
type Props = {
  action: (state: EnrolState, form: FormData) => Promise<EnrolState>;
  secret: string;
  qrDataUrl: string;
  askPassword: boolean;
  next?: string;
  // At sign-in: the form that opens the session once the codes are saved.
  finish?: (form: FormData) => Promise<void>;
};

// Scan the QR code (or type the key) into an authenticator app, then confirm with its first code.
export function EnrolTwoFactorForm({ action, secret, qrDataUrl, askPassword, next, finish }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  if (state?.ok && state.recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={state} />
        <RecoveryCodes codes={state.recoveryCodes} />
        {finish && (
          <form action={finish}>
            <input type="hidden" name="next" value={state.next ?? "/dashboard"} />
            <button type="submit" className={buttonClass()}>
              I have saved them, continue
            </button>
          </form>
        )}
      </div>
    );
  }
  return (
    <ActionForm
      action={formAction}
      state={state}
      isPending={isPending}
      submit={{ label: "Turn on two-factor sign-in", pendingLabel: "Checking…", className: "self-start" }}
    >
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={qrDataUrl} alt="QR code to scan with an authenticator app" width={160} height={160} className="rounded border border-slate-200" />
        <div className="flex flex-col gap-1 text-sm text-slate-600">
          <p>Scan this with an authenticator app (for example Google Authenticator, 1Password or Aegis), or type this key:</p>
          <code className="rounded bg-slate-100 px-2 py-1 font-mono text-slate-900" data-testid="totp-secret">
            {secret}
          </code>
        </div>
      </div>
      <input type="hidden" name="secret" value={secret} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field name="code" label="Code from the app" autoComplete="one-time-code" required error={state?.fields?.code} />
      {askPassword && <Field name="password" label="Your password" type="password" autoComplete="current-password" required error={state?.fields?.password} />}
    </ActionForm>
  );
}
