import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("starts_on", "text", (col) => col.notNull())
    .addColumn("ends_on", "text", (col) => col.notNull())
    .addColumn("time_zone", "text", (col) => col.notNull())
    .addColumn("city", "text")
    .addColumn("country", "text")
    .addColumn("online", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("region", "text")
    .addColumn("organizers", "text", (col) => col.notNull())
    .addColumn("partners", "text", (col) => col.notNull())
    .addColumn("themes", "text", (col) => col.notNull())
    .addColumn("summary", "text", (col) => col.notNull())
    .addColumn("registration_status", "text", (col) => col.notNull())
    .addColumn("registration_deadline", "text")
    .addColumn("source_url", "text")
    .addColumn("sample", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  // One index behind each filter; (starts_on, id) is the keyset order of listings.
  await db.schema.createIndex("events_starts_on_id").on("events").columns(["starts_on", "id"]).execute();
  await db.schema
    .createIndex("events_ends_on_starts_on")
    .on("events")
    .columns(["ends_on", "starts_on", "id"])
    .execute();
  await db.schema.createIndex("events_kind_starts_on").on("events").columns(["kind", "starts_on"]).execute();
  await db.schema
    .createIndex("events_country_starts_on")
    .on("events")
    .columns(["country", "starts_on"])
    .execute();
  await db.schema
    .createIndex("events_status_starts_on")
    .on("events")
    .columns(["status", "starts_on"])
    .execute();
  await db.schema
    .createIndex("events_region_starts_on")
    .on("events")
    .columns(["region", "starts_on"])
    .execute();

  await db.schema
    .createTable("event_themes")
    .addColumn("event_id", "text", (col) => col.notNull().references("events.id").onDelete("cascade"))
    .addColumn("theme", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("event_themes_pk", ["event_id", "theme"])
    .execute();
  await db.schema
    .createIndex("event_themes_theme")
    .on("event_themes")
    .columns(["theme", "event_id"])
    .execute();

  await db.schema
    .createTable("practices")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("themes", "text", (col) => col.notNull())
    .addColumn("summary", "text", (col) => col.notNull())
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("source_event_ids", "text", (col) => col.notNull())
    .addColumn("references", "text", (col) => col.notNull())
    .addColumn("sample", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("practice_themes")
    .addColumn("practice_id", "text", (col) => col.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("theme", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("practice_themes_pk", ["practice_id", "theme"])
    .execute();
  await db.schema
    .createIndex("practice_themes_theme")
    .on("practice_themes")
    .columns(["theme", "practice_id"])
    .execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull().unique())
    .addColumn("prefix", "text", (col) => col.notNull())
    .addColumn("scopes", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("value", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["settings", "api_keys", "practice_themes", "practices", "event_themes", "events"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
