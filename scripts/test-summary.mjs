// Prints the closing lines for CI: the checks .ci/run ran before the tests (from
// .reports/<step>.json, "lint passed (21 s)"), then, from the JSON reports of Vitest and
// Playwright, "tests: N passed, N failed" (skipped tests would be listed too, and there should
// be none).
import { existsSync, readFileSync } from "node:fs";

const checks = [];
for (const name of ["lint", "typecheck"]) {
  const file = `.reports/${name}.json`;
  if (!existsSync(file)) continue;
  const { exit, seconds } = JSON.parse(readFileSync(file, "utf8"));
  checks.push(exit === 0 ? `${name} passed (${seconds} s)` : `${name} FAILED (exit ${exit}, ${seconds} s)`);
}
if (checks.length > 0) console.log(`checks: ${checks.join(", ")}`);

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = ".reports/vitest.json";
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const playwright = "test-results/results.json";
if (existsSync(playwright)) {
  const stats = JSON.parse(readFileSync(playwright, "utf8")).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
