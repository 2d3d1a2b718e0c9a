import { defineConfig } from "vitest/config";

/** The fault suite (`npm run test:faults`): real processes, kills, full disks, receivers going away. */
export default defineConfig({
  test: {
    include: ["src/**/*.faults.ts"],
    reporters: ["default", ["json", { outputFile: "test-results-faults.json" }]],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
