import { SubmitButton, type ButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "./field";

type Submit = { label: string; pendingLabel: string; variant?: ButtonVariant; className?: string };

// A form posting to a server action: what the action answered on top, the fields, and the submit
// button (disabled while pending) at the bottom. Validation is the server's, so the browser's is off.
export function ActionForm({
  action,
  state,
  isPending,
  submit,
  className,
  children,
}: {
  action: (form: FormData) => void;
  state: { ok?: boolean; message?: string } | null;
  isPending: boolean;
  submit: Submit;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <form action={action} className={cn("flex flex-col gap-4", className)} noValidate>
      <FormMessage state={state} />
      {children}
      <SubmitButton isPending={isPending} pendingLabel={submit.pendingLabel} variant={submit.variant} className={submit.className}>
        {submit.label}
      </SubmitButton>
    </form>
  );
}
