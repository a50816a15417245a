import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/security/auth-card";
import { EnrolTwoFactorForm } from "@/components/security/enrol-two-factor-form";
import { PENDING_COOKIE, readPendingToken } from "@/lib/auth/session-token";
import { newEnrolment } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { safeNextPath } from "@/lib/validations/auth";
import { enrolAtSignInAction, finishEnrolmentAction } from "../two-factor/actions";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };
export const dynamic = "force-dynamic";

// Admins must use two-factor sign-in; one without it enrols here, before the session opens.
export default async function EnrolAtSignInPage({ searchParams }: PageProps<"/sign-in/enrol">) {
  const pending = await readPendingToken((await cookies()).get(PENDING_COOKIE)?.value);
  if (pending?.purpose !== "enrol") redirect("/sign-in");
  const user = await db.user.findUnique({ where: { id: pending.userId }, select: { email: true } });
  if (!user) redirect("/sign-in");
  const enrolment = await newEnrolment(user.email);
  return (
    <AuthCard title="Set up two-factor sign-in">
      <p className="mb-4 text-sm text-slate-600">Admin accounts need a second step at sign-in: a code from an app on your phone. Set it up now to continue.</p>
      <EnrolTwoFactorForm
        action={enrolAtSignInAction}
        secret={enrolment.secret}
        qrDataUrl={enrolment.qrDataUrl}
        askPassword={false}
        next={safeNextPath((await searchParams).next)}
        finish={finishEnrolmentAction}
      />
    </AuthCard>
  );
}
