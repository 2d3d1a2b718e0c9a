import type { Kysely } from "kysely";

/**
 * When a disabled webhook was turned back on: failures before that moment no longer count toward
 * disabling it again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("webhooks").addColumn("enabled_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("webhooks").dropColumn("enabled_at").execute();
}
