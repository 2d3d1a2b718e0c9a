import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DatabaseHandle } from "./connect.js";
import type { Database } from "./database.js";
import { redactUrl } from "./redact-url.js";

// Counts come back as numbers and bigint ids as numbers, as on SQLite.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {
    // An idle client lost its connection (server restart); the pool replaces it on next use.
  });
  pool.on("connect", (client) => {
    // A checked-out client can lose its connection between two queries of a transaction; without a
    // listener that 'error' would crash the process. The query in progress fails (503) instead.
    client.on("error", () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    location: redactUrl(url),
    async close() {
      await db.destroy();
    },
  };
}
