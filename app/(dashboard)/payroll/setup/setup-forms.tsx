"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { assignSalaryAction, createComponentAction, createStructureAction } from "./actions";

const INPUT = "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm";
const LABEL = "flex flex-col gap-1 text-sm font-medium text-slate-700";

function Outcome({ state }: { state: FormState }) {
  if (!state?.message) return null;
  const details = Object.entries(state.fields ?? {}).map(([field, message]) => `${field}: ${message}`);
  return (
    <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`} data-testid="setup-outcome">
      {state.message} {details.join(" ")}
    </p>
  );
}

export function ComponentForm() {
  const [state, action, isPending] = useActionState<FormState, FormData>(createComponentAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="component-form">
      <label className={LABEL}>
        Code
        <input name="code" className={INPUT} placeholder="TRAVEL" required />
      </label>
      <label className={LABEL}>
        Name
        <input name="name" className={INPUT} placeholder="Travel allowance" required />
      </label>
      <label className={LABEL}>
        Kind
        <select name="kind" className={INPUT} defaultValue="EARNING">
          <option value="EARNING">Earning</option>
          <option value="DEDUCTION">Deduction</option>
          <option value="EMPLOYER_CONTRIBUTION">Employer contribution</option>
        </select>
      </label>
      <label className={LABEL}>
        Worked out as
        <select name="type" className={INPUT} defaultValue="FIXED">
          <option value="FIXED">Fixed amount a period</option>
          <option value="PERCENT">Percentage</option>
          <option value="FORMULA">Formula</option>
        </select>
      </label>
      <label className={LABEL}>
        Amount
        <input name="amount" inputMode="decimal" className={`${INPUT} w-28`} placeholder="100.00" />
      </label>
      <label className={LABEL}>
        Percent of
        <span className="flex gap-1">
          <input name="percent" inputMode="decimal" className={`${INPUT} w-20`} placeholder="5" />
          <input name="of" className={`${INPUT} w-28`} placeholder="GROSS" />
        </span>
      </label>
      <label className={LABEL}>
        Formula
        <input name="expression" className={`${INPUT} w-64`} placeholder="PAID_DAYS >= 15 ? BASIC * 0.05 : 0" />
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isPreTax" /> Before tax (deductions)
      </label>
      <Button type="submit" disabled={isPending}>
        Add component
      </Button>
      <Outcome state={state} />
    </form>
  );
}

export function StructureForm({ components }: { components: { code: string; name: string }[] }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(createStructureAction, null);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="structure-form">
      <div className="flex flex-wrap items-end gap-3">
        <label className={LABEL}>
          Code
          <input name="code" className={INPUT} placeholder="SALES" required />
        </label>
        <label className={LABEL}>
          Name
          <input name="name" className={INPUT} placeholder="Sales (UK)" required />
        </label>
        <label className={LABEL}>
          Currency
          <input name="currency" className={`${INPUT} w-24`} defaultValue="GBP" required />
        </label>
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Components, in order</legend>
        {components.map((component) => (
          <label key={component.code} className="flex items-center gap-2">
            <input type="checkbox" name="components" value={component.code} /> {component.name}{" "}
            <span className="font-mono text-xs text-slate-500">{component.code}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={isPending}>
          Create structure
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

type Option = { id: string; label: string };

export function AssignForm({ employees, structures, schedules, today }: { employees: Option[]; structures: Option[]; schedules: Option[]; today: string }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(assignSalaryAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="assign-form">
      <label className={LABEL}>
        Employee
        <select name="employeeId" className={`${INPUT} max-w-64`} required>
          {employees.map((employee) => (
            <option key={employee.id} value={employee.id}>
              {employee.label}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Structure
        <select name="structureId" className={INPUT} required>
          {structures.map((structure) => (
            <option key={structure.id} value={structure.id}>
              {structure.label}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Schedule
        <select name="scheduleId" className={INPUT} required>
          {schedules.map((schedule) => (
            <option key={schedule.id} value={schedule.id}>
              {schedule.label}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        From
        <input type="date" name="effectiveFrom" className={INPUT} defaultValue={today} required />
      </label>
      <label className={LABEL}>
        Annual base pay
        <input name="annualBase" inputMode="decimal" className={`${INPUT} w-32`} placeholder="42000" required />
      </label>
      <label className={LABEL}>
        Tax code
        <input name="taxCode" className={`${INPUT} w-24`} placeholder="1257L" />
      </label>
      <Button type="submit" disabled={isPending}>
        Assign
      </Button>
      <Outcome state={state} />
    </form>
  );
}
