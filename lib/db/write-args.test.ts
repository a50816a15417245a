import { describe, expect, it } from "vitest";
import { prepareWriteArgs } from "./write-args";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("prepareWriteArgs", () => {
  it("gives a create its id before the first attempt, and keeps one that is given", () => {
    const prepared = prepareWriteArgs("create", { data: { name: "Sales" } }) as { data: { id: string } };
    expect(prepared.data.id).toMatch(UUID_V7);
    expect(prepareWriteArgs("create", { data: { id: "fixed", name: "Sales" } })).toEqual({ data: { id: "fixed", name: "Sales" } });
  });

  it("gives every row of a createMany its own id", () => {
    const prepared = prepareWriteArgs("createMany", { data: [{ code: "A" }, { code: "B" }] }) as { data: { id: string }[] };
    expect(prepared.data[0].id).toMatch(UUID_V7);
    expect(prepared.data[1].id).toMatch(UUID_V7);
    expect(prepared.data[0].id).not.toBe(prepared.data[1].id);
  });

  it("bumps the version of an update unless the caller sets it", () => {
    expect(prepareWriteArgs("update", { where: { id: "x", version: 3 }, data: { name: "New" } })).toEqual({
      where: { id: "x", version: 3 },
      data: { name: "New", version: { increment: 1 } },
    });
    expect(prepareWriteArgs("updateMany", { where: {}, data: { version: 9 } })).toEqual({ where: {}, data: { version: 9 } });
  });

  it("prepares an upsert's create and update halves", () => {
    const prepared = prepareWriteArgs("upsert", { where: { code: "A" }, create: { code: "A" }, update: { name: "A" } }) as {
      create: { id: string };
      update: unknown;
    };
    expect(prepared.create.id).toMatch(UUID_V7);
    expect(prepared.update).toEqual({ name: "A", version: { increment: 1 } });
  });

  it("reaches nested creates and updates through relation fields", () => {
    const prepared = prepareWriteArgs("update", {
      where: { id: "d1" },
      data: {
        employees: { create: [{ firstName: "Ada" }], update: { where: { id: "e1" }, data: { jobTitle: "Lead" } } },
        head: { connect: { id: "e2" } },
      },
    }) as { data: { employees: { create: { id: string }[]; update: { data: unknown } }; head: unknown; version: unknown } };
    expect(prepared.data.version).toEqual({ increment: 1 });
    expect(prepared.data.employees.create[0].id).toMatch(UUID_V7);
    expect(prepared.data.employees.update.data).toEqual({ jobTitle: "Lead", version: { increment: 1 } });
    expect(prepared.data.head).toEqual({ connect: { id: "e2" } });
  });

  it("leaves reads and deletes alone", () => {
    const args = { where: { id: "x" } };
    expect(prepareWriteArgs("delete", args)).toBe(args);
    expect(prepareWriteArgs("deleteMany", args)).toBe(args);
  });
});
