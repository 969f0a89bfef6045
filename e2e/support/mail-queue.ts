import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, E2E_PG_PORT } from "./e2e-env";

// The e2e server's mail queue (pg-boss jobs in its Postgres), read by specs that must show an
// e-mail was NOT sent, or sent only once: once the mail jobs have finished, nothing more can
// reach the fake Mailjet — a definite signal instead of waiting a few seconds and hoping.

const MAIL_QUEUE = "mail.send"; // QUEUES.sendMail in lib/jobs/queue.ts

/**
 * Resolves when every mail job created so far has finished (completed, or failed for good), or
 * with `mailId` (the fake records it as customId) when that mail's jobs have. Retries wait in
 * the queue as unfinished jobs, so a duplicate send would have to happen before this resolves.
 */
export async function waitForMailQueue(options: { mailId?: string; timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const cutoff = (await client.query<{ now: Date }>("SELECT now()")).rows[0]?.now;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ unfinished: number; known: number }>(
        `SELECT count(*) FILTER (WHERE state < 'completed')::int AS unfinished, count(*)::int AS known
           FROM pgboss.job
          WHERE name = $1 AND created_on <= $2 AND ($3::text IS NULL OR singleton_key = $3)`,
        [MAIL_QUEUE, cutoff, options.mailId ?? null],
      );
      const { unfinished = 0, known = 0 } = rows[0] ?? {};
      if (options.mailId && known === 0) throw new Error(`no mail job for mail ${options.mailId} (was pg-boss's job table archived or renamed?)`);
      if (unfinished === 0) return;
      if (Date.now() > deadline) throw new Error(`${unfinished} mail job(s) still unfinished after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval, not a wait for "nothing"
    }
  } finally {
    await client.end();
  }
}

// The database scripts/e2e-server.ts starts: DATABASE_URL if set, else its embedded Postgres.
function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const password = readFileSync(path.resolve(E2E_DATA_DIR, "pg-password"), "utf8").trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${E2E_PG_PORT}/ministat`;
}
