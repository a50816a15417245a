import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedCard } from "@/components/ui/paged-card";
import { TabLinks } from "@/components/ui/tab-links";
import { canOverseeAttendance } from "@/lib/attendance/access";
import { formatDateTime, formatDay, formatTime } from "@/lib/attendance/format";
import { listCorrectionQueue } from "@/lib/attendance/list-corrections";
import { requireUser } from "@/lib/auth/current-user";
import { pageParam } from "@/lib/search-params";
import { readSetting } from "@/lib/settings/settings";
import { CorrectionStatus } from "../correction-status";
import { DecisionForm } from "./decision-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Attendance corrections" };

// Managers see corrections from their reports, HR everyone's; each is approved or rejected here.
export default async function CorrectionsPage({ searchParams }: PageProps<"/attendance/corrections">) {
  const user = await requireUser();
  if (!(await canOverseeAttendance(user))) forbidden();
  const params = await searchParams;
  const state = params.state === "decided" ? "decided" : "pending";
  const page = pageParam(params.page);
  const [queue, schedule] = await Promise.all([listCorrectionQueue(user, { state, page }), readSetting("attendance-schedule")]);
  const tz = schedule.timeZone;
  const hrefFor = (target: number) => `/attendance/corrections?state=${state}&page=${target}`;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        title="Attendance corrections"
        parent={{ href: "/attendance", label: "Attendance" }}
        crumb="Corrections"
        description={`Approving a correction writes its times into the attendance record. Times are in ${tz}.`}
      />

      <TabLinks
        label="Corrections"
        tabs={[
          { href: "/attendance/corrections", label: "Waiting", isCurrent: state === "pending" },
          { href: "/attendance/corrections?state=decided", label: "Decided", isCurrent: state === "decided" },
        ]}
      />

      <PagedCard
        page={queue}
        hrefFor={hrefFor}
        nouns={["correction", "corrections"]}
        empty={
          <EmptyState title={state === "pending" ? "Nothing waiting for you" : "No decisions yet"} testId="corrections-queue-empty">
            {state === "pending"
              ? "Corrections your team asks for appear here; you also get a notification."
              : "Corrections you or others approve or reject appear here."}
          </EmptyState>
        }
      >
        <ul className="divide-y divide-slate-100" data-testid="corrections-queue">
          {queue.rows.map((row) => (
            <li key={row.id} className="grid gap-4 p-5 md:grid-cols-[1fr_20rem]">
              <div className="min-w-0 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/attendance/${row.employee.id}?month=${row.date.toISOString().slice(0, 7)}`}
                    className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {row.employee.firstName} {row.employee.lastName}
                  </Link>
                  <span className="text-slate-500">{row.employee.jobTitle}</span>
                  <CorrectionStatus status={row.status} />
                </div>
                <p className="mt-2 text-slate-900">
                  <span className="font-medium">{formatDay(row.date)}</span>: {formatTime(row.checkInAt, tz)}–{formatTime(row.checkOutAt, tz)}
                </p>
                <p className="mt-1 text-slate-600">“{row.reason}”</p>
                <p className="mt-1 text-slate-500">
                  On record that day:{" "}
                  {row.recorded.length === 0
                    ? "nothing"
                    : row.recorded
                        .map((session) => `${formatTime(session.checkInAt, tz)}–${session.checkOutAt ? formatTime(session.checkOutAt, tz) : "still open"}`)
                        .join(", ")}
                </p>
                <p className="mt-1 text-xs text-slate-500">Asked {formatDateTime(row.createdAt, tz)}</p>
              </div>
              <div>
                {row.status === "PENDING" ? (
                  <DecisionForm id={row.id} version={row.version} />
                ) : (
                  <div className="text-sm text-slate-600">
                    <p>{row.decidedAt ? `Decided ${formatDateTime(row.decidedAt, tz)}` : "Decided"}</p>
                    {row.comment && <p className="mt-1">“{row.comment}”</p>}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      </PagedCard>
    </div>
  );
}
