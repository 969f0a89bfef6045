import pg from "pg";

// Integration files run side by side (vitest.config.ts). Each Vitest worker gets a database of
// its own, a copy of the migrated one that global-db.ts made (CREATE DATABASE … TEMPLATE), so
// files in different workers never see each other's rows, queue jobs or locks; the files of
// one worker run one after another in its database, as every file once did in a single one.
// Nothing connects to the template itself: Postgres copies only a database nobody is using.

/** The URL of the database `<template>_<suffix>`, copied from `templateUrl` unless it exists already. */
export async function copyOfDatabaseUrl(templateUrl: string, adminUrl: string, suffix: string): Promise<string> {
  const url = new URL(templateUrl);
  const template = url.pathname.slice(1);
  const name = `${template}_${suffix}`;
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
