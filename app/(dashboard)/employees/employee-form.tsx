"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { Button, buttonClass, SubmitButton } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormSection } from "@/components/ui/form-section";
import { bindFields, Field, FormMessage, labelledOptions } from "@/components/forms/field";
import { RecordRefInputs } from "@/components/forms/record-ref-inputs";
import type { EmployeeFormOptions } from "@/lib/employees/employee-options";
import { EMPLOYEE_STATUS_LABELS, EMPLOYMENT_TYPE_LABELS, formatDate } from "@/lib/employees/format";
import type { FormState } from "@/lib/forms";

// The employee forms: HR's create/edit form, an employee's own contact form and the status change
// dialog. They share the pieces below: sections, the stale-edit notice and the submit bar.

type Action = (state: FormState, form: FormData) => Promise<FormState>;
type Target = { id: string; version: number };

type EmployeeField =
  | "employeeNumber"
  | "firstName"
  | "lastName"
  | "workEmail"
  | "phone"
  | "jobTitle"
  | "departmentId"
  | "managerId"
  | "employmentType"
  | "hireDate"
  | "dateOfBirth"
  | "salary"
  | "salaryCurrency"
  | "personalEmail"
  | "address"
  | "emergencyName"
  | "emergencyRelation"
  | "emergencyPhone";

export type EmployeeFormValues = Partial<Record<EmployeeField, string>>;
export type OwnContactValues = Pick<EmployeeFormValues, "phone" | "personalEmail" | "address" | "emergencyName" | "emergencyRelation" | "emergencyPhone">;

// Typed values survive a failed submit (the action sends them back); otherwise the record's own.
type Bind = ReturnType<typeof bindFields>;

function isStale(state: FormState): boolean {
  return Boolean(state?.fields?.version || state?.fields?.id);
}

function StaleNotice({ state, reloadHref }: { state: FormState; reloadHref: string }) {
  if (!isStale(state)) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-conflict
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
      data-testid="stale-notice"
    >
      <p className="font-semibold">This form is out of date</p>
      <p className="mt-1">{state?.fields?.version ?? state?.fields?.id}</p>
      <p className="mt-2">
        {/* A full load, so the form is rebuilt from the latest version. */}
        <a href={reloadHref} className="font-semibold text-amber-900 underline hover:no-underline">
          Reload the latest version
        </a>{" "}
        <span className="text-amber-800">(your unsaved changes here will be discarded; copy anything you need first).</span>
      </p>
    </div>
  );
}

function SubmitBar({ isPending, label, pendingLabel, cancelHref }: { isPending: boolean; label: string; pendingLabel: string; cancelHref: string }) {
  return (
    <div className="flex items-center justify-end gap-3">
      <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
        Cancel
      </Link>
      <SubmitButton isPending={isPending} pendingLabel={pendingLabel} aria-disabled={isPending}>
        {label}
      </SubmitButton>
    </div>
  );
}

function ContactFields({ bind }: { bind: Bind }) {
  return (
    <>
      <Field {...bind("personalEmail")} label="Personal email" type="email" autoComplete="off" />
      <Field {...bind("address")} label="Home address" as="textarea" className="sm:col-span-2" />
    </>
  );
}

function EmergencyFields({ bind }: { bind: Bind }) {
  return (
    <>
      <Field {...bind("emergencyName")} label="Name" autoComplete="off" />
      <Field {...bind("emergencyRelation")} label="Relation" placeholder="e.g. Partner, parent" />
      <Field {...bind("emergencyPhone")} label="Phone" type="tel" autoComplete="off" />
    </>
  );
}

type EmployeeFormProps = {
  action: Action;
  options: EmployeeFormOptions;
  initial: EmployeeFormValues;
  target?: Target;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
  reloadHref?: string;
};

// HR's form for a new employee or an edit of the whole record.
export function EmployeeForm({ action, options, initial, target, submitLabel, pendingLabel, cancelHref, reloadHref = cancelHref }: EmployeeFormProps) {
  const [state, formAction, isPending] = useActionState(action, null);
  const formRef = useFocusOnError(state);
  const bind = bindFields(state, initial);

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-6" data-testid="employee-form">
      <RecordRefInputs record={target} />
      <StaleNotice state={state} reloadHref={reloadHref} />
      {!isStale(state) && <FormMessage state={state} />}

      <FormSection title="Job" description="Who they are in the organisation.">
        <Field {...bind("firstName")} label="First name" required autoComplete="off" />
        <Field {...bind("lastName")} label="Last name" required autoComplete="off" />
        <Field {...bind("employeeNumber")} label="Employee number" required hint="Letters, digits, - and _." />
        <Field {...bind("jobTitle")} label="Job title" required />
        <Field {...bind("workEmail")} label="Work email" type="email" required autoComplete="off" />
        <Field {...bind("phone")} label="Work phone" type="tel" autoComplete="off" />
        <Field
          {...bind("departmentId")}
          label="Department"
          as="select"
          emptyLabel="No department"
          options={options.departments.map((department) => ({ value: department.id, label: department.name }))}
        />
        <Field
          {...bind("managerId")}
          label="Reports to"
          as="select"
          emptyLabel="No manager"
          options={options.managers.map((manager) => ({ value: manager.id, label: `${manager.name} — ${manager.jobTitle}` }))}
        />
        <Field {...bind("employmentType")} label="Employment type" as="select" required options={labelledOptions(EMPLOYMENT_TYPE_LABELS)} />
        <Field {...bind("hireDate")} label="Hire date" type="date" required />
      </FormSection>

      <FormSection title="Pay" description="Annual base salary. Visible only to HR and administrators.">
        <Field {...bind("salary")} label="Salary" hint="Whole amount per year, e.g. 85,000." />
        <Field {...bind("salaryCurrency")} label="Currency" required hint="Three-letter code, e.g. GBP." autoComplete="off" />
      </FormSection>

      <FormSection title="Personal" description="Visible only to HR, administrators and the employee.">
        <Field {...bind("dateOfBirth")} label="Date of birth" type="date" />
        <ContactFields bind={bind} />
      </FormSection>

      <FormSection title="Emergency contact" description="Who to call if something happens at work.">
        <EmergencyFields bind={bind} />
      </FormSection>

      <SubmitBar isPending={isPending} label={submitLabel} pendingLabel={pendingLabel} cancelHref={cancelHref} />
    </form>
  );
}

// An employee's own contact details: the only part of their record they may change.
export function OwnContactForm({ action, initial, target, cancelHref }: { action: Action; initial: OwnContactValues; target: Target; cancelHref: string }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const formRef = useFocusOnError(state);
  const bind = bindFields(state, initial);

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-6" data-testid="contact-form">
      <RecordRefInputs record={target} />
      <StaleNotice state={state} reloadHref={`/employees/${target.id}/contact`} />
      {!isStale(state) && <FormMessage state={state} />}
      <FormSection title="Contact details">
        <Field {...bind("phone")} label="Work phone" type="tel" autoComplete="tel" />
        <ContactFields bind={bind} />
      </FormSection>
      <FormSection title="Emergency contact" description="Who we should call if something happens at work.">
        <EmergencyFields bind={bind} />
      </FormSection>
      <SubmitBar isPending={isPending} label="Save my details" pendingLabel="Saving…" cancelHref={cancelHref} />
    </form>
  );
}

type Status = keyof typeof EMPLOYEE_STATUS_LABELS;

type StatusChangeProps = {
  action: Action;
  employeeId: string;
  employeeName: string;
  version: number;
  status: Status;
  exitDate: string;
  exitReason: string;
  // Who may take over the leaver's reports and pending approvals; by default their own manager.
  successors?: { id: string; name: string }[];
  managerName?: string | null;
};

// A button opening a dialog to change the employee's status. Leaving is a status with an exit date
// and reason, never a deletion; terminating asks for confirmation first.
export function StatusChangeForm(props: StatusChangeProps) {
  const [state, formAction, isPending] = useActionState(props.action, null);
  const [isOpen, setOpen] = useState(false);
  const [closedFor, setClosedFor] = useState(state);
  // A saved change closes the dialog once; reopening it starts from the new version.
  if (state?.ok && closedFor !== state) {
    setClosedFor(state);
    setOpen(false);
  }

  return (
    <>
      <Dialog open={isOpen} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="secondary" data-testid="change-status">
            Change status
          </Button>
        </DialogTrigger>
        <DialogContent title="Change status" description="Records are never deleted: someone who leaves is marked terminated, with an exit date and reason.">
          {/* Remounted when the record's version moves on, so a reopened dialog starts from it. */}
          <StatusFields key={props.version} {...props} state={state} formAction={formAction} isPending={isPending} onCancel={() => setOpen(false)} />
        </DialogContent>
      </Dialog>
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-emerald-700">
          {state.message}
        </p>
      )}
    </>
  );
}

type StatusFieldsProps = StatusChangeProps & { state: FormState; formAction: (form: FormData) => void; isPending: boolean; onCancel: () => void };

function StatusFields({
  employeeId,
  employeeName,
  version,
  status: currentStatus,
  exitDate,
  exitReason,
  successors,
  managerName,
  state,
  formAction,
  isPending,
  onCancel,
}: StatusFieldsProps) {
  const [status, setStatus] = useState<Status>(currentStatus);
  const [confirmDate, setConfirmDate] = useState<string | null>(null);
  const [seenState, setSeenState] = useState(state);
  const formRef = useFocusOnError(state);
  const bind = bindFields(state, { exitDate, exitReason });
  // A returned result ends the confirmation step, so errors show beside their fields.
  if (seenState !== state) {
    setSeenState(state);
    setConfirmDate(null);
  }
  const isConfirming = confirmDate !== null;

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        if (status !== "TERMINATED" || isConfirming) return;
        event.preventDefault();
        setConfirmDate(String(new FormData(event.currentTarget).get("exitDate") ?? ""));
      }}
    >
      <RecordRefInputs record={{ id: employeeId, version }} />
      <StaleNotice state={state} reloadHref={`/employees/${employeeId}`} />
      {!isStale(state) && !state?.ok && <FormMessage state={state} />}

      <div>
        {/* Controlled, so the exit fields appear as soon as "Terminated" is chosen. */}
        <Field
          as="select"
          name="status"
          label="Status"
          value={status}
          disabled={isConfirming}
          onChange={(event) => setStatus(event.target.value as Status)}
          error={state?.fields?.status}
          options={labelledOptions(EMPLOYEE_STATUS_LABELS)}
        />
        {/* A disabled select is not submitted; the confirmation step still sends the choice. */}
        {isConfirming && <input type="hidden" name="status" value={status} />}
      </div>

      {status === "TERMINATED" && (
        <div className={`flex flex-col gap-4 ${isConfirming ? "hidden" : ""}`}>
          <Field {...bind("exitDate")} label="Exit date" type="date" required />
          <Field {...bind("exitReason")} label="Reason for leaving" as="textarea" required />
          {successors && (
            <Field
              {...bind("newManagerId")}
              label="Their reports and pending approvals go to"
              as="select"
              emptyLabel={managerName ? `Their manager, ${managerName}` : "Nobody (they have no manager)"}
              options={successors.map((successor) => ({ value: successor.id, label: successor.name }))}
            />
          )}
        </div>
      )}
      {status !== "TERMINATED" && currentStatus === "TERMINATED" && (
        <p className="text-sm text-slate-600">The exit date ({exitDate ? formatDate(exitDate) : "none"}) and reason will be cleared.</p>
      )}

      {isConfirming ? (
        <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900">
          <p className="font-semibold">Terminate {employeeName}?</p>
          <p className="mt-1">
            They will be recorded as having left{confirmDate && /^\d{4}-\d{2}-\d{2}$/.test(confirmDate) ? ` on ${formatDate(confirmDate)}` : ""}. From that day
            they are signed out everywhere and cannot sign in, and their reports and pending approvals move on. Their record stays in the directory and can be
            reactivated later.
          </p>
          <div className="mt-3 flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setConfirmDate(null)}>
              Go back
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Saving…" variant="danger" autoFocus>
              Yes, terminate
            </SubmitButton>
          </div>
        </div>
      ) : (
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton isPending={isPending} pendingLabel="Saving…">
            {status === "TERMINATED" ? "Terminate…" : "Save status"}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
