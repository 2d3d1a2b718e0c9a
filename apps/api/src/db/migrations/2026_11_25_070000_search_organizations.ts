import { type Kysely, SqliteAdapter, sql } from "kysely";

const COLUMNS = "event_id UNINDEXED, title, summary, places, themes";
const OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'";

/**
 * Makes SQLite's events_fts again with `columns` (an FTS5 table cannot add one), keeping what it
 * holds: built beside the old one and swapped in, inside one transaction (Kysely runs SQLite
 * migrations without one), so a failure leaves the old table as it was and a second run starts clean.
 */
async function remakeSqliteEventsIndex(db: Kysely<any>, columns: string, copied: string): Promise<void> {
  await sql`BEGIN`.execute(db);
  try {
    await sql.raw("DROP TABLE IF EXISTS events_fts_next").execute(db);
    await sql.raw(`CREATE VIRTUAL TABLE events_fts_next USING fts5(${columns}, ${OPTIONS})`).execute(db);
    await sql.raw(`INSERT INTO events_fts_next SELECT ${copied} FROM events_fts`).execute(db);
    await sql.raw("DROP TABLE events_fts").execute(db);
    await sql.raw("ALTER TABLE events_fts_next RENAME TO events_fts").execute(db);
    await sql`DELETE FROM settings WHERE key = 'search_index_version'`.execute(db);
    await sql`COMMIT`.execute(db);
  } catch (error) {
    await sql`ROLLBACK`.execute(db);
    throw error;
  }
}

/**
 * Events are searched by their organizers and partners too, and can be filtered by them: SQLite's
 * events_fts gets an `organizations` column; PostgreSQL's gets an `organizations` tsvector. What the
 * index held is kept, and it is filled again at start-up, which rebuilds it whenever
 * SEARCH_INDEX_VERSION changes (see search/rebuild-search-index.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await remakeSqliteEventsIndex(
      db,
      `${COLUMNS}, organizations`,
      "event_id, title, summary, places, themes, ''",
    );
    return;
  }
  await sql`ALTER TABLE events_fts ADD COLUMN organizations tsvector NOT NULL DEFAULT ''::tsvector`.execute(
    db,
  );
  await sql`CREATE INDEX events_fts_organizations ON events_fts USING gin (organizations)`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'search_index_version'`.execute(db);
}

/** Back to the earlier shape, keeping the rows (the earlier release has no rebuild at start). */
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await remakeSqliteEventsIndex(db, COLUMNS, "event_id, title, summary, places, themes");
    return;
  }
  await sql`DROP INDEX IF EXISTS events_fts_organizations`.execute(db);
  await sql`ALTER TABLE events_fts DROP COLUMN organizations`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'search_index_version'`.execute(db);
}
