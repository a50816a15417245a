// bench-results.json: the figures a machine compares between runs, with their targets.
import { execFileSync } from "node:child_process";
import type { MirrorLagResult } from "./mirror-lag";
import type { ReplayResult } from "./replay-throughput";
import type { OverheadResult } from "./routing-overhead";
import type { LockedRecoveryResult, OwnWriteResult } from "./trust";
import type { WeekResult } from "./week";

export type Figure = { id: string; value: number | null; unit: string; target: string; pass: boolean | null };

export type TrustResults = {
  overhead?: OverheadResult[];
  mirror?: MirrorLagResult;
  mirrorOpenTx?: MirrorLagResult;
  ownWrite?: OwnWriteResult;
  replay10k?: ReplayResult;
  lockedRecovery?: LockedRecoveryResult;
  week?: WeekResult;
};

function figure(id: string, value: number | null | undefined, unit: string, target: string, isMet: (value: number) => boolean): Figure {
  const known = value === undefined || value === null || Number.isNaN(value) ? null : Number(value.toFixed(3));
  return { id, value: known, unit, target, pass: known === null ? null : isMet(known) };
}

export function figures(results: TrustResults): Figure[] {
  const ratio = (name: string) => results.overhead?.find((result) => result.workload.startsWith(name))?.ratio;
  const locked = results.lockedRecovery;
  const isLockedComplete = locked ? locked.stuck === 1 && locked.replayed === locked.expectedReplayed && locked.queueAfter === 0 : false;
  const week = results.week;
  const perDay = week ? week.writes / week.days.length : 0;
  const last = week?.days.at(-1);
  // Bounded means set by the retention rules, not by how many writes there were: applied operation
  // ids for the last day and its margin, the copy's audit log for its window (an audit entry for
  // every tenth write), the change log for what the copies have not yet read.
  const mostAppliedOps = week ? Math.max(...week.days.map((day) => day.peak._hrms_applied_ops.rows)) : null;
  return [
    figure("week-applied-ops-max-rows", mostAppliedOps, "rows", `<= 2 days of writes (${Math.round(2 * perDay)})`, (value) => value <= 2 * perDay),
    figure(
      "week-audit-copy-rows",
      last ? (last.sqlite.AuditLog ?? null) : null,
      "rows",
      `<= ${week ? week.auditCopyDays + 1 : "?"} days of audit entries (${Math.round(((week?.auditCopyDays ?? 0) + 1) * (perDay / 10))})`,
      (value) => value <= ((week?.auditCopyDays ?? 0) + 1) * (perDay / 10),
    ),
    // A copy that stopped reporting (an instance gone, or cut off) holds the change log for 7 days:
    // the last day is the first one after the earlier phases' stopped copies expired.
    figure(
      "week-change-log-rows",
      last?.postgres._hrms_changes.rows,
      "rows",
      `<= 3 x writes per day (${Math.round(3 * perDay)})`,
      (value) => value <= 3 * perDay,
    ),
    figure("read-overhead", ratio("findUnique"), "ratio", "<= 1.05", (value) => value <= 1.05),
    figure("write-overhead", ratio("update"), "ratio", "<= 2.0", (value) => value <= 2),
    figure("own-write-visible", results.ownWrite?.fraction, "fraction", "= 1", (value) => value === 1),
    figure("mirror-lag-p99-ms", results.mirror?.observed.p99, "ms", "<= 100", (value) => value <= 100),
    figure("mirror-lag-p99-open-tx-ms", results.mirrorOpenTx?.observed.p99, "ms", "<= 100", (value) => value <= 100),
    figure("replay-writes-per-s", results.replay10k?.perSecond, "writes/s", ">= 2000", (value) => value >= 2_000),
    figure(
      "recovery-10k-s",
      results.replay10k ? results.replay10k.recoveryMs / 1000 : null,
      "s",
      "<= 10",
      // Under a steady stream of writes: nothing queued once primary, nothing lost.
      (value) =>
        value <= 10 &&
        results.replay10k?.queueAfter === 0 &&
        results.replay10k.createdFound === results.replay10k.createdExpected &&
        results.replay10k.streamFound === results.replay10k.streamWrites,
    ),
    figure(
      "recovery-with-lock-s",
      locked ? locked.recoveryMs / 1000 : null,
      "s",
      "<= 10, the locked write set aside, the rest replayed",
      (value) => value <= 10 && isLockedComplete,
    ),
  ];
}

export function resultsJson(results: TrustResults, date: Date): string {
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    commit = null;
  }
  return `${JSON.stringify({ date: date.toISOString(), commit, figures: figures(results) }, null, 2)}\n`;
}
