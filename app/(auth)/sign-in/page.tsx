import type { Metadata } from "next";
import { redirect } from "next/navigation";
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
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span className="grid size-9 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">HR</span>
          <span className="text-lg font-semibold tracking-tight">HRMS</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <SignInForm next={next} />
        </div>
        {isDemo && (
          <div className="mt-4 rounded-lg bg-slate-100 p-4 text-xs text-slate-600" data-testid="demo-accounts">
            <p className="font-medium text-slate-700">
              Demo accounts (password <code>demo-password</code>)
            </p>
            <p className="mt-1">admin@example.com · hr@example.com · manager@example.com · employee@example.com</p>
          </div>
        )}
      </div>
    </div>
  );
}
