import pg from "pg";

// Reading the errors Postgres reports through node-postgres (raw SQL via lib/db/pool.ts).

// The SQLSTATE of an error that Postgres itself reported, or null for everything else
// (a refused or broken connection, a timeout): the flusher retries the latter as they are.
export function sqlState(error: unknown): string | null {
  return error instanceof pg.DatabaseError && typeof error.code === "string" ? error.code : null;
}

/** 23503: a row refers to one that is gone — in practice, a site deleted meanwhile. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === "23503";
}

/** For logs: the SQLSTATE and the message with quoted values elided, since Postgres quotes offending input there. */
export function describeDbError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = sqlState(error);
  return `${code === null ? "" : `${code} `}${message.replace(/"[^"]*"/g, '"…"')}`;
}
