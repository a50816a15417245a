import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { composeSchema, findSchemaDrift, readSchemas } from "./schema-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

describe("the two Prisma schemas", () => {
  it("are both composed from prisma/models.prisma and share identical models", () => {
    const schemas = readSchemas(root);
    expect(schemas.postgres).toBe(composeSchema("postgres", schemas.models));
    expect(schemas.sqlite).toBe(composeSchema("sqlite", schemas.models));
    expect(findSchemaDrift(schemas.postgres, schemas.sqlite)).toBeNull();
  });

  it("report drift when one copy changes a model, naming the line", () => {
    const { postgres, sqlite } = readSchemas(root);
    const drifted = sqlite.replace("phone          String?", "phone          String");
    expect(drifted).not.toBe(sqlite);
    expect(findSchemaDrift(postgres, drifted)).toMatch(/differ at model line \d+: postgres has "phone String\?", sqlite has "phone String"/);
  });

  it("ignore differences in the datasource and generator blocks", () => {
    const { postgres, sqlite } = readSchemas(root);
    expect(postgres).not.toBe(sqlite);
    expect(findSchemaDrift(postgres, sqlite)).toBeNull();
  });
});
