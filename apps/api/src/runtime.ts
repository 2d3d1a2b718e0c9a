import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { type Kysely, sql } from "kysely";
import { buildApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import { type DatabaseHandle, openDatabase } from "./db/connect.js";
import type { Database } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { seedCatalogue } from "./db/seed/seed.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { createApiServer } from "./lib/node-server.js";
import { createDatabaseCounter, createMemoryCounter } from "./lib/rate-limit.js";
import type { AppDeps, AppEnv } from "./lib/types.js";
import { createSearchIndex } from "./search/create-search-index.js";
import { rebuildSearchIndexIfStale } from "./search/rebuild-search-index.js";
import { startWebhookDispatcher, type WebhookDispatcher } from "./webhooks/dispatcher.js";

export interface ApiRuntime {
  app: OpenAPIHono<AppEnv>;
  deps: AppDeps;
  handle: DatabaseHandle;
  dispatcher: WebhookDispatcher | undefined;
  /** Stops the dispatcher and closes the database. */
  close(): Promise<void>;
}

/** Reads the cursor-signing key from the database, creating it on first start. */
async function loadCursorKey(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto("settings")
    .values({ key: "cursor_key", value: randomBytes(32).toString("base64") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "cursor_key")
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, "base64");
}

/** Opens and migrates the database, seeds it as configured, and builds the app (no listening yet). */
export async function openApi(
  config: ApiConfig,
  options: { logger?: Logger; now?: () => Date } = {},
): Promise<ApiRuntime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const handle = await openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  try {
    // Reach the database first, so a wrong URL is reported as such rather than as a failed migration.
    await sql`SELECT 1`.execute(handle.db);
    await migrateToLatest(handle.db);
    const search = createSearchIndex(handle);
    const reindexed = await rebuildSearchIndexIfStale(handle.db, search);
    if (reindexed && reindexed.events + reindexed.practices > 0)
      logger.info(reindexed, "rebuilt the search index");
    const now = options.now ?? (() => new Date());
    if (config.BSI_SEED === "catalogue") {
      const seeded = await seedCatalogue(handle.db, search, now());
      if (seeded.events + seeded.practices > 0) logger.info(seeded, "seeded the catalogue");
    }
    let dispatcher: WebhookDispatcher | undefined;
    const deps: AppDeps = {
      handle,
      search,
      logger,
      config,
      now,
      cursorKey: await loadCursorKey(handle.db),
      rateCounter: handle.dialect === "postgres" ? createDatabaseCounter(handle.db) : createMemoryCounter(),
      notifyOutbox: () => dispatcher?.wake(),
    };
    if (config.WEBHOOKS_ENABLED) dispatcher = startWebhookDispatcher(deps);
    const app = buildApp(deps);
    return {
      app,
      deps,
      handle,
      get dispatcher() {
        return dispatcher;
      },
      async close() {
        await dispatcher?.stop();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

export interface RunningServer {
  runtime: ApiRuntime;
  server: ServerType;
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** Starts the API. `config` comes from `loadConfig(env)` (or `loadConfig({ ...overrides })` in tests). */
export async function startServer(
  config: ApiConfig,
  options: { logger?: Logger; now?: () => Date } = {},
): Promise<RunningServer> {
  const runtime = await openApi(config, options);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const created = serve(
      {
        fetch: runtime.app.fetch,
        port: config.PORT,
        hostname: config.HOST,
        createServer: createApiServer as never,
      },
      () => resolve(created),
    );
    created.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    runtime,
    server,
    port,
    url: `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await runtime.close();
      })();
      return closing;
    },
  };
}
