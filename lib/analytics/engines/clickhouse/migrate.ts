import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ClickHouse } from "./clickhouse";

// The ClickHouse schema's versioned migrations, applied when the engine opens (client.ts):
// migrations/NNNN_name.sql in name order, each statement once. ClickHouse DDL is not
// transactional, so schema_migrations records every statement applied: a run that stopped
// half-way through a file goes on with its next statement. Each row carries the checksum of
// its file (comments aside); a file changed after it was applied is refused: a schema change
// is a new NNNN file (a file that failed half-way may be fixed once its rows are deleted).
// Two app instances starting at once against one server may both run a statement: write each
// one so that running it twice does no harm (IF NOT EXISTS).

export const MIGRATIONS_DIR = path.join(process.cwd(), "lib/analytics/engines/clickhouse/migrations");

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    String,
  statement  UInt32,
  checksum   String,
  applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (version, statement)`;

export type Migration = { version: string; statements: string[]; checksum: string };

export async function applyClickHouseMigrations(ch: ClickHouse, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  await ch.command(MIGRATIONS_TABLE);
  const rows = await ch.query<{ version: string; statement: number; checksum: string }>(
    "SELECT version, statement, checksum FROM schema_migrations LIMIT 1000000",
  );
  const applied: string[] = [];
  for (const migration of await readMigrations(dir)) {
    const done = rows.filter((row) => row.version === migration.version);
    const changed = done.find((row) => row.checksum !== migration.checksum);
    if (changed) {
      throw new Error(
        `ClickHouse migration ${migration.version}.sql was changed after it was applied (checksum ${changed.checksum.slice(0, 12)}…, ` +
          `now ${migration.checksum.slice(0, 12)}…). Undo the change and put it in a new migration file.`,
      );
    }
    const todo = migration.statements.map((sql, index) => ({ sql, index })).filter(({ index }) => !done.some((row) => row.statement === index));
    for (const { sql, index } of todo) {
      try {
        await ch.command(sql);
      } catch (error) {
        throw new Error(`ClickHouse migration ${migration.version}.sql, statement ${index + 1}, failed: ${(error as Error).message}`, { cause: error });
      }
      await ch.insert("schema_migrations", [{ version: migration.version, statement: index, checksum: migration.checksum }]);
    }
    if (todo.length) applied.push(migration.version);
  }
  return { applied };
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name)).sort();
  return Promise.all(
    files.map(async (name) => {
      const statements = splitStatements(await readFile(path.join(dir, name), "utf8"));
      const checksum = createHash("sha256").update(statements.join(";\n")).digest("hex");
      return { version: name.slice(0, -".sql".length), statements, checksum };
    }),
  );
}

/**
 * The statements of a SQL file: split at each `;`, without `--` and block comments, trimmed;
 * a `;` or `--` inside a quoted string or identifier is text.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i]!;
    if (char === "'" || char === '"' || char === "`") {
      const end = endOfQuoted(sql, i);
      current += sql.slice(i, end);
      i = end - 1;
    } else if (char === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = (end === -1 ? sql.length : end) - 1;
    } else if (char === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = (end === -1 ? sql.length : end + 2) - 1;
      current += " ";
    } else if (char === ";") {
      statements.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter(Boolean);
}

// Index just past the quote that closes the one at `start` (a backslash escapes; a doubled quote is one quote).
function endOfQuoted(sql: string, start: number): number {
  const quote = sql[start];
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === "\\") i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return sql.length;
}
