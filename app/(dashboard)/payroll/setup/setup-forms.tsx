"use client";

import { useActionState } from "react";
import { bindFields, Field, FormMessage } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { assignSalaryAction, createComponentAction, createStructureAction } from "./actions";

// Each form shows the action's answer on top and each refusal beside its field. A refused form
// keeps what was typed and chosen (React resets a form after every submission; bindFields gives
// back the values the action returned, and Field keys a select by its value so it shows it).
function useSetupForm(action: (state: FormState, form: FormData) => Promise<FormState>) {
  const [state, dispatch, isPending] = useActionState<FormState, FormData>(action, null);
  const formRef = useFocusOnError(state);
  return { state, dispatch, isPending, formRef, bind: bindFields(state?.ok ? null : state) };
}

export function ComponentForm() {
  const { state, dispatch, isPending, formRef, bind } = useSetupForm(createComponentAction);
  const isPreTax = !state?.ok && state?.values?.isPreTax === "on";
  return (
    <form ref={formRef} action={dispatch} className="flex flex-col gap-4" data-testid="component-form" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field {...bind("code")} label="Code" required placeholder="TRAVEL" hint="Capital letters, digits and underscores." />
        <Field {...bind("name")} label="Name" required placeholder="Travel allowance" />
        <Field
          {...bind("kind")}
          defaultValue={bind("kind").defaultValue || "EARNING"}
          as="select"
          label="Kind"
          required
          options={[
            { value: "EARNING", label: "Earning" },
            { value: "DEDUCTION", label: "Deduction" },
            { value: "EMPLOYER_CONTRIBUTION", label: "Employer contribution" },
          ]}
        />
        <Field
          {...bind("type")}
          defaultValue={bind("type").defaultValue || "FIXED"}
          as="select"
          label="Worked out as"
          required
          options={[
            { value: "FIXED", label: "Fixed amount a period" },
            { value: "PERCENT", label: "Percentage" },
            { value: "FORMULA", label: "Formula" },
          ]}
        />
        <Field {...bind("amount")} label="Amount" inputMode="decimal" placeholder="100.00" hint="For a fixed amount." />
        <Field {...bind("percent")} label="Percent" inputMode="decimal" placeholder="5" hint="For a percentage." />
        <Field {...bind("of")} label="Percent of" placeholder="GROSS" hint="A component's code, or GROSS." />
        <Field {...bind("expression")} label="Formula" placeholder="PAID_DAYS >= 15 ? BASIC * 0.05 : 0" />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input key={`isPreTax-${isPreTax}`} type="checkbox" name="isPreTax" defaultChecked={isPreTax} /> Taken before tax (deductions only)
      </label>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Adding…">
          Add component
        </SubmitButton>
      </div>
    </form>
  );
}

export function StructureForm({ components }: { components: { code: string; name: string }[] }) {
  const { state, dispatch, isPending, formRef, bind } = useSetupForm(createStructureAction);
  const chosen = new Set(!state?.ok && state?.values?.components ? state.values.components.split(",") : []);
  const componentsError = state?.ok ? undefined : state?.fields?.components;
  return (
    <form ref={formRef} action={dispatch} className="flex flex-col gap-4" data-testid="structure-form" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field {...bind("code")} label="Code" required placeholder="SALES" />
        <Field {...bind("name")} label="Name" required placeholder="Sales (UK)" />
        <Field {...bind("currency")} defaultValue={bind("currency").defaultValue || "GBP"} label="Currency" required />
      </div>
      <fieldset
        className="flex flex-wrap gap-x-4 gap-y-2 text-sm"
        aria-invalid={componentsError ? true : undefined}
        aria-describedby={componentsError ? "structure-components-error" : undefined}
      >
        <legend className="mb-1 font-medium text-slate-700">Components, in order</legend>
        {components.map((component) => (
          <label key={`${component.code}-${chosen.has(component.code)}`} className="flex items-center gap-2">
            <input type="checkbox" name="components" value={component.code} defaultChecked={chosen.has(component.code)} /> {component.name}{" "}
            <span className="font-mono text-xs text-slate-500">{component.code}</span>
          </label>
        ))}
        {componentsError && (
          <p id="structure-components-error" className="w-full text-xs font-medium text-rose-700" data-testid="error-components">
            {componentsError}
          </p>
        )}
      </fieldset>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Creating…">
          Create structure
        </SubmitButton>
      </div>
    </form>
  );
}

type Option = { id: string; label: string };
const toOptions = (options: Option[]) => options.map((option) => ({ value: option.id, label: option.label }));

export function AssignForm({ employees, structures, schedules, today }: { employees: Option[]; structures: Option[]; schedules: Option[]; today: string }) {
  const { state, dispatch, isPending, formRef, bind } = useSetupForm(assignSalaryAction);
  return (
    <form ref={formRef} action={dispatch} className="flex flex-col gap-4" data-testid="assign-form" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field {...bind("employeeId")} as="select" label="Employee" required emptyLabel="Choose someone" options={toOptions(employees)} />
        <Field {...bind("structureId")} as="select" label="Structure" required emptyLabel="Choose a structure" options={toOptions(structures)} />
        {/* Most organisations pay everyone on one schedule: the first is chosen until another is. */}
        <Field {...bind("scheduleId")} as="select" label="Schedule" required options={toOptions(schedules)} />
        <Field {...bind("effectiveFrom")} defaultValue={bind("effectiveFrom").defaultValue || today} type="date" label="From" required />
        <Field {...bind("annualBase")} label="Annual base pay" required inputMode="decimal" placeholder="42000" />
        <Field {...bind("taxCode")} label="Tax code" placeholder="1257L" hint="UK schedules; 1257L when left empty." />
      </div>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Assigning…">
          Assign
        </SubmitButton>
      </div>
    </form>
  );
}
