import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/current-user";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { CreateTokenForm, TokenList, type TokenView } from "./api-tokens";
import { ChangePasswordForm } from "./change-password-form";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Settings" };

// A server component renders once per request, so reading the clock here is stable.
function renderedAt(): number {
  return Date.now();
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
        createdAt: formatDate(token.createdAt),
        lastUsedAt: token.lastUsedAt ? `${formatDateTime(token.lastUsedAt)} UTC` : null,
        expiresAt: token.expiresAt ? formatDate(token.expiresAt) : null,
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
        <TextLink href="/settings/security">Sessions and two-factor sign-in →</TextLink>
      </p>

      <Card title="Change password" description="Changing it signs you out everywhere else and revokes your personal access tokens, unless you keep them.">
        <ChangePasswordForm />
      </Card>

      {canManageTokens && (
        <Card
          title="Personal access tokens"
          description="Tokens let programs use the JSON API (/api/v1) as you, with your permissions: send one as “Authorization: Bearer <token>”."
        >
          <div className="flex flex-col gap-6">
            <CreateTokenForm />
            <TokenList tokens={tokens} />
          </div>
        </Card>
      )}
    </div>
  );
}
