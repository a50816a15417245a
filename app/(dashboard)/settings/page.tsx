import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/current-user";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { CreateTokenForm, TokenList, type TokenView } from "./api-tokens";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Settings" };

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// A server component renders once per request, so reading the clock here is stable.
function renderedAt(): number {
  return Date.now();
}

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{description}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser();
  const canManageTokens = can(user, "tokens:manage-own");
  const now = renderedAt();
  const tokens: TokenView[] = canManageTokens
    ? (await listApiTokens(user.id)).map((token) => ({
        id: token.id,
        name: token.name,
        prefix: token.prefix,
        createdAt: DATE.format(token.createdAt),
        lastUsedAt: token.lastUsedAt ? `${DATE_TIME.format(token.lastUsedAt)} UTC` : null,
        expiresAt: token.expiresAt ? DATE.format(token.expiresAt) : null,
        isExpired: Boolean(token.expiresAt && token.expiresAt.getTime() < now),
      }))
    : [];

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{user.email}</span> ({ROLE_LABELS[user.role]}).
        </p>
      </div>

      <p className="text-sm">
        <a href="/settings/security" className="font-medium text-brand-700 hover:underline">
          Sessions and two-factor sign-in →
        </a>
      </p>

      <Section title="Change password" description="Changing it signs you out everywhere else and revokes your personal access tokens, unless you keep them.">
        <ChangePasswordForm />
      </Section>

      {canManageTokens && (
        <Section
          title="Personal access tokens"
          description="Tokens let programs use the JSON API (/api/v1) as you, with your permissions: send one as “Authorization: Bearer <token>”."
        >
          <div className="flex flex-col gap-6">
            <CreateTokenForm />
            <TokenList tokens={tokens} />
          </div>
        </Section>
      )}
    </div>
  );
}
