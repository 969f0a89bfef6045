import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// bench/results-<timestamp>.json for the record and bench/latest.json for tools and docs.
// Both are git-ignored (bench/*.json); bench/.gitkeep keeps the directory.

export async function writeResults(results: object, dir = "bench"): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const files = [path.join(dir, `results-${stamp}.json`), path.join(dir, "latest.json")];
  for (const file of files) await writeFile(file, json);
  return files;
}
