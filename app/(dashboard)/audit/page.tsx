import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_ACTIONS, auditFilterFor, findAuditNames, listAuditEntities, listAuditEntries, parseAuditQuery, type AuditEntry } from "@/lib/audit/list-audit";
import { requirePermission } from "@/lib/auth/current-user";
import { fieldLabel, formatAuditValue, formatDate, formatDateTime, formatMoney } from "@/lib/employees/format";
import { withParams } from "@/lib/search-params";
import { AuditFilters } from "./audit-filters";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 25;

const ACTION_LABELS: Record<string, string> = { create: "Created", update: "Updated", status: "Status change", delete: "Deleted" };
const ACTION_TONES: Record<string, string> = {
  create: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  update: "bg-brand-50 text-brand-700 ring-brand-600/20",
  status: "bg-amber-50 text-amber-800 ring-amber-600/20",
  delete: "bg-rose-50 text-rose-700 ring-rose-600/20",
};
const ENTITY_PAGES: Record<string, string> = { Employee: "/employees", Department: "/departments" };
const ENTITY_NOUNS: Record<string, string> = { Employee: "employee", Department: "department", User: "user", ApiToken: "API token" };

// Fields holding another record's id; shown by that record's name.
const ID_FIELDS = new Set(["departmentId", "managerId", "headId", "parentId", "employeeId", "userId"]);
const ID_LABELS: Record<string, string> = { headId: "Head", parentId: "Parent department", employeeId: "Employee", userId: "User" };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

type Side = "from" | "to";

// One side of a change in words: names for ids, money with its currency when the entry has it,
// dates in UTC. Redacted values ("[redacted]") pass through unchanged.
function formatValue(entry: AuditEntry, field: string, side: Side, names: Record<string, string>): string | null {
  const value = entry.changes[field]?.[side];
  if (value === null || value === undefined || value === "") return null;
  if (ID_FIELDS.has(field) && typeof value === "string") return names[value] ?? "a record that no longer exists";
  if (field === "salaryCents" && typeof value === "number") {
    const currency = entry.changes.salaryCurrency?.[side];
    return typeof currency === "string"
      ? formatMoney(value, currency)
      : (value / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && ISO_TIME.test(value)) return value.includes("T00:00:00") ? formatDate(value) : formatDateTime(new Date(value));
  return formatAuditValue(field, value, { names, currency: "USD" });
}

const label = (field: string) => ID_LABELS[field] ?? fieldLabel(field);

function Value({ text }: { text: string | null }) {
  return text === null ? <span className="text-slate-500">empty</span> : <span className="break-words text-slate-900">{text}</span>;
}

function Changes({ entry, names }: { entry: AuditEntry; names: Record<string, string> }) {
  const fields = Object.keys(entry.changes);
  if (fields.length === 0) return <span className="text-slate-500">Only restricted fields changed; their details are hidden.</span>;
  // A new or deleted record lists its values; they are many, so they start folded.
  if (entry.action === "create" || entry.action === "delete") {
    const side: Side = entry.action === "create" ? "to" : "from";
    return (
      <details>
        <summary className="cursor-pointer text-brand-700 hover:underline">
          {entry.action === "create" ? "Initial values" : "Values when deleted"} ({fields.length})
        </summary>
        <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
          {fields.map((field) => (
            <div key={field} className="contents">
              <dt className="text-slate-500">{label(field)}</dt>
              <dd>
                <Value text={formatValue(entry, field, side, names)} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
    );
  }
  return (
    <ul className="flex flex-col gap-1">
      {fields.map((field) => (
        <li key={field} className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="text-slate-500">{label(field)}:</span>
          <Value text={formatValue(entry, field, "from", names)} />
          <span aria-hidden className="text-slate-500">
            →
          </span>
          <span className="sr-only">changed to</span>
          <Value text={formatValue(entry, field, "to", names)} />
        </li>
      ))}
    </ul>
  );
}

function Subject({ entry, names }: { entry: AuditEntry; names: Record<string, string> }) {
  const noun = ENTITY_NOUNS[entry.entity] ?? entry.entity;
  const name = names[entry.entityId];
  const page = ENTITY_PAGES[entry.entity];
  const text = name ?? `${noun} ${entry.entityId.slice(-8)}`;
  return (
    <div className="flex flex-col">
      {page && entry.action !== "delete" ? (
        <Link href={`${page}/${entry.entityId}`} className="font-medium text-brand-700 hover:underline">
          {text}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{text}</span>
      )}
      <span className="text-xs text-slate-500">{entry.entity}</span>
    </div>
  );
}

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const user = await requirePermission("audit:read");
  const query = parseAuditQuery(await searchParams);
  const [result, entities] = await Promise.all([listAuditEntries(user, auditFilterFor(query, PAGE_SIZE)), listAuditEntities()]);
  const names = await findAuditNames(result.rows);
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const current = { entity: query.entity, action: query.action, actor: query.actor, from: query.from, to: query.to };
  const isFiltered = Object.values(current).some(Boolean);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader title="Audit log" description={<>Every change to HR records: who made it, when, and each field before and after. Times are UTC.</>} />

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <AuditFilters entities={entities} actions={AUDIT_ACTIONS} actionLabels={ACTION_LABELS} />
      </section>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {result.rows.length === 0 ? (
          <EmptyState
            title={result.total > 0 ? "That page is past the end of the log" : isFiltered ? "No changes match these filters" : "Nothing recorded yet"}
            testId="audit-empty"
            action={
              (isFiltered || result.total > 0) && (
                <Link
                  href={result.total > 0 ? withParams("/audit", current, { page: 1 }) : "/audit"}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  {result.total > 0 ? "Show the first page" : "Clear all filters"}
                </Link>
              )
            }
          >
            {result.total > 0
              ? "Go back to the first page to see the latest changes."
              : isFiltered
                ? "Try another record type or action, a wider date range, or part of the email."
                : "Creating or editing employees, departments and users will record entries here."}
          </EmptyState>
        ) : (
          <DataTable>
            <THead>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>Record</Th>
              <Th>Changes</Th>
            </THead>
            <TBody data-testid="audit-rows">
              {result.rows.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <Td className="whitespace-nowrap text-slate-700">
                    <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                  </Td>
                  <Td className="text-slate-700">{entry.actorEmail ?? <span className="text-slate-500">the system</span>}</Td>
                  <Td>
                    <span
                      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${ACTION_TONES[entry.action] ?? "bg-slate-100 text-slate-700 ring-slate-500/20"}`}
                    >
                      {ACTION_LABELS[entry.action] ?? entry.action}
                    </span>
                  </Td>
                  <Td>
                    <Subject entry={entry} names={names} />
                  </Td>
                  <Td className="min-w-72">
                    <Changes entry={entry} names={names} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        )}
        {result.total > 0 && (
          <div className="border-t border-slate-200 px-4 py-3">
            <Pagination
              page={Math.min(result.page, pageCount)}
              pageCount={pageCount}
              total={result.total}
              pageSize={PAGE_SIZE}
              hrefFor={(page) => withParams("/audit", current, { page })}
              noun={result.total === 1 ? "entry" : "entries"}
            />
          </div>
        )}
      </section>
    </div>
  );
}
