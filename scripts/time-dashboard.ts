// npx tsx scripts/time-dashboard.ts [--loads=10] [--search=period=30d] [--path=/sites/<domain>]
// Times full dashboard loads against a running server (`npm start`), signed in as the demo
// owner (npm run seed:demo) through a session created with the Auth.js adapter, the way the
// benchmark does: one warm-up, then `loads` loads timed to the last byte; prints p50 / max,
// the response size and the load average. Uses PORT, DATA_DIR and EMBEDDED_PG_PORT like npm start.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { closePool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { closeHttpAgent, timedGet } from "./bench/http-timing";
import { max, quantile, round1 } from "./bench/stats";
import { openLocalDatabase } from "./seed/local-database";
import { ensureSiteWithOwner } from "./seed/site-owner";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const LOADS = Number(option("loads") ?? 10);
const SEARCH = option("search") ?? "period=30d";
const DEMO = { email: "demo@ministat.local", domain: "demo.ministat.local", timezone: "Europe/Vilnius" };

const dataDir = process.env.DATA_DIR ?? ".data";
loadLocalSecrets(dataDir);
const db = await openLocalDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), log: console.log });
const base = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

try {
  const owner = await ensureSiteWithOwner(DEMO);
  const sessionToken = randomBytes(32).toString("hex");
  await createAuthAdapter().createSession?.({ sessionToken, userId: owner.userId, expires: new Date(Date.now() + 86_400_000) });
  const cookie = `${sessionCookieName()}=${sessionToken}`;
  const path = option("path") ?? `/sites/${encodeURIComponent(owner.site.domain)}?${SEARCH}`;

  const warmUp = await timedGet(base + path, { cookie });
  if (warmUp.status !== 200 || !warmUp.body.includes(owner.site.domain)) throw new Error(`warm-up load answered ${warmUp.status}`);
  if (warmUp.body.includes("data-dgst") || warmUp.body.includes('$RX("')) throw new Error("a panel failed on the server");
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < LOADS; i++) {
    const r = await timedGet(base + path, { cookie });
    if (r.status !== 200) throw new Error(`load ${i + 1} answered ${r.status}`);
    times.push(r.ms);
    bytes = r.bytes;
  }
  const load = loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`GET ${path}: p50 ${round1(quantile(times, 0.5))} ms, max ${round1(max(times))} ms over ${LOADS} loads (warm-up ${round1(warmUp.ms)} ms); ${bytes.toLocaleString("en-US")} bytes; load average ${load}`);
  console.log(`  loads: ${times.map((t) => Math.round(t)).join(" ")}`);
} finally {
  closeHttpAgent();
  await closePool();
  await prisma.$disconnect();
  await db.close();
}
