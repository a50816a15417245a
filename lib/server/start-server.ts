import { closeDatabase, startDatabase } from "@/lib/db";
import { startLeavingSweeper } from "@/lib/employees/leaving-sweeper";
import { startEmailSender } from "@/lib/notifications/email";
import { log } from "@/lib/log";
import { installProcessHandlers } from "./process-handlers";

// Server start-up in the Node.js runtime: bring the data layer up (mode, mirror, probes) before
// the first request rather than during it, and close it cleanly on SIGTERM.
export async function startServer(): Promise<void> {
  installProcessHandlers();
  try {
    await startDatabase();
  } catch (error) {
    // The app still starts: pages explain that the service is degraded and /api/health says why.
    log.error("database start-up failed", { event: "boot", error: error instanceof Error ? error.message : String(error) });
  }
  startEmailSender();
  startLeavingSweeper();
  // Next closes the HTTP server (finishing requests in flight) and exits; meanwhile stop the
  // background work, let a replay step in progress finish, and close the pools. A replay cut short
  // is safe anyway: each queued write is applied with its operation id, once.
  process.once("SIGTERM", () => {
    log.info("SIGTERM: closing the data layer", { event: "shutdown" });
    void closeDatabase();
  });
}
