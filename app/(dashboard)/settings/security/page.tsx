import type { Metadata } from "next";
import { DisableTwoFactorForm } from "@/components/security/disable-two-factor-form";
import { EnrolTwoFactorForm } from "@/components/security/enrol-two-factor-form";
import { SessionList, type SessionView } from "@/components/security/session-list";
import { requireUser } from "@/lib/auth/current-user";
import { describeDevice } from "@/lib/auth/describe-device";
import { listActiveSessions } from "@/lib/auth/sessions";
import { countUnusedRecoveryCodes, newEnrolment } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { enableTwoFactorAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Security" };

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SecurityPage() {
  const user = await requireUser();
  const sessions: SessionView[] = (await listActiveSessions(user.id)).map((session) => ({
    id: session.id,
    device: describeDevice(session.userAgent),
    address: session.address,
    lastSeen: `${DATE_TIME.format(session.lastSeenAt)} UTC`,
    started: `${DATE_TIME.format(session.createdAt)} UTC`,
    isCurrent: session.id === user.sessionId,
  }));

  const { totpEnabledAt } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  const enrolment = totpEnabledAt ? null : await newEnrolment(user.email);
  const recoveryCodesLeft = totpEnabledAt ? await countUnusedRecoveryCodes(user.id) : 0;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="mt-1 text-sm text-slate-600">Where you are signed in, and two-factor sign-in.</p>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="two-factor">
        <h2 className="text-base font-semibold">Two-factor sign-in</h2>
        {enrolment ? (
          <>
            <p className="mt-1 mb-4 text-sm text-slate-600">Off. Turn it on so a stolen password alone cannot sign in as you.</p>
            <EnrolTwoFactorForm action={enableTwoFactorAction} secret={enrolment.secret} qrDataUrl={enrolment.qrDataUrl} askPassword />
          </>
        ) : (
          <>
            <p className="mt-1 mb-4 text-sm text-slate-600" data-testid="two-factor-on">
              On since {DATE_TIME.format(totpEnabledAt!)} UTC. {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left.
            </p>
            <DisableTwoFactorForm />
          </>
        )}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-base font-semibold">Active sessions</h2>
        <p className="mt-1 text-sm text-slate-600">Every browser signed in as you. End any you do not recognise, then change your password.</p>
        <div className="mt-4 flex flex-col gap-4">
          <SessionList sessions={sessions} />
          <form action={signOutEverywhereAction}>
            <button type="submit" className="h-10 rounded-md px-4 text-sm font-semibold text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50">
              Sign out everywhere
            </button>
          </form>
        </div>
      </section>
    </div>
  );
}
