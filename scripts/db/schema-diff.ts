import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Prisma 7's CLI needs a native schema engine that cannot be downloaded here. Prisma 6.19's
// CLI (installed as the `prisma6` alias) runs a WASM schema engine through a driver adapter,
// so we use it to turn schema changes into SQL. `prisma migrate deploy` still works on our
// migrations wherever the native engine is available.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** SQL that turns a database shaped like `fromSchema` (or an empty one) into `toSchema`. */
export async function schemaDiffSql(fromSchema: string | null, toSchema: string, databaseUrl: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "ministat-schema-"));
  try {
    const empty = 'datasource db {\n  provider = "postgresql"\n}\n';
    await writeFile(path.join(dir, "from.prisma"), forPrisma6(fromSchema ?? empty));
    await writeFile(path.join(dir, "to.prisma"), forPrisma6(toSchema));
    await writeFile(
      path.join(dir, "prisma.config.mjs"),
      `import { PrismaPg } from ${JSON.stringify(path.join(root, "node_modules/prisma6-adapter-pg/dist/index.mjs"))};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  async adapter() { return new PrismaPg({ connectionString: process.env.DATABASE_URL }); },
};
`,
    );
    const { stdout } = await run(
      process.execPath,
      [path.join(root, "node_modules/prisma6/build/index.js"), "migrate", "diff", "--config", "prisma.config.mjs",
        "--from-schema-datamodel", "from.prisma", "--to-schema-datamodel", "to.prisma", "--script"],
      { cwd: dir, env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Prisma 6 wants the datasource url in the schema and does not know the v7 generator.
function forPrisma6(schema: string): string {
  return schema
    .replace(/generator\s+\w+\s*\{[^}]*\}/g, "")
    .replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*"postgresql")/, '$1\n  url = env("DATABASE_URL")');
}
