import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/security/auth-card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { safeNextPath } from "@/lib/validations/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  const isDemo = env().isDemoMode;
  return (
    <AuthCard
      title="Sign in"
      isNarrow
      after={
        isDemo && (
          <div className="mt-4 rounded-lg bg-slate-100 p-4 text-xs text-slate-600" data-testid="demo-accounts">
            <p className="font-medium text-slate-700">
              Demo accounts (password <code>demo-password</code>)
            </p>
            <p className="mt-1">admin@example.com · hr@example.com · manager@example.com · employee@example.com</p>
          </div>
        )
      }
    >
      <SignInForm next={next} />
    </AuthCard>
  );
}
