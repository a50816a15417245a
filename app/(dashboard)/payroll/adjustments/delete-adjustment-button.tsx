"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { FormState } from "@/lib/forms";
import { deleteAdjustmentAction } from "./actions";

// Removes a one-off after asking; the answer (or why not) is shown beside the button.
export function DeleteAdjustmentButton({ id, description }: { id: string; description: string }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(deleteAdjustmentAction, null);
  const formId = `delete-adjustment-${id}`;
  return (
    <form id={formId} action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" disabled={isPending} data-testid="delete-adjustment">
            {isPending ? "Removing…" : "Remove"}
          </Button>
        }
        title="Remove this one-off?"
        description={description}
        confirmLabel="Remove"
        form={formId}
      />
      {state?.message && !state.ok && (
        <p role="alert" className="max-w-xs text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
