import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from "kysely";

/** An auto-numbered integer key: AUTOINCREMENT on SQLite (never reused), bigserial on PostgreSQL. */
function serialKey(
  db: Kysely<any>,
): ["integer" | "bigserial", (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return isSqlite
    ? ["integer", (col) => col.primaryKey().autoIncrement()]
    : ["bigserial", (col) => col.primaryKey()];
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("request_sequences")
    .addColumn("year", "integer", (col) => col.primaryKey())
    .addColumn("last_sequence", "integer", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("requests")
    .addColumn("reference", "text", (col) => col.primaryKey())
    .addColumn("year", "integer", (col) => col.notNull())
    .addColumn("sequence", "integer", (col) => col.notNull())
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("member_state", "text", (col) => col.notNull())
    .addColumn("agency", "text")
    .addColumn("themes", "text", (col) => col.notNull())
    .addColumn("related_event_id", "text", (col) => col.references("events.id").onDelete("set null"))
    .addColumn("summary", "text", (col) => col.notNull())
    .addColumn("details", "text", (col) => col.notNull())
    .addColumn("priority", "text", (col) => col.notNull())
    .addColumn("requester_name", "text", (col) => col.notNull())
    .addColumn("requester_email", "text")
    .addColumn("requester_organization", "text")
    .addColumn("requester_slack_user_id", "text")
    .addColumn("requester_slack_team_id", "text")
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addUniqueConstraint("requests_year_sequence", ["year", "sequence"])
    .execute();
  await db.schema
    .createIndex("requests_created")
    .on("requests")
    .columns(["created_at", "reference"])
    .execute();
  await db.schema.createIndex("requests_status").on("requests").columns(["status", "created_at"]).execute();
  await db.schema
    .createIndex("requests_member_state")
    .on("requests")
    .columns(["member_state", "created_at"])
    .execute();
  await db.schema.createIndex("requests_type").on("requests").columns(["type", "created_at"]).execute();
  await db.schema
    .createIndex("requests_requester_slack")
    .on("requests")
    .columns(["requester_slack_user_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("requests_requester_email")
    .on("requests")
    .columns(["requester_email", "created_at"])
    .execute();

  await db.schema
    .createTable("request_history")
    .addColumn("id", ...serialKey(db))
    .addColumn("reference", "text", (col) =>
      col.notNull().references("requests.reference").onDelete("cascade"),
    )
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor", "text", (col) => col.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (col) => col.notNull())
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("request_history_reference")
    .on("request_history")
    .columns(["reference", "id"])
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("api_key_id", "text", (col) => col.notNull())
    .addColumn("body_hash", "text", (col) => col.notNull())
    .addColumn("status_code", "integer")
    .addColumn("response_body", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["api_key_id", "key"])
    .execute();
  await db.schema
    .createIndex("idempotency_keys_created")
    .on("idempotency_keys")
    .column("created_at")
    .execute();

  await db.schema
    .createTable("activity")
    .addColumn("id", ...serialKey(db))
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("data", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("webhooks")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("url", "text", (col) => col.notNull())
    .addColumn("events", "text", (col) => col.notNull())
    .addColumn("secret", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("disabled_at", "text")
    .addColumn("disabled_reason", "text")
    .addColumn("deleted_at", "text")
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("webhook_id", "text", (col) => col.notNull().references("webhooks.id").onDelete("cascade"))
    .addColumn("activity_id", "integer", (col) => col.notNull())
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (col) => col.notNull())
    .addColumn("last_attempt_at", "text")
    .addColumn("last_status_code", "integer")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("delivered_at", "text")
    .addColumn("locked_until", "text")
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_webhook")
    .on("webhook_deliveries")
    .columns(["webhook_id", "created_at"])
    .execute();

  await db.schema
    .createTable("webhook_attempts")
    .addColumn("id", ...serialKey(db))
    .addColumn("delivery_id", "text", (col) =>
      col.notNull().references("webhook_deliveries.id").onDelete("cascade"),
    )
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("status_code", "integer")
    .addColumn("error", "text")
    .addColumn("duration_ms", "integer", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_attempts_delivery")
    .on("webhook_attempts")
    .columns(["delivery_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "webhook_attempts",
    "webhook_deliveries",
    "webhooks",
    "activity",
    "idempotency_keys",
    "request_history",
    "requests",
    "request_sequences",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
