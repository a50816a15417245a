import type { Metadata } from "next";
import { DetailList } from "@/components/ui/detail-list";
import { Suspense } from "react";
import Link from "next/link";
import { LeaveCards } from "@/components/leave/leave-cards";
import { StatusPill } from "@/components/status-pill";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import {
  fieldLabel,
  getDashboard,
  type DashboardPerson,
  type DepartmentCount,
  type MyCard,
  type OverviewDashboard,
  type PeopleThisMonth,
  type RecentChange,
} from "@/lib/dashboard/get-dashboard";
import { formatDate, formatLongDate, formatMonthName, formatShortDateTime } from "@/lib/format";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Dashboard" };

const LINK = "font-medium text-brand-700 hover:underline";
const VERBS: Record<string, string> = { create: "created", update: "updated", status: "changed the status of", delete: "removed" };

// A server component renders once per request, so reading the clock here is stable.
function renderedAt(): Date {
  return new Date();
}

function firstName(user: CurrentUser): string {
  return user.name.includes("@") ? user.name : user.name.split(" ")[0];
}

// Horizontal bars, largest first, labelled directly so nobody has to read an axis. Each bar is its
// own SVG sized in CSS pixels, so labels stay legible on a phone instead of shrinking with a viewBox.
function DepartmentChart({ rows, total }: { rows: DepartmentCount[]; total: number }) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;
  return (
    <figure
      role="img"
      aria-label={`Headcount by department: ${rows.map((row) => `${row.name} ${row.count}`).join(", ")}`}
      className="flex flex-col gap-1.5"
      data-testid="department-chart"
    >
      {rows.map((row) => {
        const share = total ? Math.round((row.count / total) * 100) : 0;
        const width = row.count ? Math.max(1.5, (row.count / max) * 100) : 0;
        return (
          <div
            key={row.id ?? "none"}
            className="grid grid-cols-[minmax(0,7rem)_1fr_2rem] items-center gap-3 sm:grid-cols-[minmax(0,10rem)_1fr_2rem]"
            title={`${row.name}: ${people(row.count)} (${share}% of headcount)`}
          >
            <span className="truncate text-right text-xs text-slate-700 sm:text-sm">{row.name}</span>
            <svg className="block h-5 w-full">
              <rect x="0" y="0" width="100%" height="100%" rx="5" className="fill-slate-50" />
              {width > 0 && <rect x="0" y="0" width={`${width}%`} height="100%" rx="5" className={row.id ? "fill-brand-500" : "fill-slate-400"} />}
            </svg>
            <span className={`text-sm font-semibold tabular-nums ${row.count ? "text-slate-900" : "text-slate-500"}`}>{row.count}</span>
          </div>
        );
      })}
    </figure>
  );
}

type PeopleListProps = { group: PeopleThisMonth; emptyTitle: string; emptyHint: string; verbs: { past: string; future: string }; now: Date; testId: string };

function PeopleList({ group, emptyTitle, emptyHint, verbs, now, testId }: PeopleListProps) {
  if (group.people.length === 0)
    return (
      <EmptyState size="sm" title={emptyTitle}>
        {emptyHint}
      </EmptyState>
    );
  return (
    <>
      <ul className="divide-y divide-slate-100" data-testid={testId}>
        {group.people.map((person: DashboardPerson) => (
          <li key={person.id} className="flex items-center gap-3 py-2.5">
            <Avatar person={person} />
            <div className="min-w-0 flex-1">
              <Link href={`/employees/${person.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {person.firstName} {person.lastName}
              </Link>
              <p className="truncate text-xs text-slate-500">
                {person.jobTitle}
                {person.department ? ` · ${person.department}` : ""}
              </p>
            </div>
            <span className="shrink-0 text-xs text-slate-600">
              {person.date > now ? verbs.future : verbs.past} {formatDate(person.date)}
            </span>
          </li>
        ))}
      </ul>
      {group.total > group.people.length && <p className="mt-2 text-xs text-slate-500">and {group.total - group.people.length} more</p>}
    </>
  );
}

function RecentChanges({ changes }: { changes: RecentChange[] }) {
  if (changes.length === 0)
    return (
      <EmptyState size="sm" title="No changes recorded yet">
        Edits to employees and departments will appear here.
      </EmptyState>
    );
  return (
    <ol className="flex flex-col gap-3" data-testid="recent-changes">
      {changes.map((change) => (
        <li key={change.id} className="flex gap-3">
          <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-500" />
          <div className="min-w-0 text-sm">
            <p className="text-slate-700">
              <span className="font-medium text-slate-900">{change.actor ?? "The system"}</span> {VERBS[change.action] ?? change.action}{" "}
              {fieldLabel(change.entity)}{" "}
              {change.href ? (
                <Link href={change.href} className={LINK}>
                  {change.label}
                </Link>
              ) : (
                <span className="font-medium text-slate-900">{change.label}</span>
              )}
            </p>
            <p className="truncate text-xs text-slate-500">
              <time dateTime={change.at.toISOString()}>{formatShortDateTime(change.at)} UTC</time>
              {change.action !== "create" && change.fields.length > 0 && ` · ${change.fields.slice(0, 4).join(", ")}${change.fields.length > 4 ? "…" : ""}`}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Overview({ dashboard, now, user }: { dashboard: OverviewDashboard; now: Date; user: CurrentUser }) {
  const month = formatMonthName(dashboard.month.start);
  const isTeam = dashboard.kind === "team";
  const active = dashboard.headcount - dashboard.onLeave;
  return (
    <>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label={isTeam ? "Your team" : "Headcount"}
          value={dashboard.headcount}
          hint={`${active} active · ${dashboard.onLeave} on leave`}
          href="/employees"
          testId="stat-headcount"
        />
        <Stat
          label="Status: on leave"
          value={dashboard.onLeave}
          hint="marked on extended leave in their record"
          href="/employees?status=ON_LEAVE"
          testId="stat-on-leave"
        />
        <Stat label={`New hires in ${month}`} value={dashboard.newHires.total} hint="by hire date" tone="success" testId="stat-new-hires" />
        <Stat
          label={`Leavers in ${month}`}
          value={dashboard.leavers.total}
          hint="by exit date"
          tone={dashboard.leavers.total ? "danger" : "neutral"}
          testId="stat-leavers"
        />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card
          title={isTeam ? "Your team by department" : "Headcount by department"}
          className="lg:col-span-2"
          action={
            <Link href={isTeam ? "/employees" : "/departments"} className="text-sm font-medium text-brand-700 hover:underline">
              {isTeam ? "Open the directory" : "All departments"}
            </Link>
          }
        >
          {dashboard.byDepartment.length === 0 || dashboard.headcount === 0 ? (
            <EmptyState size="sm" title={isTeam ? "Nobody reports to you yet" : "No employees yet"}>
              {isTeam ? "People who report to you, directly or through others, are counted here." : "Add or import employees and the chart fills in."}
            </EmptyState>
          ) : (
            <DepartmentChart rows={dashboard.byDepartment} total={dashboard.headcount} />
          )}
        </Card>
        <div className="flex flex-col gap-4">
          <Suspense fallback={<div className="h-36 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />}>
            <LeaveCards user={user} today={now} />
          </Suspense>
        </div>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {[
          {
            title: "New hires",
            group: dashboard.newHires,
            testId: "new-hires",
            verbs: { past: "Joined", future: "Starts" },
            empty: "No new hires this month",
            hint: "hire",
          },
          {
            title: "Leavers",
            group: dashboard.leavers,
            testId: "leavers",
            verbs: { past: "Left", future: "Leaves" },
            empty: "Nobody is leaving this month",
            hint: "exit",
          },
        ].map((list) => (
          <Card key={list.testId} title={`${list.title} in ${month} (${list.group.total})`} testId={list.testId}>
            <PeopleList
              group={list.group}
              emptyTitle={list.empty}
              emptyHint={`People whose ${list.hint} date falls this month appear here.`}
              verbs={list.verbs}
              now={now}
              testId={`${list.testId}-list`}
            />
          </Card>
        ))}
      </div>

      {dashboard.recentChanges && (
        <Card
          title="Recent changes"
          action={
            <Link href="/audit" className="text-sm font-medium text-brand-700 hover:underline">
              Full audit log
            </Link>
          }
        >
          <RecentChanges changes={dashboard.recentChanges} />
        </Card>
      )}
    </>
  );
}

function tenure(months: number, hireDate: Date): string {
  if (months < 0) return `Starts on ${formatDate(hireDate)}`;
  if (months === 0) return "Joined this month";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years ? `${years} ${years === 1 ? "year" : "years"}` : null, rest ? `${rest} ${rest === 1 ? "month" : "months"}` : null].filter(Boolean);
  return parts.join(", ");
}

function SelfView({ user, me }: { user: CurrentUser; me: MyCard | null }) {
  const links = [
    ...(me ? [{ href: `/employees/${me.id}`, label: "My profile", hint: "Your record, contact details and history" }] : []),
    { href: "/settings", label: "Settings", hint: "Password and access tokens" },
    ...(can(user, "departments:read") ? [{ href: "/org-chart", label: "Org chart", hint: "Who leads what, at a glance" }] : []),
  ];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <section className="rounded-xl border border-slate-200 bg-white shadow-sm lg:col-span-2" data-testid="my-card">
        {me ? (
          <>
            <div className="flex flex-col gap-4 rounded-t-xl bg-brand-50 p-6 sm:flex-row sm:items-center">
              <Avatar person={me} size="lg" />
              <div className="min-w-0 flex-1">
                <p className="text-xl font-semibold tracking-tight text-slate-900">
                  {me.firstName} {me.lastName}
                </p>
                <p className="text-sm text-slate-600">{me.jobTitle}</p>
              </div>
              <StatusPill status={me.status} />
            </div>
            <DetailList
              className="grid gap-x-6 gap-y-4 p-6 text-sm sm:grid-cols-2"
              items={[
                {
                  label: "Department",
                  value: me.department ? (
                    <Link href={`/departments/${me.department.id}`} className={LINK}>
                      {me.department.name}
                    </Link>
                  ) : (
                    "None yet"
                  ),
                },
                { label: "Manager", value: me.manager ? `${me.manager.firstName} ${me.manager.lastName}, ${me.manager.jobTitle}` : "None" },
                { label: "Hired", value: formatDate(me.hireDate) },
                { label: "With us for", value: tenure(me.tenureMonths, me.hireDate), testId: "my-tenure" },
                { label: "Work email", value: me.workEmail, isWide: true, valueClassName: "break-all" },
              ]}
            />
          </>
        ) : (
          <div className="p-6">
            <EmptyState size="sm" title="Your sign-in is not linked to an employee record">
              Ask HR to link it, and your details will show here.
            </EmptyState>
          </div>
        )}
      </section>
      <Card title="Quick links">
        <ul className="flex flex-col gap-2">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 px-4 py-3 hover:border-brand-500 hover:bg-brand-50"
              >
                <span>
                  <span className="block text-sm font-medium text-slate-900">{link.label}</span>
                  <span className="block text-xs text-slate-500">{link.hint}</span>
                </span>
                <span aria-hidden className="text-brand-700">
                  →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const now = renderedAt();
  const dashboard = await getDashboard(user, now);
  const subtitle =
    dashboard.kind === "organisation"
      ? "The organisation today."
      : dashboard.kind === "team"
        ? "Your team today: you and everyone who reports to you, directly or through others."
        : "Your place in the organisation.";

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div>
        <p className="text-sm text-slate-500">{formatLongDate(now)}</p>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="dashboard-greeting">
          Hello, {firstName(user)}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
      </div>
      {dashboard.kind === "self" ? (
        <>
          <SelfView user={user} me={dashboard.me} />
          <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            <Suspense fallback={<div className="h-36 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />}>
              <LeaveCards user={user} today={now} />
            </Suspense>
          </div>
        </>
      ) : (
        <Overview dashboard={dashboard} now={now} user={user} />
      )}
    </div>
  );
}
