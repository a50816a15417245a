import { NextResponse } from "next/server";
import { dbStatus } from "@/lib/db";

export const dynamic = "force-dynamic";

// GET /api/health - liveness and database mode for load balancers and the status page; no auth,
// answered from in-memory state so a hung database cannot hang it.
export async function GET() {
  let status: Awaited<ReturnType<typeof dbStatus>>;
  try {
    status = await dbStatus();
  } catch (error) {
    // An unusable database (say, an unmigrated file) is an answer, not a crash.
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return NextResponse.json(
      { status: "down", database: { mode: "down", active: null, reason } },
      { status: 503, headers: { "cache-control": "no-store", "x-db-backend": "none" } },
    );
  }
  const overall = status.mode === "down" ? "down" : status.mode === "fallback" || status.mode === "recovering" ? "degraded" : "ok";
  return NextResponse.json(
    {
      status: overall,
      database: {
        mode: status.mode,
        active: status.active,
        since: status.since,
        queue: status.queue,
        replicaLagMs: status.replicaLagMs,
        conflicts: status.conflicts,
      },
    },
    {
      status: overall === "down" ? 503 : 200,
      headers: { "cache-control": "no-store", "x-db-backend": status.active ?? "none" },
    },
  );
}
