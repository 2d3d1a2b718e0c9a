import { type Kysely, SqliteAdapter, sql } from "kysely";

/**
 * Full-text indexes. SQLite: FTS5 tables keyed by the row's rowid, with accents folded. PostgreSQL:
 * weighted tsvector documents (accents folded with unaccent when written) with GIN indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`CREATE VIRTUAL TABLE events_fts USING fts5(
      event_id UNINDEXED, title, summary, places, themes,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
    await sql`CREATE VIRTUAL TABLE practices_fts USING fts5(
      practice_id UNINDEXED, title, summary, body, themes,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
    return;
  }
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE TABLE events_fts (event_id text PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    document tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX events_fts_document ON events_fts USING gin (document)`.execute(db);
  await sql`CREATE TABLE practices_fts (practice_id text PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
    document tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX practices_fts_document ON practices_fts USING gin (document)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS events_fts`.execute(db);
  await sql`DROP TABLE IF EXISTS practices_fts`.execute(db);
}
