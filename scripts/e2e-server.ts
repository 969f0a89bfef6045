// The Playwright webServer: a throw-away MiniStat for end-to-end tests.
//   npx tsx scripts/e2e-server.ts
// Starts the fake Mailjet on 127.0.0.1:3901 (the specs read sign-in links from it) and the
// fake Stripe on :3903 (its Checkout and portal pages; it signs and delivers webhooks to the
// app), then
// MiniStat itself on :3100 with a fresh embedded Postgres under .data/e2e (deleted first, so
// every run starts from an empty database). No reCAPTCHA keys: the browser cannot load
// Google's script here; the captcha is covered by integration tests against a fake.
import { rmSync } from "node:fs";
import path from "node:path";
import { assertLocalDatabase } from "@/e2e/support/assert-local-database";
import { stopLeftoverServer } from "@/lib/db/embedded-postgres";
import { E2E_APP_PORT, E2E_DATA_DIR, E2E_MAIL_INBOUND_SECRET, E2E_MAILJET_PORT, E2E_PG_PORT, E2E_STRIPE_PORT } from "@/e2e/support/e2e-env";
import { startFakeMailjet, type FakeMailjet } from "@/tests/fakes/fake-mailjet";
import { startFakeStripe } from "@/tests/fakes/fake-stripe";
import { fakeStripePrices, stripeTestEnv, TEST_STRIPE_SECRET_KEY, TEST_STRIPE_WEBHOOK_SECRET } from "@/tests/support/stripe-test-env";

const MAILJET_KEY = "e2e-fake-mailjet-key";
const MAILJET_SECRET = "e2e-fake-mailjet-secret";

const log = (line: string) => console.log(`[e2e-server] ${line}`);

async function main(): Promise<void> {
  assertLocalDatabase();
  // An earlier run killed hard may have left its Postgres running on the directory we are
  // about to delete (and holding its port): stop it first.
  await stopLeftoverServer(path.resolve(E2E_DATA_DIR, "pg"), log);
  rmSync(path.resolve(E2E_DATA_DIR), { recursive: true, force: true });
  log(`fresh data directory ${E2E_DATA_DIR}`);

  const mailjet = await startFakeMailjet({ port: E2E_MAILJET_PORT, apiKey: MAILJET_KEY, apiSecret: MAILJET_SECRET }).catch((error: unknown) => {
    throw new Error(`could not start the fake Mailjet on port ${E2E_MAILJET_PORT} (is an earlier e2e server still running?): ${String(error)}`);
  });
  log(`fake Mailjet on ${mailjet.url}`);
  const stripe = await startFakeStripe({
    port: E2E_STRIPE_PORT,
    secretKey: TEST_STRIPE_SECRET_KEY,
    webhookSecret: TEST_STRIPE_WEBHOOK_SECRET,
    webhookUrl: `http://localhost:${E2E_APP_PORT}/api/stripe/webhook`,
    prices: fakeStripePrices(),
  }).catch((error: unknown) => {
    throw new Error(`could not start the fake Stripe on port ${E2E_STRIPE_PORT} (is an earlier e2e server still running?): ${String(error)}`);
  });
  log(`fake Stripe on ${stripe.url}`);

  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV = "production";
  env.MINISTAT_ENV = "development"; // local secrets are generated into DATA_DIR
  env.DATA_DIR = E2E_DATA_DIR;
  env.EMBEDDED_PG_PORT = String(E2E_PG_PORT);
  env.PORT = String(E2E_APP_PORT);
  env.APP_URL = `http://localhost:${E2E_APP_PORT}`; // links in e-mails point at this instance
  env.MAILJET_API_KEY = MAILJET_KEY;
  env.MAILJET_API_SECRET = MAILJET_SECRET;
  env.MAILJET_API_URL = mailjet.url;
  env.MAIL_RETRY_DELAY_SECONDS = "1";
  Object.assign(env, stripeTestEnv(stripe.url), { STRIPE_RETRY_DELAY_SECONDS: "1" });
  env.ROLLUP_INTERVAL_SECONDS = "1"; // the dashboard catches up with a visit within a second
  env.ALERTS_INTERVAL_SECONDS = "2"; // traffic alerts fire within seconds of a spike
  // One browser from one IP runs the whole suite: keep the per-IP form limit out of the way.
  env.RATE_LIMIT_PER_MINUTE ??= "1000";
  env.SUPPORT_MESSAGES_PER_HOUR ??= "1000"; // the same for support messages (per hour, and a reused server keeps counting)
  // Customers' e-mailed replies: specs post Mailjet Parse API payloads to /api/mail/inbound with it.
  env.MAIL_INBOUND_SECRET = E2E_MAIL_INBOUND_SECRET;
  for (const name of ["RECAPTCHA_SITE_KEY", "RECAPTCHA_SECRET_KEY", "AUTH_SECRET", "ENCRYPTION_KEYS", "BLIND_INDEX_KEY"]) delete env[name];

  let app: { close: () => Promise<void> } | undefined;
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping MiniStat, Postgres and the fake Mailjet …`);
    const force = setTimeout(() => process.exit(code || 1), 25_000);
    force.unref();
    try {
      await app?.close();
    } catch (error) {
      console.error(`[e2e-server] stopping MiniStat failed: ${String(error)}`);
    }
    await closeQuietly(mailjet);
    await closeQuietly(stripe);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));

  // Imported only now: the app's modules read the environment set above.
  const { boot, describeBootError } = await import("@/lib/server/boot");
  try {
    app = await boot({ dev: false, log: (line) => log(line) });
    const { watchForStalls } = await import("@/e2e/support/stall-watch");
    const { getEnv } = await import("@/lib/config/env");
    watchForStalls(getEnv().DATABASE_URL, log);
  } catch (error) {
    console.error(`[e2e-server] ${describeBootError(error)}`);
    await stop("boot failed", 1);
    return;
  }
  if (stopping) await app.close(); // a signal arrived while booting
}

async function closeQuietly(fake: Pick<FakeMailjet, "close">): Promise<void> {
  try {
    await fake.close();
  } catch {
    // already closed
  }
}

main().catch((error: unknown) => {
  console.error(`[e2e-server] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
