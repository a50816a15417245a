import { describe, expect, it } from "vitest";
import { toSqliteArgs } from "./sqlite-args";

describe("toSqliteArgs", () => {
  it("drops PostgreSQL's case-insensitive mode at any depth and keeps everything else", () => {
    const date = new Date("2024-02-29T00:00:00Z");
    const args = {
      where: { AND: [{ OR: [{ firstName: { contains: "ada", mode: "insensitive" } }] }], hireDate: { gte: date } },
      take: 10,
    };
    expect(toSqliteArgs(args)).toEqual({ where: { AND: [{ OR: [{ firstName: { contains: "ada" } }] }], hireDate: { gte: date } }, take: 10 });
    expect(toSqliteArgs(args).where.hireDate.gte).toBeInstanceOf(Date);
  });

  it("keeps a column that happens to be called mode when its value is not a Prisma query mode", () => {
    expect(toSqliteArgs({ data: { mode: "remote" } })).toEqual({ data: { mode: "remote" } });
  });
});
