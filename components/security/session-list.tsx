"use client";

import { useActionState } from "react";
import { endSessionAction } from "@/app/(dashboard)/settings/security/actions";
import { SubmitButton } from "@/components/ui/button";
import { DataTable, TBody, THead } from "@/components/ui/table";

export type SessionView = { id: string; device: string; address: string | null; lastSeen: string; started: string; isCurrent: boolean };

function EndButton({ session }: { session: SessionView }) {
  const [state, action, isPending] = useActionState(endSessionAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="sessionId" value={session.id} />
      <SubmitButton isPending={isPending} pendingLabel="Ending…" variant="danger-outline" size="sm">
        {session.isCurrent ? "Sign out" : "End"}
      </SubmitButton>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function SessionList({ sessions }: { sessions: SessionView[] }) {
  return (
    <DataTable data-testid="session-list">
      <THead variant="plain" columns={["Device", "Address", "Last seen", "Signed in", { label: "Actions", isLabelHidden: true }]} />
      <TBody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td className="py-2 pr-4">
              {session.device}
              {session.isCurrent && <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">this browser</span>}
            </td>
            <td className="py-2 pr-4 text-slate-600">{session.address ?? "unknown"}</td>
            <td className="py-2 pr-4 text-slate-600">{session.lastSeen}</td>
            <td className="py-2 pr-4 text-slate-600">{session.started}</td>
            <td className="py-2 text-right">
              <EndButton session={session} />
            </td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
