import type { Metadata } from "next";
import { orNotFound } from "@/lib/pages/or-not-found";
import Link from "next/link";
import { StatusPill } from "@/components/status-pill";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDepartment, MEMBER_LIMIT } from "@/lib/departments/get-department";
import { buttonClass } from "@/components/ui/button";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { SuccessNotice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Department" };

const NOTICES = { created: "Department created.", updated: "Changes saved." } as const;
const LINK = "font-medium text-slate-900 hover:text-brand-700 hover:underline";

export default async function DepartmentPage({ params, searchParams }: PageProps<"/departments/[id]">) {
  const user = await requirePermission("departments:read");
  const { id } = await params;
  const { saved } = await searchParams;
  const department = await orNotFound(getDepartment(user, id));
  const canWrite = can(user, "departments:write");
  const notice = saved === "created" || saved === "updated" ? NOTICES[saved] : null;
  const subHeadcount = department.children.reduce((sum, child) => sum + child.headcount, 0);

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
          <li>
            <Link href="/departments" className="font-medium hover:text-brand-700">
              Departments
            </Link>
          </li>
          {department.ancestors.map((ancestor) => (
            <li key={ancestor.id} className="flex items-center gap-1">
              <span aria-hidden className="text-slate-500">
                ›
              </span>
              <Link href={`/departments/${ancestor.id}`} className="hover:text-brand-700">
                {ancestor.name}
              </Link>
            </li>
          ))}
          <li className="flex items-center gap-1">
            <span aria-hidden className="text-slate-500">
              ›
            </span>
            <span aria-current="page" className="text-slate-900">
              {department.name}
            </span>
          </li>
        </ol>
      </nav>

      {notice && <SuccessNotice testId="department-notice">{notice}</SuccessNotice>}

      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="department-title">
              {department.name}
            </h1>
            <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-sm text-slate-600">{department.code}</span>
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {department.parent ? (
              <>
                Part of{" "}
                <Link href={`/departments/${department.parent.id}`} className="font-medium text-brand-700 hover:underline">
                  {department.parent.name}
                </Link>
              </>
            ) : (
              "A top-level department"
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/org-chart" className={buttonClass({ variant: "secondary" })}>
            See in org chart
          </Link>
          {canWrite && (
            <Link href={`/departments/${department.id}/edit`} className={buttonClass()}>
              Edit department
            </Link>
          )}
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm text-slate-600">Headcount</p>
          <p className="mt-1 text-3xl font-semibold tracking-tight" data-testid="department-headcount">
            {department.headcount}
          </p>
          <p className="mt-1 text-xs text-slate-500">{department.headcount === 1 ? "person" : "people"} active or on leave</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm text-slate-600">Sub-departments</p>
          <p className="mt-1 text-3xl font-semibold tracking-tight">{department.children.length}</p>
          <p className="mt-1 text-xs text-slate-500">{department.children.length ? `${subHeadcount} more people in them` : "none nested here"}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm text-slate-600">Head</p>
          {department.head ? (
            <div className="mt-2 flex items-center gap-3">
              <Avatar person={department.head} size="md" />
              <div className="min-w-0">
                {department.head.isVisible ? (
                  <Link href={`/employees/${department.head.id}`} className={LINK} data-testid="department-head">
                    {department.head.firstName} {department.head.lastName}
                  </Link>
                ) : (
                  <p className="font-medium text-slate-900" data-testid="department-head">
                    {department.head.firstName} {department.head.lastName}
                  </p>
                )}
                <p className="truncate text-xs text-slate-500">{department.head.jobTitle}</p>
                {department.head.status === "TERMINATED" && <p className="text-xs font-medium text-amber-700">Has left; choose a new head.</p>}
              </div>
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-500">
              No head yet.
              {canWrite && (
                <>
                  {" "}
                  <Link href={`/departments/${department.id}/edit`} className="font-medium text-brand-700 hover:underline">
                    Choose one
                  </Link>
                </>
              )}
            </p>
          )}
        </div>
      </div>

      <Card
        title={`Sub-departments (${department.children.length})`}
        action={
          canWrite && (
            <Link href={`/departments/new?parent=${department.id}`} className="text-sm font-medium text-brand-700 hover:underline">
              Add sub-department
            </Link>
          )
        }
      >
        {department.children.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing is nested under {department.name}.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {department.children.map((child) => (
              <li key={child.id}>
                <Link
                  href={`/departments/${child.id}`}
                  className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 px-4 py-3 hover:border-brand-500 hover:bg-brand-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{child.name}</span>
                    <span className="block truncate text-xs text-slate-500">
                      {child.head ? `Led by ${child.head.firstName} ${child.head.lastName}` : "No head yet"}
                    </span>
                  </span>
                  <span className="shrink-0 rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold text-slate-700 tabular-nums">
                    {child.headcount} {child.headcount === 1 ? "person" : "people"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card
        title={`People (${department.visibleMembers})`}
        action={
          department.visibleMembers > 0 && (
            <Link href={`/employees?department=${department.id}`} className="text-sm font-medium text-brand-700 hover:underline">
              Open in directory
            </Link>
          )
        }
      >
        {department.members.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="members-empty">
            {department.headcount === 0 ? "Nobody works in this department yet." : "Nobody here is in your view of the directory."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="department-members">
            {department.members.map((member) => (
              <li key={member.id} className="flex items-center gap-3 py-2.5">
                <Avatar person={member} />
                <div className="min-w-0 flex-1">
                  <Link href={`/employees/${member.id}`} className={LINK}>
                    {member.firstName} {member.lastName}
                  </Link>
                  <p className="truncate text-xs text-slate-500">{member.jobTitle}</p>
                </div>
                {department.head?.id === member.id && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Head</span>}
                <StatusPill status={member.status} />
              </li>
            ))}
          </ul>
        )}
        {department.visibleMembers > MEMBER_LIMIT && (
          <p className="mt-3 text-xs text-slate-500">Showing the first {MEMBER_LIMIT}; open the directory for the rest.</p>
        )}
        {department.hiddenMembers > 0 && (
          <p className="mt-3 text-xs text-slate-500">
            {department.hiddenMembers} more {department.hiddenMembers === 1 ? "person works" : "people work"} here outside your view of the directory.
          </p>
        )}
      </Card>
    </div>
  );
}
