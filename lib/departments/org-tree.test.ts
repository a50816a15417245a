import { describe, expect, it } from "vitest";
import { buildOrgTree, selfAndDescendants, type OrgDepartmentRow, type OrgNode } from "./org-tree";

function department(id: string, parentId: string | null, headcount: number, head: OrgDepartmentRow["head"] = null): OrgDepartmentRow {
  return { id, name: id.toUpperCase(), code: id.toUpperCase(), parentId, head, headcount };
}

function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

const ORG = [
  department("exec", null, 1, { id: "ceo", firstName: "Ada", lastName: "Lovelace", jobTitle: "CEO" }),
  department("sales", "exec", 9),
  department("eng", "exec", 10),
  department("platform", "eng", 4),
  department("sre", "platform", 2),
];

describe("buildOrgTree", () => {
  it("nests departments under their parents, sorted by name, with depth", () => {
    const tree = buildOrgTree(ORG);
    expect(tree.roots.map((root) => root.id)).toEqual(["exec"]);
    const exec = tree.roots[0];
    expect(exec.children.map((child) => child.id)).toEqual(["eng", "sales"]);
    expect(exec.children[0].children[0].children[0]).toMatchObject({ id: "sre", depth: 3 });
    expect(tree.maxDepth).toBe(3);
    expect(tree.departments).toBe(5);
  });

  it("counts each department's own people and everyone nested beneath it", () => {
    const tree = buildOrgTree(ORG);
    const byId = new Map(flatten(tree.roots).map((node) => [node.id, node]));
    expect(byId.get("sre")).toMatchObject({ headcount: 2, totalHeadcount: 2 });
    expect(byId.get("platform")).toMatchObject({ headcount: 4, totalHeadcount: 6 });
    expect(byId.get("eng")).toMatchObject({ headcount: 10, totalHeadcount: 16 });
    expect(byId.get("exec")).toMatchObject({ headcount: 1, totalHeadcount: 26 });
    expect(tree.headcount).toBe(26);
  });

  it("gives each head their initials", () => {
    expect(buildOrgTree(ORG).roots[0].head).toMatchObject({ id: "ceo", initials: "AL" });
  });

  it("survives a loop: every department appears once and the loop is cut at its first name", () => {
    const rows = [department("a", "c", 1), department("b", "a", 2), department("c", "b", 3), department("root", null, 5)];
    const tree = buildOrgTree(rows);
    const ids = flatten(tree.roots).map((node) => node.id);
    expect(ids.sort()).toEqual(["a", "b", "c", "root"]);
    const loop = tree.roots.find((root) => root.id === "a")!;
    expect(loop.children[0].id).toBe("b");
    expect(loop.children[0].children[0]).toMatchObject({ id: "c", children: [] });
    expect(loop.totalHeadcount).toBe(6);
    expect(tree.headcount).toBe(11);
  });

  it("treats a department under itself or under a missing parent as a root", () => {
    const tree = buildOrgTree([department("self", "self", 1), department("orphan", "gone", 2)]);
    expect(tree.roots.map((root) => root.id).sort()).toEqual(["orphan", "self"]);
  });

  it("returns an empty chart for no departments", () => {
    expect(buildOrgTree([])).toMatchObject({ roots: [], departments: 0, headcount: 0, maxDepth: 0 });
  });
});

describe("selfAndDescendants", () => {
  it("finds everything nested under a department, and stops on loops", () => {
    expect([...selfAndDescendants(ORG, "eng")].sort()).toEqual(["eng", "platform", "sre"]);
    expect([...selfAndDescendants([department("a", "b", 0), department("b", "a", 0)], "a")].sort()).toEqual(["a", "b"]);
  });
});
