import { type Kysely, PostgresAdapter, sql } from "kysely";
import type { Database } from "./database.js";

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Makes activity ids commit in the order they were drawn. On PostgreSQL two transactions can draw
 * ids 7 and 8 and commit 8 first, so a reader resuming "after 7" could see 8, then miss 7 when it
 * lands: a transaction-scoped advisory lock serialises activity writers. SQLite has one writer at
 * a time already.
 */
export async function serializeActivityWriters(trx: Kysely<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(7206141)`.execute(trx);
}

/**
 * Makes start-up's catalogue work (the seed, a search index rebuild) run one instance at a time on
 * PostgreSQL, where several API processes may start together on a fresh database; the lock ends
 * with the transaction. SQLite has one writer at a time already.
 */
export async function serializeCatalogueSetup(trx: Kysely<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(7206142)`.execute(trx);
}
