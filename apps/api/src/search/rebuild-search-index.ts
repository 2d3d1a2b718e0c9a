import { createHash } from "node:crypto";
import { ORGANIZATIONS, REGIONS, THEMES } from "@bsi/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { serializeCatalogueSetup } from "../db/dialect.js";
import { rowToEvent } from "../routes/events/events.repository.js";
import { rowToPractice } from "../routes/practices/practices.repository.js";
import type { SearchIndex } from "./search-index.js";

/**
 * What the search index holds: raise the number whenever indexEvent or indexPractice start writing
 * something new; the hash follows the tables the index spells out (organizations' names, themes'
 * synonyms, regions), so editing them re-indexes too. A database is indexed again at its next start
 * when its version differs.
 */
export const SEARCH_INDEX_VERSION = `3-${createHash("sha256")
  .update(JSON.stringify([ORGANIZATIONS, THEMES, REGIONS]))
  .digest("hex")
  .slice(0, 12)}`;

const SETTING = "search_index_version";

/**
 * Indexes every event and practice again when the index was written by another version of the code
 * (or a migration reset it), in one transaction; does nothing otherwise. Returns how many records
 * were indexed.
 */
export async function rebuildSearchIndexIfStale(
  db: Kysely<Database>,
  search: SearchIndex,
): Promise<{ events: number; practices: number } | undefined> {
  const isCurrent = async (reader: Kysely<Database>) =>
    (await reader.selectFrom("settings").select("value").where("key", "=", SETTING).executeTakeFirst())
      ?.value === SEARCH_INDEX_VERSION;
  if (await isCurrent(db)) return undefined;
  return db.transaction().execute(async (trx) => {
    await serializeCatalogueSetup(trx);
    // Another instance may have rebuilt it while this one waited for the lock.
    if (await isCurrent(trx)) return undefined;
    const events = await trx.selectFrom("events").selectAll().execute();
    for (const row of events) await search.indexEvent(trx, rowToEvent(row));
    const practices = await trx.selectFrom("practices").selectAll().execute();
    for (const row of practices) await search.indexPractice(trx, rowToPractice(row));
    await trx
      .insertInto("settings")
      .values({ key: SETTING, value: SEARCH_INDEX_VERSION })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: SEARCH_INDEX_VERSION }))
      .execute();
    return { events: events.length, practices: practices.length };
  });
}
