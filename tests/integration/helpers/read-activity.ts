import pg from "pg";

// For the read-isolation tests: make dashboard reads slow on purpose (an ACCESS EXCLUSIVE
// lock on visits, held by a connection of the test's own, blocks every raw scan until it is
// released), and watch what Postgres is running for the app's read pool.

export async function lockVisits(): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE visits IN ACCESS EXCLUSIVE MODE");
  return {
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

const watcher = () => new pg.Client({ connectionString: process.env.DATABASE_URL });

/** Statements of the read pool that Postgres is running (or that wait for a lock) right now. */
export async function activeReads(): Promise<string[]> {
  const client = watcher();
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string }>(
      "SELECT query FROM pg_stat_activity WHERE application_name = 'ministat-read' AND state = 'active' AND datname = current_database()",
    );
    return rows.map((r) => r.query);
  } finally {
    await client.end();
  }
}

/** Polls pg_stat_activity until `done(reads)` holds; fails after `timeoutMs`. */
export async function waitForReads(done: (reads: string[]) => boolean, what: string, timeoutMs = 10_000): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const reads = await activeReads();
    if (done(reads)) return reads;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; running: ${reads.length}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
