/**
 * Size budget of the tracking script. Every byte is downloaded on every page of every
 * customer's site, so the limits are hard: default < 700 B gzipped (Plausible: 742 B),
 * extended < 1200 B. Builds the scripts itself — public/js/*.js are untracked build outputs.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTracker, trackerOutDir, type TrackerBuild } from "../scripts/build-tracker";

// Deliberately not imported from the build script: raising a budget should be a visible
// change to this test.
const BUDGETS = { "script.js": 700, "script.extended.js": 1200 } as const;

let builds: TrackerBuild[] = [];

beforeAll(async () => {
  builds = await buildTracker();
});

describe("tracker size", () => {
  it("builds exactly the two variants", () => {
    expect(builds.map((b) => b.name)).toEqual(["script.js", "script.extended.js"]);
  });

  it.each(Object.entries(BUDGETS))("%s is under %i bytes gzipped (level 9)", (name, budget) => {
    const build = builds.find((b) => b.name === name);
    expect(build).toBeDefined();
    if (!build) return;
    // The reported numbers are the real ones.
    expect(build.bytes).toBe(Buffer.byteLength(build.code));
    expect(build.gzipBytes).toBe(gzipSync(build.code, { level: 9 }).length);
    expect(build.gzipBytes).toBeGreaterThan(200); // sanity: not an empty build
    expect(build.gzipBytes).toBeLessThan(budget);
  });

  it("the extended variant is the default plus link tracking", () => {
    const [plain, extended] = builds;
    expect(plain?.code).not.toMatch(/Outbound Link|File Download|auxclick/);
    expect(extended?.code).toMatch(/Outbound Link: Click/);
    expect(extended?.code).toMatch(/File Download/);
    expect(extended!.gzipBytes).toBeGreaterThan(plain!.gzipBytes);
  });

  it("writes what it returns to public/js", async () => {
    for (const { name, code } of builds) {
      expect(await readFile(join(trackerOutDir, name), "utf8")).toBe(code);
    }
  });

  it("is a single self-contained IIFE: no module syntax, no source map comment", () => {
    for (const { code } of builds) {
      expect(code.startsWith("(()=>{")).toBe(true);
      expect(code.endsWith("})()")).toBe(true);
      expect(code).not.toMatch(/\bimport\b|\bexport\b|sourceMappingURL|\n/);
    }
  });
});
