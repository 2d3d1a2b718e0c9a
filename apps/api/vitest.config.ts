import { defineConfig } from "vitest/config";

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  console.warn(
    "PostgreSQL suite skipped: set TEST_DATABASE_URL=postgres://… to run the API tests on PostgreSQL too",
  );
}

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    projects: [
      {
        test: {
          ...shared,
          name: "sqlite",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.postgres.test.ts"],
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                ...shared,
                name: "postgres",
                // The suites that run through createTestApp, plus the PostgreSQL-only ones.
                include: [
                  "src/routes/**/*.test.ts",
                  "src/webhooks/dispatcher.test.ts",
                  "src/**/*.postgres.test.ts",
                ],
                env: { BSI_TEST_POSTGRES_URL: postgresUrl },
                // One database server: keep test files from fighting over it.
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
