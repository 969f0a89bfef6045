import { z } from "zod";
import { PLAN_KEYS, type PlanKey } from "@/lib/billing/plans";

// The whole environment, parsed once with zod. Local defaults need no configuration;
// production (MINISTAT_ENV=production) refuses to start without real secrets.

const base64Key = z
  .string()
  .refine((s) => Buffer.from(s, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim()));

export type BillingInterval = "monthly" | "yearly";
export const BILLING_INTERVALS: readonly BillingInterval[] = ["monthly", "yearly"];

/** STRIPE_PRICE_10K_MONTHLY, STRIPE_PRICE_1M_YEARLY …: the Stripe price id of a plan. */
export function stripePriceVariable(plan: PlanKey, interval: BillingInterval): string {
  return `STRIPE_PRICE_${plan.toUpperCase()}_${interval.toUpperCase()}`;
}

const priceId = optionalString.refine((id) => id === undefined || /^price_\w+$/.test(id), 'must be a Stripe price id ("price_…")');
const priceIdsSchema = z.object(Object.fromEntries(PLAN_KEYS.flatMap((plan) => BILLING_INTERVALS.map((interval) => [stripePriceVariable(plan, interval), priceId]))));

/** The Stripe price id of every plan and interval (undefined without Stripe). */
export type StripePriceIds = Record<PlanKey, Record<BillingInterval, string | undefined>>;

const schema = z
  .object({
    MINISTAT_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    APP_URL: z.url().optional(),
    DATABASE_URL: z.string().min(1, "must be a postgres:// connection string"),
    DATA_DIR: z.string().default(".data"),
    // Where the analytics (events, visits) live: Postgres (DATABASE_URL), or ClickHouse — a server at
    // CLICKHOUSE_URL, else the embedded engine with its data in <DATA_DIR>/clickhouse.
    ANALYTICS_ENGINE: z.enum(["postgres", "clickhouse"], { error: 'must be "postgres" or "clickhouse"' }).default("postgres"),
    CLICKHOUSE_URL: optionalString.refine(
      (url) => url === undefined || (/^https?:\/\//.test(url) && URL.canParse(url)),
      "must be the http(s):// address of a ClickHouse server, e.g. http://user:password@localhost:8123/ministat",
    ),
    CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a database name: letters, digits and _").default("ministat"),
    CLICKHOUSE_ENGINE_NICE: z.coerce.number().int().min(0).max(19).default(10),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    ENCRYPTION_KEYS: z
      .string()
      .refine(
        (spec) => spec.split(",").every((part) => /^\s*\d+:[A-Za-z0-9+/]+={0,2}\s*$/.test(part) && Buffer.from(part.split(":")[1]!.trim(), "base64").length === 32),
        'must look like "2:<base64>,1:<base64>", each key 32 bytes (openssl rand -base64 32)',
      ),
    BLIND_INDEX_KEY: base64Key,
    MAIL_FROM: z.string().default("MiniStat <hello@ministat.eu>"),
    MAILJET_API_KEY: optionalString,
    MAILJET_API_SECRET: optionalString,
    MAILJET_API_URL: z.url().default("https://api.mailjet.com"),
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    // Support replies by e-mail: outgoing support mail says "Reply-To: support+<reference>.<signature>@MAIL_REPLY_DOMAIN";
    // the domain's inbound mail goes to Mailjet's Parse API, which posts it to /api/mail/inbound?token=MAIL_INBOUND_SECRET.
    MAIL_REPLY_DOMAIN: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, "must be a domain name, e.g. reply.ministat.eu")
      .default("reply.ministat.eu"),
    MAIL_INBOUND_SECRET: optionalString.refine((s) => s === undefined || s.length >= 24, "must be at least 24 characters (openssl rand -hex 24)"),
    SUPPORT_MESSAGES_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
    REPORTS_INTERVAL_SECONDS: z.coerce.number().min(1).max(86_400).default(900),
    ALERTS_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    RECAPTCHA_SITE_KEY: optionalString,
    RECAPTCHA_SECRET_KEY: optionalString,
    RECAPTCHA_VERIFY_URL: z.url().default("https://www.google.com/recaptcha/api/siteverify"),
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_API_URL: z.url().default("https://api.stripe.com"),
    // Stripe Tax on Checkout unless "false".
    STRIPE_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    STRIPE_AUTOMATIC_TAX: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
    CONTACT_EMAIL: z.email().default("ministat@altmails.com"),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    INGEST_SYNC_MS: z.coerce.number().int().min(0).max(10_000).default(100),
    ROLLUP_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(3600).default(5),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
    READ_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
    HEAVY_READS: z.coerce.number().int().min(1).max(100).default(3),
    HEAVY_READS_PER_ACCOUNT: z.coerce.number().int().min(1).max(100).default(2),
    READ_QUEUE_SECONDS: z.coerce.number().min(0.1).max(600).default(10),
    READ_BACKEND_NICE: z.coerce.number().int().min(0).max(19).default(10),
    ROLLUP_BACKEND_NICE: z.coerce.number().int().min(0).max(19).default(10),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.MAILJET_API_KEY) !== Boolean(env.MAILJET_API_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["MAILJET_API_SECRET"], message: "set both MAILJET_API_KEY and MAILJET_API_SECRET, or neither" });
    }
    if (Boolean(env.RECAPTCHA_SITE_KEY) !== Boolean(env.RECAPTCHA_SECRET_KEY)) {
      ctx.addIssue({ code: "custom", path: ["RECAPTCHA_SECRET_KEY"], message: "set both RECAPTCHA_SITE_KEY and RECAPTCHA_SECRET_KEY, or neither" });
    }
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (whsec_…), or neither" });
    }
    if (env.STRIPE_SECRET_KEY && !/^(sk|rk)_(test|live)_/.test(env.STRIPE_SECRET_KEY)) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_SECRET_KEY"], message: 'must be a Stripe secret key ("sk_test_…" or "sk_live_…")' });
    }

    if (env.MINISTAT_ENV === "production") {
      if (!env.APP_URL?.startsWith("https://")) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "must be the public https:// address in production" });
      if (!env.MAILJET_API_KEY) ctx.addIssue({ code: "custom", path: ["MAILJET_API_KEY"], message: "is required in production (no local outbox there)" });
      if (!env.RECAPTCHA_SITE_KEY) ctx.addIssue({ code: "custom", path: ["RECAPTCHA_SITE_KEY"], message: "is required in production" });
    }
  });

export type Env = z.infer<typeof schema> & { STRIPE_PRICES: StripePriceIds };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`MiniStat cannot start; fix these environment variables:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  const prices = priceIdsSchema.safeParse(source);
  const problems = [...(result.error?.issues ?? []), ...(prices.error?.issues ?? [])].map((i) => `${i.path.join(".") || "(env)"} ${i.message}`);
  if (result.success && prices.success && result.data.STRIPE_SECRET_KEY) {
    for (const [name, id] of Object.entries(prices.data)) if (!id) problems.push(`${name} is required when STRIPE_SECRET_KEY is set (the plan's price id in Stripe)`);
  }
  if (!result.success || !prices.success || problems.length > 0) throw new ConfigError(problems);
  const ids = prices.data as Record<string, string | undefined>;
  const STRIPE_PRICES = Object.fromEntries(
    PLAN_KEYS.map((plan) => [plan, Object.fromEntries(BILLING_INTERVALS.map((interval) => [interval, ids[stripePriceVariable(plan, interval)]]))]),
  ) as StripePriceIds;
  return { ...result.data, STRIPE_PRICES };
}

let cached: Env | undefined;

/** The parsed environment of this process (parsed on first use, then cached). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isProduction(): boolean {
  return getEnv().MINISTAT_ENV === "production";
}

/** Public base URL, e.g. for links in e-mails. */
export function getAppUrl(): string {
  const env = getEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
