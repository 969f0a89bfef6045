import Stripe from "stripe";
import { getEnv } from "@/lib/config/env";

// The official Stripe client, configured from the environment. STRIPE_API_URL points it at
// another host (tests: the local fake in tests/fakes/fake-stripe) — the same client code
// runs either way. Without STRIPE_SECRET_KEY, billing is off: nobody is ever locked.

export function isBillingConfigured(): boolean {
  return Boolean(getEnv().STRIPE_SECRET_KEY);
}

const globalForStripe = globalThis as unknown as { ministatStripe?: { key: string; url: string; client: Stripe } };

export function getStripe(): Stripe {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY is unset)");
  const cached = globalForStripe.ministatStripe;
  if (cached && cached.key === env.STRIPE_SECRET_KEY && cached.url === env.STRIPE_API_URL) return cached.client;
  const url = new URL(env.STRIPE_API_URL);
  const protocol = url.protocol === "http:" ? "http" : "https";
  const client = new Stripe(env.STRIPE_SECRET_KEY, {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
    protocol,
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "MiniStat" },
  });
  globalForStripe.ministatStripe = { key: env.STRIPE_SECRET_KEY, url: env.STRIPE_API_URL, client };
  return client;
}
