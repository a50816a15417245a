import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (Playwright's own browser download cannot work on
// these machines) against the production build served by `npm start` on a throwaway SQLite file.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  // Playwright empties its output folder at start; keep it apart from the Vitest report.
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Route handlers refuse cookie-authenticated changes without a same-origin Origin, which
    // browsers send and Playwright's API requests (the specs' fixtures) do not.
    extraHTTPHeaders: { origin: `http://127.0.0.1:${PORT}` },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "e2e", dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm start",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: "",
      SQLITE_PATH: "./data/e2e.db",
      DEMO_MODE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
