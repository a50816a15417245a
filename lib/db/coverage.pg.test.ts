// Integration (real PostgreSQL + real SQLite): every model of the schema is covered by the failover
// machinery: routed by the door, captured into the outbox by SQLite triggers, and fed to the
// mirror by a PostgreSQL trigger. A model added later fails this test until it is covered.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSqliteFile, startDataLayer, startOnPrimary, startRig, type Rig } from "@/test/failover/support";
import { MODEL_KEYS, type DataLayer } from "./data-layer";
import { Prisma } from "./generated/postgres/client.ts";

const MODELS = Object.values(Prisma.ModelName);
let rig: Rig;
let layer: DataLayer;
let sqlitePath: string;

beforeAll(async () => {
  rig = await startRig();
  sqlitePath = await newSqliteFile("coverage");
  layer = startDataLayer(rig.url, sqlitePath);
  await startOnPrimary(layer);
});

afterAll(async () => {
  await layer?.close();
  await rig?.destroy();
});

describe("failover coverage of every model", () => {
  it("knows the schema's models", () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(2);
    expect(MODEL_KEYS.map((key) => key.toLowerCase()).sort()).toEqual(MODELS.map((model) => model.toLowerCase()).sort());
    for (const key of MODEL_KEYS) expect(typeof (layer.db as Record<string, { findMany?: unknown }>)[key].findMany).toBe("function");
  });

  it.each(MODELS)("%s has insert, update and delete capture triggers in SQLite", (model) => {
    const sqlite = new Database(sqlitePath, { readonly: true });
    try {
      const triggers = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .all(model)
        .map((row) => (row as { name: string }).name)
        .sort();
      expect(triggers).toEqual([`_hrms_capture_${model}_delete`, `_hrms_capture_${model}_insert`, `_hrms_capture_${model}_update`]);
    } finally {
      sqlite.close();
    }
  });

  it.each(MODELS)("%s feeds the change log that the mirror reads in PostgreSQL", async (model) => {
    const client = new pg.Client({ connectionString: rig.cluster.url });
    client.on("error", () => {}); // a lost connection fails the next query instead of throwing
    await client.connect();
    try {
      const { rows } = await client.query("SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal", [`"${model}"`]);
      expect(rows.map((row) => row.tgname)).toContain("_hrms_capture");
    } finally {
      await client.end();
    }
  });
});
