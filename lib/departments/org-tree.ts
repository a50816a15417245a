import "server-only";
import { can, type Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";

export type OrgPerson = { id: string; firstName: string; lastName: string; jobTitle: string };

export type OrgDepartmentRow = {
  id: string;
  name: string;
  code: string;
  parentId: string | null;
  head: OrgPerson | null;
  headcount: number;
};

export type OrgNode = {
  id: string;
  name: string;
  code: string;
  head: (OrgPerson & { initials: string }) | null;
  // People in this department itself, and in it together with everything nested under it.
  headcount: number;
  totalHeadcount: number;
  depth: number;
  children: OrgNode[];
};

export type OrgTree = {
  roots: OrgNode[];
  departments: number;
  headcount: number;
  maxDepth: number;
  // Employees (not terminated) in no department at all; only filled by getOrgTree.
  unassigned: number;
};

export function initials(person: { firstName: string; lastName: string }): string {
  return `${person.firstName.trim().charAt(0)}${person.lastName.trim().charAt(0)}`.toUpperCase() || "?";
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

// The department tree: roots are departments without a parent. The database should never hold a
// loop or a parent that is gone, but a chart that hides departments when it does would mislead, so
// a department whose parent is missing becomes a root, and a loop is cut at its first department
// by name. Every department appears exactly once.
export function buildOrgTree(rows: OrgDepartmentRow[]): OrgTree {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const childrenOf = new Map<string, OrgDepartmentRow[]>();
  const roots: OrgDepartmentRow[] = [];
  for (const row of rows) {
    const hasParent = row.parentId !== null && row.parentId !== row.id && byId.has(row.parentId);
    if (!hasParent) {
      roots.push(row);
      continue;
    }
    const siblings = childrenOf.get(row.parentId!) ?? [];
    siblings.push(row);
    childrenOf.set(row.parentId!, siblings);
  }

  const placed = new Set<string>();
  let maxDepth = 0;
  // Iterative, so an absurdly deep tree cannot overflow the stack.
  function grow(root: OrgDepartmentRow): OrgNode {
    const rootNode = toNode(root, 0);
    placed.add(root.id);
    const stack: OrgNode[] = [rootNode];
    const order: OrgNode[] = [];
    while (stack.length) {
      const node = stack.pop()!;
      order.push(node);
      maxDepth = Math.max(maxDepth, node.depth);
      for (const child of [...(childrenOf.get(node.id) ?? [])].sort(byName)) {
        if (placed.has(child.id)) continue;
        placed.add(child.id);
        const childNode = toNode(child, node.depth + 1);
        node.children.push(childNode);
        stack.push(childNode);
      }
    }
    // Children come after their parent in `order`, so walking it backwards sums bottom-up.
    for (const node of order.reverse()) node.totalHeadcount = node.headcount + node.children.reduce((sum, child) => sum + child.totalHeadcount, 0);
    return rootNode;
  }

  const trees = roots.sort(byName).map(grow);
  for (const row of [...rows].sort(byName)) if (!placed.has(row.id)) trees.push(grow(row));

  return {
    roots: trees,
    departments: rows.length,
    headcount: trees.reduce((sum, tree) => sum + tree.totalHeadcount, 0),
    maxDepth,
    unassigned: 0,
  };
}

function toNode(row: OrgDepartmentRow, depth: number): OrgNode {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    head: row.head ? { ...row.head, initials: initials(row.head) } : null,
    headcount: row.headcount,
    totalHeadcount: row.headcount,
    depth,
    children: [],
  };
}

// The department itself and everything nested under it, however deep; safe on loops.
export function selfAndDescendants(rows: { id: string; parentId: string | null }[], id: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const row of rows) if (row.parentId !== null) childrenOf.set(row.parentId, [...(childrenOf.get(row.parentId) ?? []), row.id]);
  const result = new Set([id]);
  const stack = [id];
  while (stack.length) {
    for (const childId of childrenOf.get(stack.pop()!) ?? []) {
      if (result.has(childId)) continue;
      result.add(childId);
      stack.push(childId);
    }
  }
  return result;
}

const NOT_TERMINATED = { status: { not: "TERMINATED" as const } };

// The org chart for anyone who may see departments: department names, heads and headcounts are
// organisation-wide facts, unlike individual records, which stay within each user's scope.
export async function getOrgTree(user: Principal): Promise<OrgTree> {
  if (!can(user, "departments:read")) throw forbidden();
  const [departments, unassigned] = await Promise.all([
    db.department.findMany({
      select: {
        id: true,
        name: true,
        code: true,
        parentId: true,
        head: { select: { id: true, firstName: true, lastName: true, jobTitle: true } },
        _count: { select: { employees: { where: NOT_TERMINATED } } },
      },
    }),
    db.employee.count({ where: { ...NOT_TERMINATED, departmentId: null } }),
  ]);
  const tree = buildOrgTree(departments.map(({ _count, ...department }) => ({ ...department, headcount: _count.employees })));
  return { ...tree, unassigned };
}
