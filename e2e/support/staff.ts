import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { e2eDatabaseUrl } from "./e2e-database";
import { E2E_DATA_DIR } from "./e2e-env";

// Staff accounts for specs, made the way an operator makes them: `npm run admin:grant -- <email>`,
// run against the e2e instance's database with its secrets (generated into its data directory by
// scripts/e2e-server.ts; the e-mail's blind index needs the same BLIND_INDEX_KEY).

const run = promisify(execFile);
const SECRETS = ["AUTH_SECRET", "ENCRYPTION_KEYS", "BLIND_INDEX_KEY"] as const;

function e2eServerEnv(): NodeJS.ProcessEnv {
  const secrets = JSON.parse(readFileSync(path.resolve(E2E_DATA_DIR, "secrets.json"), "utf8")) as Record<string, string>;
  const env: NodeJS.ProcessEnv = { ...process.env, MINISTAT_ENV: "development", DATA_DIR: E2E_DATA_DIR, DATABASE_URL: e2eDatabaseUrl() };
  for (const name of SECRETS) {
    const value = secrets[name];
    if (!value) throw new Error(`${E2E_DATA_DIR}/secrets.json has no ${name} (did scripts/e2e-server.ts start this instance?)`);
    env[name] = value;
  }
  return env;
}

/** Grants the staff role to the account with this address through the admin CLI. */
export async function grantStaff(email: string): Promise<void> {
  try {
    await run("npm", ["run", "--silent", "admin:grant", "--", email], { env: e2eServerEnv(), timeout: 90_000 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run admin:grant failed: ${String(error)}\n${stdout}\n${stderr}`, { cause: error });
  }
}
