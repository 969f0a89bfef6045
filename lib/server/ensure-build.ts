import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// `npm start` serves a production build. Build when there is none, or when any source is
// newer than it (after a `git pull`, say), so nobody is served yesterday's code by mistake.

const BUILD_INPUTS = ["app", "components", "lib", "tracker", "prisma", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json"];
const NOT_BUILD_INPUTS = /(\.test\.tsx?$|(^|\/)(node_modules|generated)(\/|$)|^public\/js\/)/;

export function ensureProductionBuild(log: (line: string) => void): void {
  const buildId = path.resolve(".next/BUILD_ID");
  const tracker = path.resolve("public/js/script.js");
  let reason: string | undefined;
  if (!existsSync(buildId) || !existsSync(tracker)) reason = "No production build yet";
  else if (process.env.MINISTAT_SKIP_BUILD_CHECK !== "1") {
    const changed = findNewerThan(statSync(buildId).mtimeMs);
    if (changed) reason = `${changed} changed after the last build`;
  }
  if (!reason) return;
  log(`${reason} — building (npm run build, about a minute) …`);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("npm run build failed");
}

function findNewerThan(time: number): string | undefined {
  for (const input of BUILD_INPUTS) {
    const found = newerThan(input, time);
    if (found) return found;
  }
  return undefined;
}

function newerThan(relative: string, time: number): string | undefined {
  if (NOT_BUILD_INPUTS.test(relative) || !existsSync(relative)) return undefined;
  const stat = statSync(relative);
  if (!stat.isDirectory()) return stat.mtimeMs > time ? relative : undefined;
  for (const entry of readdirSync(relative)) {
    const found = newerThan(path.posix.join(relative, entry), time);
    if (found) return found;
  }
  return undefined;
}
