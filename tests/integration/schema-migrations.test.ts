import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabaseIfMissing } from "@/lib/db/embedded-postgres";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";
import { schemaDiffSql } from "@/scripts/db/schema-diff";

// The SQL migrations (what every database actually runs, lib/db/migrate.ts) and
// prisma/schema.prisma (what the Prisma client is generated from) must describe the same
// database. Two fresh databases: one gets prisma/migrations, the other the SQL Prisma derives
// from schema.prisma alone; their catalogs must be identical. A model changed without a
// migration (or a hand-edited migration) makes this fail.

const adminUrl = inject("adminDatabaseUrl");
const stamp = `${Date.now()}_${randomBytes(3).toString("hex")}`;
const names = {
  migrated: `ministat_schema_migrated_${stamp}`,
  fromSchema: `ministat_schema_prisma_${stamp}`,
  race: `ministat_schema_race_${stamp}`,
};

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** pg_indexes.indexdef of the indexes only migrations create (partial indexes). */
const MIGRATION_ONLY_INDEXES = [
  "CREATE INDEX events_custom_name_idx ON public.events USING btree (site_id, name, ts) INCLUDE (visit_id) WHERE (name <> 'pageview'::text)",
  "CREATE INDEX events_pageview_pathname_idx ON public.events USING btree (site_id, pathname, ts) INCLUDE (visit_id) WHERE (name = 'pageview'::text)",
];

const PARTS = ["tables", "columns", "indexes", "constraints", "enums", "sequences", "triggers"] as const;
type Snapshot = Record<(typeof PARTS)[number], string[]>;

/** The parts of the catalog that Prisma's schema describes, sorted, as comparable lines. */
async function catalogSnapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (client) => {
    const lines = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line);
    const notMigrations = (column: string) => `${column} <> '_prisma_migrations'`;
    return {
      tables: await lines(
        `SELECT c.relname || ' (' || c.relkind::text || ')' AS line
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND ${notMigrations("c.relname")}
          ORDER BY 1`,
      ),
      columns: await lines(
        `SELECT table_name || '.' || column_name || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE ' NULL' END
                || COALESCE(' DEFAULT ' || column_default, '')
                || CASE WHEN is_identity = 'YES' THEN ' IDENTITY ' || identity_generation ELSE '' END
                || CASE WHEN is_generated = 'ALWAYS' THEN ' GENERATED ' || COALESCE(generation_expression, '') ELSE '' END AS line
           FROM information_schema.columns ic
           JOIN pg_class c ON c.relname = ic.table_name
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = ic.table_schema
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = ic.column_name
          WHERE ic.table_schema = 'public' AND ${notMigrations("ic.table_name")}
          ORDER BY 1`,
      ),
      indexes: await lines(
        `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND ${notMigrations("tablename")} ORDER BY 1`,
      ),
      constraints: await lines(
        `SELECT rel.relname || ' ' || con.conname || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid)
                || CASE WHEN con.condeferrable THEN ' DEFERRABLE' ELSE '' END AS line
           FROM pg_constraint con
           JOIN pg_class rel ON rel.oid = con.conrelid
           JOIN pg_namespace n ON n.oid = rel.relnamespace
          WHERE n.nspname = 'public' AND ${notMigrations("rel.relname")}
          ORDER BY 1`,
      ),
      enums: await lines(
        `SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
           FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public'
          GROUP BY t.typname
          ORDER BY 1`,
      ),
      sequences: await lines(
        `SELECT s.sequencename || ' ' || s.data_type || ' owned by ' || COALESCE(owner.line, '-') AS line
           FROM pg_sequences s
           LEFT JOIN LATERAL (
             SELECT tab.relname || '.' || att.attname AS line
               FROM pg_depend d
               JOIN pg_class seq ON seq.oid = d.objid
               JOIN pg_class tab ON tab.oid = d.refobjid
               JOIN pg_attribute att ON att.attrelid = tab.oid AND att.attnum = d.refobjsubid
              WHERE seq.relname = s.sequencename AND d.deptype IN ('a', 'i') AND d.classid = 'pg_class'::regclass
           ) owner ON true
          WHERE s.schemaname = 'public'
          ORDER BY 1`,
      ),
      triggers: await lines(
        `SELECT c.relname || ' ' || t.tgname || ' ' || pg_get_triggerdef(t.oid) AS line
           FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND NOT t.tgisinternal
          ORDER BY 1`,
      ),
    };
  });
}

async function migrationDirs(): Promise<string[]> {
  const dir = defaultMigrationsDir();
  const entries = await readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const has = await readFile(path.join(dir, e.name, "migration.sql"), "utf8").then(
      () => true,
      () => false,
    );
    if (has) names.push(e.name);
  }
  return names.sort();
}

let migrated: Snapshot;
let fromSchema: Snapshot;
let firstRun: { applied: string[] };

beforeAll(async () => {
  await createDatabaseIfMissing(adminUrl, names.migrated);
  await createDatabaseIfMissing(adminUrl, names.fromSchema);

  // The Prisma 6 CLI behind schemaDiffSql takes ~15 s to start: run it while the migrations apply.
  const schema = await readFile(path.resolve("prisma/schema.prisma"), "utf8");
  let sql: string;
  [firstRun, sql] = await Promise.all([applyMigrations(databaseUrl(names.migrated)), schemaDiffSql(null, schema, databaseUrl(names.fromSchema))]);
  expect(sql).toMatch(/CREATE TABLE/);
  await withClient(databaseUrl(names.fromSchema), async (client) => {
    await client.query(sql);
  });

  migrated = await catalogSnapshot(databaseUrl(names.migrated));
  fromSchema = await catalogSnapshot(databaseUrl(names.fromSchema));
}, 120_000);

afterAll(async () => {
  // In parallel: each DROP DATABASE waits for a checkpoint.
  await Promise.all(Object.values(names).map((name) => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))));
});

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("describe something (the snapshots are not empty)", () => {
    expect(migrated.tables.length).toBeGreaterThanOrEqual(14);
    expect(migrated.columns.length).toBeGreaterThan(50);
    expect(migrated.constraints.some((c) => / f FOREIGN KEY .* ON DELETE CASCADE/.test(c))).toBe(true);
    expect(migrated.enums.length).toBeGreaterThan(0);
  });

  // One test per part of the catalog, so a failure says what differs: the diff is
  // "expected" = built from schema.prisma, "received" = built by the migrations.
  for (const part of PARTS) {
    it(`agree on ${part}`, () => {
      const received = part === "indexes" ? migrated.indexes.filter((line) => !MIGRATION_ONLY_INDEXES.includes(line)) : migrated[part];
      expect(received, `${part}: migrations (received) vs schema.prisma (expected) — add a migration with npm run db:migration`).toEqual(fromSchema[part]);
    });
  }

  it("differ only by the listed indexes that Prisma's schema cannot express", () => {
    for (const index of MIGRATION_ONLY_INDEXES) {
      expect(migrated.indexes, "a listed index is missing from the migrations").toContain(index);
      expect(fromSchema.indexes, "a listed index is expressible in schema.prisma: move it there").not.toContain(index);
    }
  });
});

describe("applyMigrations", () => {
  it("applies every migration directory in order on a fresh database", async () => {
    expect(firstRun.applied).toEqual(await migrationDirs());
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    const url = databaseUrl(names.migrated);
    const rowsBefore = await withClient(url, async (c) => (await c.query("SELECT * FROM _prisma_migrations ORDER BY migration_name")).rows);
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    const rowsAfter = await withClient(url, async (c) => (await c.query("SELECT * FROM _prisma_migrations ORDER BY migration_name")).rows);
    expect(rowsAfter).toEqual(rowsBefore);
    expect(await catalogSnapshot(url)).toEqual(migrated);
  });

  it("records each migration in _prisma_migrations with the sha256 of its SQL, finished", async () => {
    const dir = defaultMigrationsDir();
    const expected = await Promise.all(
      (await migrationDirs()).map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256").update(await readFile(path.join(dir, name, "migration.sql"), "utf8")).digest("hex"),
        finished: true,
        rolled_back: false,
        applied_steps_count: 1,
      })),
    );
    const rows = await withClient(databaseUrl(names.migrated), async (c) =>
      (
        await c.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean; applied_steps_count: number }>(
          `SELECT migration_name, checksum, finished_at IS NOT NULL AND finished_at >= started_at AS finished,
                  rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count
             FROM _prisma_migrations ORDER BY migration_name`,
        )
      ).rows,
    );
    expect(rows).toEqual(expected);
  });

  it("two instances starting at once apply each migration once", async () => {
    const url = databaseUrl(names.race);
    await createDatabaseIfMissing(adminUrl, names.race);
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(await migrationDirs());
    const count = await withClient(url, async (c) => (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations")).rows[0]?.n);
    expect(count).toBe((await migrationDirs()).length);
  });
});
