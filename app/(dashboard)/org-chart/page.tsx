import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getOrgTree, type OrgNode } from "@/lib/departments/org-tree";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Org chart" };

type Tone = { bar: string; fill: string; avatar: string; accent: string; swatch: string };

const ROOT_TONE: Tone = {
  bar: "bg-brand-600",
  fill: "fill-brand-600",
  avatar: "bg-brand-100 text-brand-700",
  accent: "border-t-brand-600",
  swatch: "bg-brand-600",
};

// Each top-level branch gets a colour its whole subtree shares, so a branch reads at a glance.
const PALETTE: Tone[] = [
  { bar: "bg-sky-500", fill: "fill-sky-500", avatar: "bg-sky-100 text-sky-800", accent: "border-t-sky-500", swatch: "bg-sky-500" },
  { bar: "bg-violet-500", fill: "fill-violet-500", avatar: "bg-violet-100 text-violet-800", accent: "border-t-violet-500", swatch: "bg-violet-500" },
  { bar: "bg-emerald-500", fill: "fill-emerald-500", avatar: "bg-emerald-100 text-emerald-800", accent: "border-t-emerald-500", swatch: "bg-emerald-500" },
  { bar: "bg-amber-500", fill: "fill-amber-500", avatar: "bg-amber-100 text-amber-800", accent: "border-t-amber-500", swatch: "bg-amber-500" },
  { bar: "bg-rose-500", fill: "fill-rose-500", avatar: "bg-rose-100 text-rose-800", accent: "border-t-rose-500", swatch: "bg-rose-500" },
  { bar: "bg-fuchsia-500", fill: "fill-fuchsia-500", avatar: "bg-fuchsia-100 text-fuchsia-800", accent: "border-t-fuchsia-500", swatch: "bg-fuchsia-500" },
  { bar: "bg-lime-500", fill: "fill-lime-500", avatar: "bg-lime-100 text-lime-800", accent: "border-t-lime-500", swatch: "bg-lime-500" },
  { bar: "bg-orange-500", fill: "fill-orange-500", avatar: "bg-orange-100 text-orange-800", accent: "border-t-orange-500", swatch: "bg-orange-500" },
  { bar: "bg-indigo-500", fill: "fill-indigo-500", avatar: "bg-indigo-100 text-indigo-800", accent: "border-t-indigo-500", swatch: "bg-indigo-500" },
  { bar: "bg-teal-500", fill: "fill-teal-500", avatar: "bg-teal-100 text-teal-800", accent: "border-t-teal-500", swatch: "bg-teal-500" },
];

// Levels below this fold away under a <details>, so a deep organisation stays readable.
const OPEN_DEPTH = 2;

// Connectors are drawn by each list item's ::before (the vertical line) and ::after (the stub into
// the card). Every card is h-32 inside a py-2 wrapper, so its middle sits 4.5rem (18) from the top
// of its row whatever is open below it; all lines meet there.
const BRACKET_ITEM =
  "relative pl-8 before:absolute before:top-0 before:bottom-0 before:left-0 before:w-px before:bg-slate-300 first:before:top-18 last:before:bottom-auto last:before:h-18 only:before:hidden after:absolute after:top-18 after:left-0 after:h-px after:w-8 after:bg-slate-300";
const RAIL_ITEM =
  "relative pl-8 before:absolute before:top-0 before:bottom-0 before:left-0 before:w-px before:bg-slate-300 last:before:bottom-auto last:before:h-18 after:absolute after:top-18 after:left-0 after:h-px after:w-8 after:bg-slate-300";

const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;

function OrgCard({ node, tone, largest }: { node: OrgNode; tone: Tone; largest: number }) {
  const nested = node.totalHeadcount - node.headcount;
  return (
    <div
      id={`dept-${node.id}`}
      className={`relative flex h-32 w-60 scroll-mt-24 flex-col justify-between rounded-xl border border-t-4 border-slate-200 ${tone.accent} bg-white p-3 shadow-sm transition hover:-translate-y-0.5 hover:shadow-md has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500`}
      data-testid="org-card"
    >
      <div className="flex items-start gap-3">
        <span aria-hidden className={`grid size-10 shrink-0 place-items-center rounded-full text-sm font-semibold ${tone.avatar}`}>
          {node.head?.initials ?? "?"}
        </span>
        <div className="min-w-0">
          {/* The link covers the whole card, so anywhere on it opens the department. */}
          <Link
            href={`/departments/${node.id}`}
            title={node.name}
            className="block truncate text-sm font-semibold text-slate-900 after:absolute after:inset-0 focus-visible:outline-none"
          >
            {node.name}
          </Link>
          {node.head ? (
            <>
              <p className="truncate text-xs text-slate-700">
                <span className="sr-only">Head: </span>
                {node.head.firstName} {node.head.lastName}
              </p>
              <p className="truncate text-xs text-slate-500">{node.head.jobTitle}</p>
            </>
          ) : (
            <p className="text-xs text-slate-500 italic">No head yet</p>
          )}
        </div>
      </div>
      <div>
        <div className="flex items-center gap-2">
          <span aria-hidden className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100">
            <span
              className={`block h-full rounded-full ${tone.bar}`}
              style={{ width: `${node.headcount ? Math.max(4, (node.headcount / largest) * 100) : 0}%` }}
            />
          </span>
          <span className="text-xs font-semibold text-slate-800 tabular-nums" data-testid="org-card-headcount">
            {people(node.headcount)}
          </span>
        </div>
        {nested > 0 && <p className="mt-0.5 text-right text-[11px] text-slate-500">+ {nested} in sub-departments</p>}
      </div>
    </div>
  );
}

function OrgBranch({ node, tone, largest }: { node: OrgNode; tone: Tone; largest: number }) {
  const card = (
    <div className="py-2">
      <OrgCard node={node} tone={tone} largest={largest} />
    </div>
  );
  if (node.children.length === 0) return card;
  const childTone = (index: number) => (node.depth === 0 ? PALETTE[index % PALETTE.length] : tone);

  if (node.depth < OPEN_DEPTH) {
    return (
      <div className="flex items-start">
        {card}
        <span aria-hidden className="mt-18 h-px w-8 shrink-0 bg-slate-300" />
        <ul className="flex flex-col" aria-label={`Under ${node.name}`}>
          {node.children.map((child, index) => (
            <li key={child.id} className={BRACKET_ITEM}>
              <OrgBranch node={child} tone={childTone(index)} largest={largest} />
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="flex flex-col items-start">
      {card}
      <details className="group ml-6">
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-200 [&::-webkit-details-marker]:hidden">
          <span aria-hidden className="transition-transform group-open:rotate-90">
            ›
          </span>
          <span className="group-open:hidden">Show</span>
          <span className="hidden group-open:inline">Hide</span> {node.children.length} {node.children.length === 1 ? "sub-department" : "sub-departments"}
        </summary>
        <ul className="flex flex-col" aria-label={`Under ${node.name}`}>
          {node.children.map((child) => (
            <li key={child.id} className={RAIL_ITEM}>
              <OrgBranch node={child} tone={tone} largest={largest} />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

type Segment = { id: string; name: string; count: number; tone: Tone };

// The top of the tree as slices: each root's own people, then each top-level branch with everything under it.
function segmentsOf(roots: OrgNode[]): Segment[] {
  return roots.flatMap((root) => [
    { id: root.id, name: root.name, count: root.headcount, tone: ROOT_TONE },
    ...root.children.map((child, index) => ({ id: child.id, name: child.name, count: child.totalHeadcount, tone: PALETTE[index % PALETTE.length] })),
  ]);
}

function ShareBar({ segments, total }: { segments: Segment[]; total: number }) {
  const width = 1000;
  const shown = segments.filter((segment) => segment.count > 0);
  const starts = shown.map((_, index) => shown.slice(0, index).reduce((sum, segment) => sum + (segment.count / total) * width, 0));
  const percent = (count: number) => Math.round((count / total) * 100);
  return (
    <figure className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-full">
        <svg
          viewBox={`0 0 ${width} 24`}
          preserveAspectRatio="none"
          className="block h-6 w-full"
          role="img"
          aria-label={`Where people work: ${shown.map((segment) => `${segment.name} ${segment.count}`).join(", ")}`}
        >
          {shown.map((segment, index) => (
            <rect
              key={segment.id}
              x={starts[index]}
              y={0}
              width={(segment.count / total) * width}
              height={24}
              className={`${segment.tone.fill} stroke-white`}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            >
              <title>{`${segment.name}: ${people(segment.count)} (${percent(segment.count)}%)`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-600">
          {shown.map((segment) => (
            <li key={segment.id}>
              <a href={`#dept-${segment.id}`} className="inline-flex items-center gap-1.5 hover:text-brand-700">
                <span aria-hidden className={`size-2.5 rounded-sm ${segment.tone.swatch}`} />
                <span className="font-medium text-slate-800">{segment.name}</span>
                <span className="tabular-nums">{segment.count}</span>
              </a>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function largestHeadcount(nodes: OrgNode[]): number {
  return nodes.reduce((max, node) => Math.max(max, node.headcount, largestHeadcount(node.children)), 1);
}

export default async function OrgChartPage() {
  const user = await requirePermission("departments:read");
  const tree = await getOrgTree(user);
  const largest = largestHeadcount(tree.roots);
  const levels = tree.departments ? tree.maxDepth + 1 : 0;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Org chart</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="org-summary">
            {tree.departments} {tree.departments === 1 ? "department" : "departments"} · {people(tree.headcount + tree.unassigned)} · {levels}{" "}
            {levels === 1 ? "level" : "levels"}
          </p>
        </div>
        <Link href="/departments" className={buttonClass({ variant: "secondary" })}>
          List of departments
        </Link>
      </div>

      {tree.roots.length === 0 ? (
        <EmptyState
          title="No departments yet"
          testId="org-empty"
          className="rounded-xl border border-slate-200 bg-white"
          action={
            can(user, "departments:write") && (
              <Link href="/departments/new" className={buttonClass()}>
                Create the first department
              </Link>
            )
          }
        >
          The chart draws itself from departments and their heads once HR has set them up.
        </EmptyState>
      ) : (
        <>
          {tree.headcount > 0 && (
            <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="mb-3 text-sm font-semibold text-slate-700">Where people work</h2>
              <ShareBar segments={segmentsOf(tree.roots)} total={tree.headcount} />
            </section>
          )}

          <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <div className="overflow-x-auto bg-[radial-gradient(var(--color-slate-200)_1px,transparent_1px)] [background-size:16px_16px] p-6">
              <ul className="flex w-max flex-col gap-4" aria-label="Organisation chart" data-testid="org-chart">
                {tree.roots.map((root) => (
                  <li key={root.id}>
                    <OrgBranch node={root} tone={ROOT_TONE} largest={largest} />
                  </li>
                ))}
              </ul>
            </div>
            <p className="border-t border-slate-200 px-6 py-3 text-xs text-slate-500">
              Each card is a department with its head; the bar compares its size with the largest department. Open a card for its people.
              {tree.maxDepth >= OPEN_DEPTH && " Deeper levels fold away: use Show to open them."}
              {tree.unassigned > 0 && ` ${people(tree.unassigned)} ${tree.unassigned === 1 ? "is" : "are"} in no department yet.`}
            </p>
          </section>
        </>
      )}
    </div>
  );
}
