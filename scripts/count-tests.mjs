#!/usr/bin/env node
// Sums the vitest JSON reports of every package and prints one line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const group of ["packages", "apps"]) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name);
    if (!existsSync(join(dir, "package.json"))) continue;
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (!pkg.scripts?.test) continue;
    const report = join(dir, "test-results.json");
    if (!existsSync(report)) {
      missing.push(`${group}/${name}`);
      continue;
    }
    // The fault suite, when it ran, writes its own report beside the main one.
    for (const file of [report, join(dir, "test-results-faults.json")]) {
      if (!existsSync(file)) continue;
      const result = JSON.parse(readFileSync(file, "utf8"));
      passed += result.numPassedTests ?? 0;
      failed += (result.numFailedTests ?? 0) + (result.numRuntimeErrorTestSuites ?? 0);
      skipped += (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
    }
  }
}
for (const name of missing) console.error(`no test report from ${name}`);
failed += missing.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
