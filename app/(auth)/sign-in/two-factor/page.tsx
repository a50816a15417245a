import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/security/auth-card";
import { VerifyCodeForm } from "@/components/security/verify-code-form";
import { PENDING_COOKIE, readPendingToken } from "@/lib/auth/session-token";
import { safeNextPath } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Two-factor sign-in" };
export const dynamic = "force-dynamic";

export default async function TwoFactorPage({ searchParams }: PageProps<"/sign-in/two-factor">) {
  const pending = await readPendingToken((await cookies()).get(PENDING_COOKIE)?.value);
  if (pending?.purpose !== "verify") redirect("/sign-in");
  return (
    <AuthCard title="Two-factor sign-in">
      <VerifyCodeForm next={safeNextPath((await searchParams).next)} />
    </AuthCard>
  );
}
