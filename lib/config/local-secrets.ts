import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// For local runs only: secrets the app needs but nobody configured are generated once
// into <DATA_DIR>/secrets.json, so `npm start` works with no environment at all.
// Production (MINISTAT_ENV=production) never gets here: it must be given real secrets.

const GENERATED = ["AUTH_SECRET", "ENCRYPTION_KEYS", "BLIND_INDEX_KEY"] as const;

export function loadLocalSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.MINISTAT_ENV === "production") return;
  if (GENERATED.every((name) => env[name])) return;
  const file = path.resolve(dataDir, "secrets.json");
  let secrets: Record<string, string>;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } else {
    secrets = {
      AUTH_SECRET: randomBytes(32).toString("base64"),
      ENCRYPTION_KEYS: `1:${randomBytes(32).toString("base64")}`,
      BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    console.warn(`! Generated local secrets in ${file} — fine for development, never for production.`);
  }
  for (const name of GENERATED) env[name] ??= secrets[name];
}
