"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useState } from "react";
import { Button, buttonClass, type ButtonVariant } from "./button";
import { cn } from "./cn";

// Radix handles focus trapping, Escape, returning focus to the trigger and aria wiring; these
// wrappers only add the look.
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <DialogPrimitive.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-xl bg-white p-6 shadow-xl",
          className,
        )}
        // Without a description Radix warns; an explicit undefined says there is none on purpose.
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
        {description && <DialogPrimitive.Description className="text-sm text-slate-600">{description}</DialogPrimitive.Description>}
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

type ConfirmDialogProps = {
  // The button that opens the dialog.
  trigger: React.ReactElement;
  title: string;
  description?: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: ButtonVariant;
  // The confirm button submits this form (by id, since the dialog is portalled outside it),
  // optionally as a named submitter such as `decision=REJECTED`.
  form: string;
  name?: string;
  value?: string;
};

// Asks before a form is sent: the replacement for window.confirm, reachable and readable by
// keyboard and screen reader alike.
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = "Keep it",
  variant = "danger",
  form,
  name,
  value,
}: ConfirmDialogProps) {
  const [isOpen, setOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{cancelLabel}</Button>
          </DialogClose>
          <button
            type="submit"
            form={form}
            name={name}
            value={value}
            className={buttonClass({ variant })}
            onClick={(event) => {
              // Submit first, then close: closing unmounts this button (the dialog's content is
              // portalled), and a button no longer in the document submits nothing, so the browser's
              // own submission after the click would never happen.
              event.preventDefault();
              const target = document.getElementById(form);
              if (target instanceof HTMLFormElement) target.requestSubmit(event.currentTarget);
              setOpen(false);
            }}
            data-testid="confirm"
          >
            {confirmLabel}
          </button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
