import { setTimeout as sleep } from "node:timers/promises";
import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "./connect.js";
import type { Database } from "./database.js";

/** Errors after which the whole transaction can simply run again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "SQLITE_BUSY" ||
    code === "SQLITE_BUSY_SNAPSHOT" ||
    code === "40001" || // PostgreSQL serialization failure
    code === "40P01" // PostgreSQL deadlock
  );
}

/**
 * Runs `work` in a transaction that writes. On SQLite it begins with `BEGIN IMMEDIATE`, so the write
 * lock is taken up front (waiting up to the busy timeout) instead of at the first write, where
 * another process could have moved the snapshot on and SQLite would fail at once with SQLITE_BUSY.
 * A transaction that still meets a busy or serialization error is rolled back and run again, a few
 * times, so `work` must keep all its state in the database.
 */
export async function writeTransaction<T>(
  handle: DatabaseHandle,
  work: (trx: Kysely<Database>) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (handle.dialect !== "sqlite") return await handle.db.transaction().execute(work);
      return await handle.db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await work(connection);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          await sql`rollback`.execute(connection).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(10 * 2 ** attempt + Math.random() * 20);
    }
  }
}
