import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { PostgresBinaries } from "./binaries";

// The cluster directory of the embedded Postgres: created once with initdb, owned by the
// user Postgres runs as. Postgres refuses to run as root, so when we are root it runs as a
// "postgres" user (created if the machine has none).

export type RunAs = { uid: number; gid: number } | null;

export async function postgresUser(): Promise<RunAs> {
  if (userInfo().uid !== 0) return null;
  const existing = await findUser("postgres");
  if (existing) return existing;
  const run = promisify(execFile);
  await run("groupadd", ["--system", "postgres"]).catch(() => {}); // may exist without the user
  await run("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
  const created = await findUser("postgres");
  if (!created) throw new Error("Could not create the 'postgres' user that the embedded Postgres runs as (Postgres refuses to run as root).");
  return created;
}

async function findUser(name: string): Promise<RunAs> {
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  const line = passwd.split("\n").find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export function isInitialised(clusterDir: string): boolean {
  return existsSync(path.join(clusterDir, "PG_VERSION"));
}

export async function initialiseCluster(options: { binaries: PostgresBinaries; clusterDir: string; password: string; runAs: RunAs }): Promise<void> {
  const { clusterDir, runAs } = options;
  await rm(clusterDir, { recursive: true, force: true }); // a half-made cluster from an interrupted initdb
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(clusterDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) {
    // Postgres must own its directory and read the password file; the parent stays ours.
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
    await chmod(path.dirname(clusterDir), 0o755);
  }
  try {
    const args = [`--pgdata=${clusterDir}`, "--username=postgres", `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"];
    await runToEnd(options.binaries.initdb, args, runAs);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function runToEnd(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(runAs ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (${signal ?? `exit code ${code}`}): ${stderr.trim().slice(-2000)}`));
    });
  });
}

export async function readOrCreatePassword(root: string): Promise<string> {
  const file = path.join(root, "pg-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
