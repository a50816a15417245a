"use client";

import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { FormState } from "@/lib/forms";
import { deleteAdjustmentAction } from "./actions";

// Removes a one-off after asking; the answer (or why not) is shown beside the button. Built on the
// kit's Dialog rather than ConfirmDialog: ConfirmDialog's confirm button closes the dialog in its
// click handler, which takes the button out of the page before the browser submits its form, so
// no request was ever sent. Here the form is submitted first, then the dialog closes.
export function DeleteAdjustmentButton({ id, description }: { id: string; description: string }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(deleteAdjustmentAction, null);
  const [isOpen, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <Dialog open={isOpen} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm" disabled={isPending} data-testid="delete-adjustment">
            {isPending ? "Removing…" : "Remove"}
          </Button>
        </DialogTrigger>
        <DialogContent title="Remove this one-off?" description={description}>
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Keep it</Button>
            </DialogClose>
            <Button
              variant="danger"
              data-testid="confirm"
              onClick={() => {
                formRef.current?.requestSubmit();
                setOpen(false);
              }}
            >
              Remove
            </Button>
          </div>
        </DialogContent>
      </Dialog>
      {state?.message && !state.ok && (
        <p role="alert" className="max-w-xs text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
