// npm test: typecheck, lint, unit + integration (Vitest, real PostgreSQL and SQLite), then the
// production build and end-to-end tests (Playwright in Debian's Chromium). Stops at the first
// failing step and ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function fail(reason) {
  console.error(`npm test cannot run: ${reason}`);
  process.exit(1);
}

function findPostgresBinaries() {
  if (process.env.PG_BIN) return existsSync(`${process.env.PG_BIN}/initdb`);
  const probe = spawnSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin 2>/dev/null"], { encoding: "utf8" });
  return probe.stdout.split("\n").some((dir) => dir && existsSync(`${dir}/initdb`) && existsSync(`${dir}/postgres`));
}

if (!findPostgresBinaries()) fail("PostgreSQL server binaries (initdb, postgres) are missing: apt-get install -y postgresql, or set PG_BIN.");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) fail(`Chromium is missing at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH.`);

const results = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args) {
  const started = Date.now();
  console.log(`\n── ${title}: ${command} ${args.join(" ")}`);
  const child = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.status !== 0) {
    console.error(`── ${title} failed after ${seconds}s`);
    return false;
  }
  console.log(`── ${title} passed in ${seconds}s`);
  return true;
}

function count(file, pick) {
  if (!existsSync(file)) return;
  const counts = pick(JSON.parse(readFileSync(file, "utf8")));
  results.passed += counts.passed;
  results.failed += counts.failed;
  results.skipped += counts.skipped;
}

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

const steps = [
  ["schema check", "node", ["scripts/db/generate.mjs", "--check"]],
  // Route types (PageProps<"/employees"> and friends) come from Next's type generation.
  ["route types", "npx", ["next", "typegen"]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "."]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["unit + integration", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]],
  ["production build", "npx", ["next", "build"]],
  ["end-to-end", "npx", ["playwright", "test"]],
];

let ok = true;
for (const [title, command, args] of steps) {
  if (!run(title, command, args)) {
    ok = false;
    if (title !== "unit + integration" && title !== "end-to-end") results.failed += 1;
    break;
  }
}

count("test-results/vitest.json", (report) => ({
  passed: report.numPassedTests ?? 0,
  failed: report.numFailedTests ?? 0,
  skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
}));
count("test-results/playwright.json", (report) => ({
  passed: (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0),
  failed: report.stats?.unexpected ?? 0,
  skipped: report.stats?.skipped ?? 0,
}));
if (!ok && results.failed === 0) results.failed = 1;

console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(ok && results.failed === 0 ? 0 : 1);
