import { NewEventSchema, NewPracticeSchema, todayIn } from "@bsi/domain";
import type { Kysely } from "kysely";
import { bumpCatalogueVersion } from "../../catalogue/catalogue-version.js";
import { findEvent, insertEvent } from "../../routes/events/events.repository.js";
import { findPractice, insertPractice } from "../../routes/practices/practices.repository.js";
import type { SearchIndex } from "../../search/search-index.js";
import type { Database } from "../database.js";
import { HISTORICAL_EVENTS } from "./historical-events.js";
import { PRACTICES } from "./practices.js";
import { buildSampleProgramme } from "./sample-programme.js";

/**
 * Seeds the historical catalogue, the good practices and the sample programme. Idempotent: records
 * that exist (by id) are left as they are, so a second start adds nothing and keeps edits.
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
    let addedEvents = 0;
    let addedPractices = 0;
    for (const event of events) {
      if (await findEvent(trx, event.id)) continue;
      await insertEvent(trx, search, event, at);
      addedEvents += 1;
    }
    for (const practice of practices) {
      if (await findPractice(trx, practice.id)) continue;
      await insertPractice(trx, search, practice, at);
      addedPractices += 1;
    }
    if (addedEvents + addedPractices > 0) await bumpCatalogueVersion(trx);
    return { events: addedEvents, practices: addedPractices };
  });
}
