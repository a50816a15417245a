"use client";

import Link from "next/link";
import { useActionState } from "react";
import { bindFields, Field, FormMessage } from "@/components/forms/field";
import type { DepartmentOption, HeadOption } from "@/lib/departments/list-departments";
import type { FormState } from "@/lib/forms";
import { createDepartmentAction, updateDepartmentAction } from "./actions";
import { buttonClass, SubmitButton } from "@/components/ui/button";
import { RecordRefInputs } from "@/components/forms/record-ref-inputs";

type Props = {
  department?: { id: string; version: number; name: string; code: string; parentId: string | null; headId: string | null };
  parents: DepartmentOption[];
  heads: HeadOption[];
  // For a new department started from its future parent's page.
  initialParentId?: string | null;
};

// Head candidates grouped by their department, so a long list is scannable.
function groupHeads(heads: HeadOption[]): [string, HeadOption[]][] {
  const groups = new Map<string, HeadOption[]>();
  for (const head of heads) {
    const key = head.department ?? "No department";
    groups.set(key, [...(groups.get(key) ?? []), head]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, "en"));
}

export function DepartmentForm({ department, parents, heads, initialParentId }: Props) {
  const isEdit = Boolean(department);
  const [state, action, isPending] = useActionState<FormState, FormData>(isEdit ? updateDepartmentAction : createDepartmentAction, null);
  const initial = department ?? { name: "", code: "", parentId: initialParentId ?? null, headId: null };
  const bind = bindFields(state, initial);
  const cancelHref = department ? `/departments/${department.id}` : "/departments";

  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <RecordRefInputs record={department} />
      <FormMessage state={state} />

      <div className="grid gap-5 sm:grid-cols-3">
        <Field {...bind("name")} label="Name" required className="sm:col-span-2" autoComplete="off" />
        <Field {...bind("code")} label="Code" required hint="Up to 12 letters, digits or -; saved in capitals." autoComplete="off" placeholder="ENG" />
      </div>

      <Field
        {...bind("parentId")}
        as="select"
        label="Part of"
        hint="Leave empty for a top-level department."
        emptyLabel="— None (top level) —"
        options={parents.map((parent) => ({ value: parent.id, label: `${parent.name} (${parent.code})` }))}
      />

      <Field
        {...bind("headId")}
        as="select"
        label="Head"
        hint="The person who leads this department; they need not be a member of it."
        emptyLabel="— No head yet —"
      >
        {groupHeads(heads).map(([group, people]) => (
          <optgroup key={group} label={group}>
            {people.map((head) => (
              <option key={head.id} value={head.id}>
                {head.firstName} {head.lastName} · {head.jobTitle}
              </option>
            ))}
          </optgroup>
        ))}
      </Field>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
        <SubmitButton isPending={isPending} pendingLabel="Saving…">
          {isEdit ? "Save changes" : "Create department"}
        </SubmitButton>
        <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
          Cancel
        </Link>
        {isEdit && state?.ok === false && !state.fields && (
          // A full page load, so the form opens on the latest version.
          <a href={`/departments/${department!.id}/edit`} className="text-sm font-medium text-brand-700 hover:underline">
            Reload the latest version
          </a>
        )}
      </div>
    </form>
  );
}
