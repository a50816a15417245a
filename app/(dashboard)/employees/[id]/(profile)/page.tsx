import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/ui/pagination";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Tabs } from "@/components/ui/tabs";
import { StatusPill } from "@/components/status-pill";
import { listAuditEntries, type AuditEntry } from "@/lib/audit/list-audit";
import { requirePermission, type CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { findNamesForIds } from "@/lib/employees/employee-options";
import { EMPLOYMENT_TYPE_LABELS, fieldLabel, formatAuditValue, formatDate, formatDateTime, formatMoney, toDateInput } from "@/lib/employees/format";
import { getEmployeeProfile, type EmployeeProfile } from "@/lib/employees/get-employee";
import { orNotFound } from "@/lib/pages/or-not-found";
import { canSeeBankDetails } from "@/lib/payroll/save-bank-details";
import { StatusChange } from "./status-change";

export const metadata: Metadata = { title: "Employee" };

const TABS = [
  { key: "job", label: "Job" },
  { key: "personal", label: "Personal", isPersonal: true },
  { key: "contact", label: "Contact" },
  { key: "emergency", label: "Emergency contact", isPersonal: true },
  { key: "history", label: "History" },
] as const;

type TabKey = (typeof TABS)[number]["key"];

const HISTORY_PAGE_SIZE = 20;

const NOTICES = {
  created: "Employee created.",
  profile: "Changes saved.",
  contact: "Your contact details were saved.",
} as const;

// Anything malformed in the query falls back to the first tab and page rather than failing.
const ZProfileQuery = z.object({
  tab: z.enum(TABS.map((tab) => tab.key) as [TabKey, ...TabKey[]]).catch("job"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  created: z.literal("1").optional().catch(undefined),
  saved: z.enum(["profile", "contact"]).optional().catch(undefined),
});

const ACTION_LABELS: Record<string, string> = { create: "Created the record", update: "Updated", status: "Changed status", delete: "Deleted the record" };

const LINK = "font-medium text-brand-700 hover:underline";

export default async function EmployeeProfilePage({ params, searchParams }: PageProps<"/employees/[id]">) {
  const user = await requirePermission("employees:read");
  const { id } = await params;
  const query = ZProfileQuery.parse(await searchParams);
  const employee = await orNotFound(getEmployeeProfile(user, id));
  const tabs = TABS.filter((tab) => !("isPersonal" in tab) || employee.personal);
  const tab = tabs.some((candidate) => candidate.key === query.tab) ? query.tab : "job";
  const notice = query.created ? NOTICES.created : query.saved ? NOTICES[query.saved] : null;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <Link href="/employees" className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← All employees
      </Link>
      {notice && (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
          data-testid="profile-notice"
        >
          {notice}
        </p>
      )}
      <ProfileHeader user={user} employee={employee} />

      {/* Every panel is rendered; the keyed Tabs start on the one in the URL, so links to ?tab=history work. */}
      <Tabs
        key={tab}
        label="Employee details"
        defaultValue={tab}
        items={tabs.map((candidate) => ({
          value: candidate.key,
          label: candidate.label,
          content: {
            job: <JobPanel employee={employee} />,
            personal: <PersonalPanel employee={employee} />,
            contact: <ContactPanel user={user} employee={employee} />,
            emergency: <EmergencyPanel user={user} employee={employee} />,
            history: <HistoryPanel user={user} employee={employee} page={query.page} />,
          }[candidate.key],
        }))}
      />
    </div>
  );
}

function ProfileHeader({ user, employee }: { user: CurrentUser; employee: EmployeeProfile }) {
  const name = `${employee.firstName} ${employee.lastName}`;
  const canEditOwnContact = employee.isSelf && can(user, "employees:update-own-contact");
  // The edit form saves salary and personal data too, so it is offered only to those who see them.
  const canEdit = can(user, "employees:update") && can(user, "employees:read-sensitive");
  return (
    <section className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm lg:flex-row lg:items-start lg:justify-between">
      <div className="flex min-w-0 items-start gap-4">
        <Avatar person={employee} size="lg" />
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="profile-name">
              {name}
            </h1>
            <StatusPill status={employee.status} />
          </div>
          <p className="mt-1 text-sm text-slate-700">
            {employee.jobTitle}
            {employee.department && (
              <>
                {" · "}
                <Link href={`/employees?department=${employee.department.id}`} className={LINK}>
                  {employee.department.name}
                </Link>
              </>
            )}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {employee.manager ? (
              <>
                Reports to{" "}
                <Link href={`/employees/${employee.manager.id}`} className={LINK} data-testid="manager-link">
                  {employee.manager.firstName} {employee.manager.lastName}
                </Link>
              </>
            ) : (
              "No manager"
            )}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {canEdit && (
          <Link href={`/employees/${employee.id}/edit`} className={buttonClass()} data-testid="edit-employee">
            Edit
          </Link>
        )}
        {canEditOwnContact && (
          <Link href={`/employees/${employee.id}/contact`} className={buttonClass({ variant: "secondary" })}>
            Edit my contact details
          </Link>
        )}
        {canSeeBankDetails(user, employee.id) && (
          <Link href={`/employees/${employee.id}/bank`} className={buttonClass({ variant: "secondary" })} data-testid="bank-details-link">
            {employee.isSelf ? "My bank details" : "Bank details"}
          </Link>
        )}
        {can(user, "employees:change-status") && (
          <StatusChange employee={employee} employeeName={name} exitDate={toDateInput(employee.exitDate)} exitReason={employee.exitReason ?? ""} />
        )}
      </div>
    </section>
  );
}

type Detail = { label: string; value: React.ReactNode };

function Details({ items }: { items: Detail[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-sm text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 text-sm font-medium whitespace-pre-line text-slate-900">
            {item.value ?? <span className="font-normal text-slate-500">Not recorded</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function JobPanel({ employee }: { employee: EmployeeProfile }) {
  const hasLeft = employee.status === "TERMINATED" || employee.exitDate;
  return (
    <div className="flex flex-col gap-6">
      <Card title="Job">
        <Details
          items={[
            { label: "Employee number", value: employee.employeeNumber },
            { label: "Job title", value: employee.jobTitle },
            { label: "Department", value: employee.department?.name },
            {
              label: "Reports to",
              value: employee.manager && (
                <Link href={`/employees/${employee.manager.id}`} className={LINK}>
                  {employee.manager.firstName} {employee.manager.lastName}
                </Link>
              ),
            },
            { label: "Employment type", value: EMPLOYMENT_TYPE_LABELS[employee.employmentType] },
            { label: "Hire date", value: formatDate(employee.hireDate) },
            { label: "Status", value: <StatusPill status={employee.status} /> },
            ...(hasLeft
              ? [
                  { label: "Exit date", value: employee.exitDate && formatDate(employee.exitDate) },
                  { label: "Reason for leaving", value: employee.exitReason },
                ]
              : []),
          ]}
        />
      </Card>
      {employee.salary && (
        <Card title="Compensation">
          <Details
            items={[
              {
                label: "Annual base salary",
                value: employee.salary.cents === null ? null : <span data-testid="salary">{formatMoney(employee.salary.cents, employee.salary.currency)}</span>,
              },
            ]}
          />
        </Card>
      )}
      <Card title={`Direct reports (${employee.reports.length})`}>
        {employee.reports.length === 0 ? (
          <p className="text-sm text-slate-600">No one reports to {employee.firstName} directly.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="reports">
            {employee.reports.map((report) => (
              <li key={report.id} className="flex items-center justify-between gap-3 py-2.5">
                <div className="min-w-0">
                  <Link href={`/employees/${report.id}`} className={LINK}>
                    {report.firstName} {report.lastName}
                  </Link>
                  <p className="truncate text-sm text-slate-500">{report.jobTitle}</p>
                </div>
                <StatusPill status={report.status} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

// Whole years between two calendar dates.
function ageOn(birth: Date, today: Date): number {
  const hadBirthday = today.getUTCMonth() > birth.getUTCMonth() || (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() >= birth.getUTCDate());
  return today.getUTCFullYear() - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

function PersonalPanel({ employee }: { employee: EmployeeProfile }) {
  const birth = employee.personal?.dateOfBirth;
  return (
    <Card title="Personal">
      <Details
        items={[
          { label: "Date of birth", value: birth && formatDate(birth) },
          { label: "Age", value: birth && ageOn(birth, new Date()) },
        ]}
      />
    </Card>
  );
}

function EditOwnContactLink({ user, employee }: { user: CurrentUser; employee: EmployeeProfile }) {
  if (!employee.isSelf || !can(user, "employees:update-own-contact")) return null;
  return (
    <Link href={`/employees/${employee.id}/contact`} className={`text-sm ${LINK}`}>
      Edit
    </Link>
  );
}

function ContactPanel({ user, employee }: { user: CurrentUser; employee: EmployeeProfile }) {
  return (
    <Card title="Contact" action={<EditOwnContactLink user={user} employee={employee} />}>
      <Details
        items={[
          {
            label: "Work email",
            value: (
              <a href={`mailto:${employee.workEmail}`} className={LINK}>
                {employee.workEmail}
              </a>
            ),
          },
          {
            label: "Work phone",
            value: employee.phone && (
              <a href={`tel:${employee.phone.replace(/[^+0-9]/g, "")}`} className={LINK}>
                {employee.phone}
              </a>
            ),
          },
          ...(employee.personal
            ? [
                { label: "Personal email", value: employee.personal.personalEmail },
                { label: "Home address", value: employee.personal.address },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function EmergencyPanel({ user, employee }: { user: CurrentUser; employee: EmployeeProfile }) {
  const personal = employee.personal;
  return (
    <Card title="Emergency contact" action={<EditOwnContactLink user={user} employee={employee} />}>
      {personal?.emergencyName || personal?.emergencyPhone ? (
        <Details
          items={[
            { label: "Name", value: personal.emergencyName },
            { label: "Relation", value: personal.emergencyRelation },
            { label: "Phone", value: personal.emergencyPhone },
          ]}
        />
      ) : (
        <p className="text-sm text-slate-600">No emergency contact recorded.</p>
      )}
    </Card>
  );
}

// Department and manager ids in the trail are shown by name.
function idsMentioned(entries: AuditEntry[]) {
  const departmentIds = new Set<string>();
  const employeeIds = new Set<string>();
  for (const entry of entries) {
    const { departmentId, managerId } = entry.changes;
    for (const value of [departmentId?.from, departmentId?.to]) if (typeof value === "string") departmentIds.add(value);
    for (const value of [managerId?.from, managerId?.to]) if (typeof value === "string") employeeIds.add(value);
  }
  return { departmentIds: [...departmentIds], employeeIds: [...employeeIds] };
}

async function HistoryPanel({ user, employee, page }: { user: CurrentUser; employee: EmployeeProfile; page: number }) {
  const history = await listAuditEntries(user, { entity: "Employee", entityId: employee.id, page, pageSize: HISTORY_PAGE_SIZE });
  const names = await findNamesForIds(idsMentioned(history.rows));
  const pageCount = Math.max(1, Math.ceil(history.total / HISTORY_PAGE_SIZE));
  const fallbackCurrency = employee.salary?.currency ?? "USD";

  if (history.total === 0) {
    return (
      <Card title="History">
        <p className="text-sm text-slate-600" data-testid="history-empty">
          No changes have been recorded for this employee yet. Edits and status changes will appear here, with who made them and when.
        </p>
      </Card>
    );
  }

  if (history.rows.length === 0) {
    return (
      <Card title="History">
        <p className="text-sm text-slate-600">
          That page is past the end of the history.{" "}
          <Link href={`/employees/${employee.id}?tab=history`} className={LINK}>
            Show the latest changes
          </Link>
        </p>
      </Card>
    );
  }

  return (
    <Card title="History">
      <ol className="relative flex flex-col gap-6 border-l border-slate-200 pl-6" data-testid="history">
        {history.rows.map((entry) => {
          const currency = (side: "from" | "to") => {
            const value = entry.changes.salaryCurrency?.[side];
            return typeof value === "string" ? value : fallbackCurrency;
          };
          const fields = Object.entries(entry.changes);
          return (
            <li key={entry.id} className="relative">
              <span aria-hidden className="absolute top-1.5 -left-[1.95rem] size-3 rounded-full bg-brand-600 ring-4 ring-white" />
              <p className="text-sm">
                <span className="font-semibold text-slate-900">{ACTION_LABELS[entry.action] ?? entry.action}</span>
                <span className="text-slate-600"> by {entry.actorEmail ?? "the system"}</span>
              </p>
              <p className="text-xs text-slate-500">
                <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
              </p>
              {fields.length === 0 ? (
                <p className="mt-2 text-sm text-slate-500">Only restricted fields changed; their details are hidden.</p>
              ) : entry.action === "create" ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-brand-700 hover:underline">Show the initial values</summary>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
                    {fields.map(([field, change]) => (
                      <div key={field} className="contents">
                        <dt className="text-slate-500">{fieldLabel(field)}</dt>
                        <dd className="text-slate-900">{formatAuditValue(field, change.to, { names, currency: currency("to") }) ?? "—"}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ) : (
                <dl className="mt-2 flex flex-col gap-1 text-sm">
                  {fields.map(([field, change]) => (
                    <div key={field} className="flex flex-wrap gap-x-2">
                      <dt className="text-slate-500">{fieldLabel(field)}:</dt>
                      <dd className="text-slate-900">
                        <Value text={formatAuditValue(field, change.from, { names, currency: currency("from") })} />
                        <span aria-label="changed to" className="px-1.5 text-slate-500">
                          →
                        </span>
                        <Value text={formatAuditValue(field, change.to, { names, currency: currency("to") })} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
      {pageCount > 1 && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <Pagination
            page={history.page}
            pageCount={pageCount}
            total={history.total}
            pageSize={HISTORY_PAGE_SIZE}
            hrefFor={(target) => `/employees/${employee.id}?tab=history&page=${target}`}
            noun={history.total === 1 ? "change" : "changes"}
          />
        </div>
      )}
    </Card>
  );
}

function Value({ text }: { text: string | null }) {
  return text === null ? <span className="text-slate-500 italic">empty</span> : <span>{text}</span>;
}
