import { type Kysely, SqliteAdapter, sql } from "kysely";

/**
 * Events are searched by their organizers and partners too, and can be filtered by them: SQLite's
 * events_fts gets an `organizations` column (an FTS5 table cannot add one, so it is made again);
 * PostgreSQL's gets an `organizations` tsvector. The index is filled again at start-up, which
 * rebuilds it whenever SEARCH_INDEX_VERSION changes (see search/rebuild-search-index.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`DROP TABLE events_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE events_fts USING fts5(
      event_id UNINDEXED, title, summary, places, themes, organizations,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  } else {
    await sql`ALTER TABLE events_fts ADD COLUMN organizations tsvector NOT NULL DEFAULT ''::tsvector`.execute(
      db,
    );
    await sql`CREATE INDEX events_fts_organizations ON events_fts USING gin (organizations)`.execute(db);
  }
  await sql`DELETE FROM settings WHERE key = 'search_index_version'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`DROP TABLE events_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE events_fts USING fts5(
      event_id UNINDEXED, title, summary, places, themes,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  } else {
    await sql`DROP INDEX IF EXISTS events_fts_organizations`.execute(db);
    await sql`ALTER TABLE events_fts DROP COLUMN organizations`.execute(db);
  }
  await sql`DELETE FROM settings WHERE key = 'search_index_version'`.execute(db);
}
