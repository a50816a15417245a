import "server-only";
import { log } from "@/lib/log";
import { carryOutDueLeavings } from "./offboarding";

const EVERY_MS = 60 * 60_000;

// Carries out leavings whose exit date has come: once at start and then hourly. Sign-in is refused
// from the exit date whether or not this has run yet (lib/auth/leaver.ts); this moves what the
// leaver held and tells HR.
export function startLeavingSweeper(): void {
  const sweep = () =>
    carryOutDueLeavings().then(
      (count) => count && log.info("leavings carried out", { event: "offboarding", count }),
      (error: unknown) => log.warn("leaving sweep failed", { event: "offboarding", error: error instanceof Error ? error.message : String(error) }),
    );
  void sweep();
  setInterval(sweep, EVERY_MS).unref();
}
