/**
 * Builds the tracking script (tracker/tracker.ts) into public/js/script.js and
 * public/js/script.extended.js and prints their raw and gzipped sizes.
 *
 *   npm run build:tracker        (= npx tsx scripts/build-tracker.ts)
 *
 * esbuild strips the types and switches the variant via `define`; terser then minifies,
 * because on this code it ends up ~15 bytes smaller gzipped than esbuild's own minifier;
 * the result is wrapped in an arrow IIFE so nothing leaks into the page's globals.
 *
 * buildTracker() is exported for tracker/size.test.ts and the benchmark.
 */
import { rename, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { minify } from "terser";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = join(root, "tracker", "tracker.ts");
export const trackerOutDir = join(root, "public", "js");

/** Gzipped size budgets in bytes (exclusive); enforced by tracker/size.test.ts. */
export const trackerBudgets: Record<string, number> = {
  "script.js": 700,
  "script.extended.js": 1200,
};

const variants = [
  { name: "script.js", extended: false },
  { name: "script.extended.js", extended: true },
];

// Syntax level of the output. ES2019 (for `catch {}`) runs in every browser released since
// 2018; newer syntax (?., ??) would be a hard SyntaxError — no tracking at all — in the
// older ones still around, so esbuild lowers it should the source ever use it.
const target = "es2019";

export interface TrackerBuild {
  name: string;
  bytes: number;
  gzipBytes: number;
  code: string;
}

export interface BuildTrackerOptions {
  /** Write the files to `outDir` (default true). */
  write?: boolean;
  /** Default: <project>/public/js. */
  outDir?: string;
}

export async function buildTracker(options: BuildTrackerOptions = {}): Promise<TrackerBuild[]> {
  const { write = true, outDir = trackerOutDir } = options;
  const builds: TrackerBuild[] = [];
  for (const { name, extended } of variants) {
    const bundled = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      // "esm" output is the bare script body (the entry only has `export {}`). It is wrapped
      // in an arrow IIFE below, after minifying, so terser may treat our top level as private;
      // esbuild's own IIFE would also add a "use strict" the script does not need.
      format: "esm",
      platform: "browser",
      target,
      define: { MINISTAT_EXTENDED: String(extended) },
      legalComments: "none",
      logLevel: "silent",
    });
    const source = bundled.outputFiles[0]?.text;
    if (source === undefined) throw new Error(`esbuild produced no output for ${name}`);
    const minified = await minify(source, {
      ecma: 2019,
      module: false,
      toplevel: true,
      compress: { passes: 3, unsafe: true, unsafe_arrows: true, pure_getters: true, hoist_vars: true },
      mangle: { toplevel: true },
      format: { comments: false },
    });
    if (!minified.code) throw new Error(`terser produced no output for ${name}`);
    // Keeps every name out of the page's global scope.
    const code = `(()=>{${minified.code}})()`;
    builds.push({
      name,
      code,
      bytes: Buffer.byteLength(code),
      gzipBytes: gzipSync(code, { level: 9 }).length,
    });
  }

  if (write) {
    await mkdir(outDir, { recursive: true });
    for (const { name, code } of builds) {
      // Write-then-rename: a dev server (or a parallel test run) never serves half a file.
      const tmp = join(outDir, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, code);
      await rename(tmp, join(outDir, name));
    }
  }
  return builds;
}

async function main() {
  const builds = await buildTracker();
  let overBudget = false;
  for (const { name, bytes, gzipBytes } of builds) {
    const budget = trackerBudgets[name];
    const over = budget !== undefined && gzipBytes >= budget;
    overBudget ||= over;
    console.log(
      `${join("public", "js", name).padEnd(28)} ${String(bytes).padStart(5)} B raw  ` +
        `${String(gzipBytes).padStart(4)} B gzip` +
        (budget === undefined ? "" : `  (budget < ${budget}${over ? ", OVER" : ""})`),
    );
  }
  if (overBudget) process.exitCode = 1;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
