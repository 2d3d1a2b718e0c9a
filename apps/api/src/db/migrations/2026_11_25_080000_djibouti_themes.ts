import { type Kysely, sql } from "kysely";

const ID = "2016-05-djibouti-horn-of-africa-workshop";
const INVENTED = JSON.stringify(["integrated-border-management", "cross-border-cooperation"]);

/**
 * The seed once gave the 2016 Djibouti workshop two themes the public record does not name. Where
 * the event still carries exactly those (an operator's edit is left alone), they are taken off, and
 * the search index is rebuilt at the next start.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const changed =
    await sql`UPDATE events SET themes = '[]' WHERE id = ${ID} AND themes = ${INVENTED}`.execute(db);
  if (Number(changed.numAffectedRows ?? 0) === 0) return;
  await sql`DELETE FROM event_themes WHERE event_id = ${ID}`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'search_index_version'`.execute(db);
}

/** Nothing to undo: the themes were never part of the record. */
export async function down(): Promise<void> {}
