import { defineConfig } from "vitest/config";

/** The fault suite (`npm run test:faults`): the built bot as its own process, Slack misbehaving. */
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["src/**/*.faults.ts"],
    reporters: ["default", ["json", { outputFile: "test-results-faults.json" }]],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
