// npm run db:migration -- <name> — write prisma/migrations/<stamp>_<name>/migration.sql for the
// changes to prisma/schema.prisma since the last commit (Prisma 6's WASM schema engine; see schema-diff.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { schemaDiffSql } from "./schema-diff";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
let previous: string | null;
try {
  previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
} catch {
  previous = null; // first migration
}
const db = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: ".data", port: 54329 });
try {
  const sql = await schemaDiffSql(previous, readFileSync("prisma/schema.prisma", "utf8"), process.env.DATABASE_URL ?? db!.url);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("No schema changes since the last commit.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql`);
  }
} finally {
  await db?.stop();
}
