import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { e2eDatabaseUrl } from "./e2e-database";
import { E2E_DATA_DIR } from "./e2e-env";

// Staff accounts for specs, made the way an operator makes them: `npm run admin:grant -- <email>`,
// run against the e2e instance's database. Its secrets (the e-mail's blind index needs the same
// BLIND_INDEX_KEY) are the ones scripts/e2e-server.ts generated into the e2e data directory: the
// CLI loads them from DATA_DIR as the server did, so none may come from this process's environment.

const run = promisify(execFile);

function e2eServerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MINISTAT_ENV: "development", DATA_DIR: E2E_DATA_DIR, DATABASE_URL: e2eDatabaseUrl() };
  for (const name of ["AUTH_SECRET", "ENCRYPTION_KEYS", "BLIND_INDEX_KEY"]) delete env[name];
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
