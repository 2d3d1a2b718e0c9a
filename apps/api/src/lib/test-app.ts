import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scope } from "@bsi/domain";
import { createApiKey } from "../auth/api-keys.js";
import { ApiConfigSchema } from "../config.js";
import { type ApiRuntime, openApi } from "../runtime.js";
import { createLogger } from "./logger.js";

/**
 * A fresh, empty PostgreSQL database for one test app, made next to the one in `adminUrl`
 * (the suite runs on PostgreSQL when TEST_DATABASE_URL is set) and dropped when the app closes.
 */
export async function createPostgresTestDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import("pg");
  const name = `bsi_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestApp extends ApiRuntime {
  /** Makes an API key with these scopes and returns its secret. */
  createKey(scopes: Scope[], name?: string): Promise<string>;
  /** Calls the app in-process, with JSON helpers. */
  request(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  databasePath: string;
}

/**
 * A fresh, migrated API on a temporary SQLite file (seeded with the catalogue unless told not to),
 * for tests that call the app in-process with `app.request`.
 */
export async function createTestApp(
  options: { seed?: boolean; now?: () => Date; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const directory = mkdtempSync(join(tmpdir(), "bsi-api-test-"));
  const databasePath = join(directory, "bsi.sqlite");
  const postgres = process.env.BSI_TEST_POSTGRES_URL
    ? await createPostgresTestDatabase(process.env.BSI_TEST_POSTGRES_URL)
    : undefined;
  const config = ApiConfigSchema.parse({
    DATABASE_URL: postgres?.url ?? `file:${databasePath}`,
    BSI_SEED: options.seed === false ? "none" : "catalogue",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    ...options.env,
  });
  const runtime = await openApi(config, {
    logger: createLogger(config.LOG_LEVEL),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...runtime,
    get dispatcher() {
      return runtime.dispatcher;
    },
    databasePath,
    async createKey(scopes, name = "test") {
      const { secret } = await createApiKey(runtime.handle.db, { name, scopes });
      return secret;
    },
    request(path, init = {}) {
      const { json, token, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (token) merged.set("authorization", `Bearer ${token}`);
      if (json !== undefined) merged.set("content-type", "application/json");
      return Promise.resolve(
        runtime.app.request(path, {
          ...rest,
          headers: merged,
          ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
        }),
      );
    },
    async close() {
      await runtime.close();
      await postgres?.drop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
