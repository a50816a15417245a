"use client";

import { useActionState, useId } from "react";
import { bindFields, Field, FormMessage } from "@/components/forms/field";
import { Button, SubmitButton } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { createTokenAction, revokeTokenAction } from "./actions";
import { SecretBox } from "./secret-box";
import { DataTable, TBody, THead } from "@/components/ui/table";

export type TokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  isExpired: boolean;
};

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

export function CreateTokenForm() {
  const [state, action, isPending] = useActionState(createTokenAction, null);
  // A created token starts the form afresh.
  const bind = bindFields(state?.ok ? null : state, { expiresInDays: "90" });
  return (
    <div className="flex flex-col gap-4">
      {state?.token ? (
        <SecretBox
          label={`Your new token “${state.tokenName}”`}
          secret={state.token}
          warning="Copy it now: this is the only time it is shown. Only a hash is stored, so nobody can show it to you again."
        />
      ) : (
        <FormMessage state={state} />
      )}
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <Field {...bind("name")} label="Token name" required placeholder="e.g. Payroll export" className="flex-1" />
        <Field {...bind("expiresInDays")} label="Expires" as="select" options={EXPIRY_OPTIONS} />
        <Field {...bind("password")} label="Your password" type="password" autoComplete="current-password" required />
        <SubmitButton isPending={isPending} pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </form>
    </div>
  );
}

function RevokeButton({ token }: { token: TokenView }) {
  const [state, action, isPending] = useActionState(revokeTokenAction, null);
  const formId = useId();
  return (
    <form id={formId} action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="tokenId" value={token.id} />
      <ConfirmDialog
        trigger={
          <Button disabled={isPending} variant="danger-outline" size="sm">
            {isPending ? "Revoking…" : "Revoke"}
          </Button>
        }
        title={`Revoke “${token.name}”?`}
        description="Programs using it will stop working at once."
        confirmLabel="Revoke"
        form={formId}
      />
      {state && !state.ok && (
        <p role="alert" className="text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function TokenList({ tokens }: { tokens: TokenView[] }) {
  if (tokens.length === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="tokens-empty">
        You have no personal access tokens.
      </p>
    );
  return (
    <DataTable data-testid="token-list">
      <THead variant="plain" columns={["Name", "Token", "Created", "Last used", "Expires", { label: "Actions", isLabelHidden: true }]} />
      <TBody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td className="py-2 pr-4 font-medium text-slate-900">{token.name}</td>
            <td className="py-2 pr-4 font-mono text-xs text-slate-600">{token.prefix}…</td>
            <td className="py-2 pr-4 whitespace-nowrap text-slate-700">{token.createdAt}</td>
            <td className="py-2 pr-4 whitespace-nowrap text-slate-700">{token.lastUsedAt ?? <span className="text-slate-500">Never</span>}</td>
            <td className={`py-2 pr-4 whitespace-nowrap ${token.isExpired ? "text-rose-700" : "text-slate-700"}`}>
              {token.expiresAt ? (token.isExpired ? `Expired ${token.expiresAt}` : token.expiresAt) : "Never"}
            </td>
            <td className="py-2 text-right">
              <RevokeButton token={token} />
            </td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
