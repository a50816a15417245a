// The one place that reads process.env. Settings are validated once, at first use; a missing or
// malformed value stops the app with a sentence naming the setting.
import { z } from "zod";

const flag = z.enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""]).transform((value) => ["1", "true", "yes", "on"].includes(value));
const millis = (fallback: number) => z.coerce.number().int().min(50).max(600_000).default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // The NODE_ENV `npm start` was given ("" when none), recorded by scripts/start.mjs before
  // `next start` sets NODE_ENV=production itself; it decides whether this is a production install.
  START_NODE_ENV: z.enum(["development", "production", "test", ""]).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string"),
  SQLITE_PATH: z.string().trim().min(1).default("./data/hrms.db"),
  DEMO_MODE: flag.optional(),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PG_CONNECT_TIMEOUT_MS: millis(1_500),
  PG_STATEMENT_TIMEOUT_MS: millis(1_500),
  PG_LOCK_TIMEOUT_MS: millis(1_000),
  PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(5_000),
  PG_PROBE_INTERVAL_MS: millis(500),
  PG_PROBE_MAX_INTERVAL_MS: millis(2_000),
  PG_HEALTHY_PROBES: z.coerce.number().int().min(1).max(20).default(3),
  MIRROR_INTERVAL_MS: millis(250),
  // Largest size of the SQLite file in MB (0: no limit but the disk's).
  SQLITE_MAX_MB: z.coerce.number().int().min(0).max(1_000_000).default(0),
  // Days of audit history kept in the SQLite copy (older history is read from PostgreSQL; 0 keeps all).
  AUDIT_COPY_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  // Personal access tokens never live longer than this.
  TOKEN_MAX_LIFETIME_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // Admins must use two-factor sign-in (an admin without it enrols at the next sign-in). Default:
  // on, except in demo mode, so the demo accounts sign in with the advertised password alone.
  ADMIN_TWO_FACTOR: flag.optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-For: the client is the
  // entry that many places from the right. 0: the socket's own address (no proxy trusted).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  ADMIN_EMAIL: z.string().trim().toLowerCase().email("must be an email address").optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  // smtp://user:pass@host:587 or smtps://...; unset means in-app notifications only.
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || /^smtps?:\/\//.test(value), "must start with smtp:// or smtps://"),
  SMTP_FROM: z.string().trim().default("HRMS <no-reply@localhost>"),
  APP_URL: z.string().trim().url("must be a URL such as https://hrms.example.com").optional(),
});

export type Env = z.infer<typeof EnvSchema> & { isDemoMode: boolean; isProduction: boolean; isAdminTwoFactorRequired: boolean };

let cached: Env | undefined;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${issue.path.join(".")}: ${issue.message}`);
  }
  // Production as the operator meant it: `next start` alone (no launcher) counts as production.
  const isProduction = (parsed.data.START_NODE_ENV ?? parsed.data.NODE_ENV) === "production";
  // Demo data (and its advertised accounts) is for trying the app out: by default only outside
  // production and without a real database; in production only when DEMO_MODE=1 says so.
  const isDemoMode = parsed.data.DEMO_MODE ?? (!isProduction && !parsed.data.DATABASE_URL);
  if (isProduction && !isDemoMode && !parsed.data.SESSION_SECRET) {
    throw new Error("Invalid setting SESSION_SECRET: required in production (at least 32 random characters) unless DEMO_MODE=1");
  }
  if (Boolean(parsed.data.ADMIN_EMAIL) !== Boolean(parsed.data.ADMIN_PASSWORD)) {
    throw new Error("Invalid setting ADMIN_EMAIL/ADMIN_PASSWORD: set both to create the first admin, or neither");
  }
  return { ...parsed.data, isDemoMode, isProduction, isAdminTwoFactorRequired: parsed.data.ADMIN_TWO_FACTOR ?? !isDemoMode };
}

export function env(): Env {
  cached ??= readEnv();
  return cached;
}
