import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { claimFile, SqliteFileInUseError } from "./file-owner";

// Another process holds the claim until told to let go (its stdin closes).
function holdInChild(file: string): Promise<{ stop: () => Promise<void> }> {
  const script = `
    const Database = require("better-sqlite3");
    const fs = require("node:fs");
    const lock = new Database(${JSON.stringify(`${file}-owner`)}, { timeout: 0 });
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("CREATE TABLE IF NOT EXISTS claim (k INTEGER PRIMARY KEY); INSERT OR REPLACE INTO claim (k) VALUES (1);");
    fs.writeFileSync(${JSON.stringify(`${file}-owner.json`)}, JSON.stringify({ role: "the app server", pid: process.pid, host: "test", since: "now" }));
    console.log("held");
    process.stdin.resume();
    process.stdin.on("end", () => process.exit(0));
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", () =>
      resolve({
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.stdin!.end();
          }),
      }),
    );
  });
}

describe("one SQLite file, one writing process", () => {
  it("[DB]: a second process gets a sentence naming the file and who holds it; the file is free once that process ends", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "hrms-owner-")), "hrms.db");
    const holder = await holdInChild(file);
    let refusal: unknown;
    try {
      claimFile(file, "a migration");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SqliteFileInUseError);
    expect((refusal as Error).message).toContain(file);
    expect((refusal as Error).message).toMatch(/in use by the app server \(pid \d+ on test/);
    await holder.stop();
    const claim = claimFile(file, "a migration");
    claim.release();
  });

  it("[DB]: a first start creates the database's folder", () => {
    const file = join(mkdtempSync(join(tmpdir(), "hrms-owner-")), "not-yet", "hrms.db");
    claimFile(file, "npm start").release();
  });

  it("[DB]: claims by one process nest and the last release frees the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "hrms-owner-")), "hrms.db");
    const outer = claimFile(file, "npm start");
    const inner = claimFile(file, "the data layer");
    inner.release();
    outer.release();
    claimFile(file, "again").release();
  });
});
