import { NewEventSchema, NewPracticeSchema, todayIn } from "@bsi/domain";
import type { Kysely } from "kysely";
import { bumpCatalogueVersion } from "../../catalogue/catalogue-version.js";
import { findEvent, insertEvent } from "../../routes/events/events.repository.js";
import { findPractice, insertPractice } from "../../routes/practices/practices.repository.js";
import type { SearchIndex } from "../../search/search-index.js";
import type { Database } from "../database.js";
import { serializeCatalogueSetup } from "../dialect.js";
import { HISTORICAL_EVENTS } from "./historical-events.js";
import { PRACTICES } from "./practices.js";
import { buildSampleProgramme } from "./sample-programme.js";

/** The ids the seed has ever added, so a record an operator deleted is not added again. */
const LEDGER = "seeded_ids";

async function readLedger(trx: Kysely<Database>): Promise<Set<string>> {
  const row = await trx.selectFrom("settings").select("value").where("key", "=", LEDGER).executeTakeFirst();
  if (!row) return new Set();
  try {
    const ids = JSON.parse(row.value) as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []);
  } catch {
    return new Set();
  }
}

async function writeLedger(trx: Kysely<Database>, ids: Set<string>): Promise<void> {
  const value = JSON.stringify([...ids].sort());
  await trx
    .insertInto("settings")
    .values({ key: LEDGER, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/**
 * Seeds the historical catalogue, the good practices and the sample programme, each record once in
 * the life of the database: records that exist (by id) are left as they are, so edits are kept, and
 * a record the seed added once and an operator deleted stays deleted. On PostgreSQL, instances
 * starting together seed one after the other.
 */
export async function seedCatalogue(
  db: Kysely<Database>,
  search: SearchIndex,
  now: Date,
): Promise<{ events: number; practices: number }> {
  const at = now.toISOString();
  const events = [...HISTORICAL_EVENTS, ...buildSampleProgramme(todayIn("UTC", now))].map((event) =>
    NewEventSchema.parse(event),
  );
  const practices = PRACTICES.map((practice) => NewPracticeSchema.parse(practice));
  return db.transaction().execute(async (trx) => {
    await serializeCatalogueSetup(trx);
    const seeded = await readLedger(trx);
    const before = seeded.size;
    let addedEvents = 0;
    let addedPractices = 0;
    for (const event of events) {
      const key = `event:${event.id}`;
      if (seeded.has(key)) continue;
      seeded.add(key);
      if (await findEvent(trx, event.id)) continue;
      await insertEvent(trx, search, event, at);
      addedEvents += 1;
    }
    for (const practice of practices) {
      const key = `practice:${practice.id}`;
      if (seeded.has(key)) continue;
      seeded.add(key);
      if (await findPractice(trx, practice.id)) continue;
      await insertPractice(trx, search, practice, at);
      addedPractices += 1;
    }
    if (seeded.size > before) await writeLedger(trx, seeded);
    if (addedEvents + addedPractices > 0) await bumpCatalogueVersion(trx);
    return { events: addedEvents, practices: addedPractices };
  });
}
