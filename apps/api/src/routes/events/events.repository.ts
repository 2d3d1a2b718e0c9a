import type {
  Event,
  EventKind,
  EventStatus,
  RegionCode,
  RegistrationStatus,
  ThemeCode,
  ValidNewEvent,
} from "@bsi/domain";
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database, EventRow, NewEventRow } from "../../db/database.js";
import { isPostgres } from "../../db/dialect.js";
import type { SearchIndex, SearchTerms } from "../../search/search-index.js";

export function rowToEvent(row: EventRow): Event {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as EventKind,
    status: row.status as EventStatus,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    timeZone: row.time_zone,
    city: row.city,
    country: row.country,
    online: Boolean(row.online),
    region: row.region as RegionCode | null,
    organizers: JSON.parse(row.organizers) as string[],
    partners: JSON.parse(row.partners) as string[],
    themes: JSON.parse(row.themes) as ThemeCode[],
    summary: row.summary,
    registration: {
      status: row.registration_status as Event["registration"]["status"],
      deadline: row.registration_deadline,
    },
    sourceUrl: row.source_url,
    sample: Boolean(row.sample),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function eventToRow(event: Event): NewEventRow {
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    status: event.status,
    starts_on: event.startsOn,
    ends_on: event.endsOn,
    time_zone: event.timeZone,
    city: event.city,
    country: event.country,
    online: event.online ? 1 : 0,
    region: event.region,
    organizers: JSON.stringify(event.organizers),
    partners: JSON.stringify(event.partners),
    themes: JSON.stringify(event.themes),
    summary: event.summary,
    registration_status: event.registration.status,
    registration_deadline: event.registration.deadline,
    source_url: event.sourceUrl,
    sample: event.sample ? 1 : 0,
    created_at: event.createdAt,
    updated_at: event.updatedAt,
  };
}

/** Places: an event is at one when its country, its region or its city is among these. */
export interface EventPlaces {
  countries?: readonly string[] | undefined;
  regions?: readonly RegionCode[] | undefined;
  cities?: readonly string[] | undefined;
}

export interface EventFilters extends EventPlaces {
  /** Events that end on or after this date. */
  from?: string | undefined;
  /** Events that start on or before this date. */
  to?: string | undefined;
  kinds?: readonly EventKind[] | undefined;
  themes?: readonly ThemeCode[] | undefined;
  statuses?: readonly EventStatus[] | undefined;
  /** Events at any of these places are left out. */
  exclude?: EventPlaces | undefined;
  online?: boolean | undefined;
  sample?: boolean | undefined;
  /** Events that any of these organizations (ORGANIZATIONS codes) runs or partners. */
  organizations?: readonly string[] | undefined;
  registration?: readonly RegistrationStatus[] | undefined;
  /** Events whose registration is open on this day: status open, deadline not passed. */
  registrationOpenOn?: string | undefined;
  search?: SearchTerms | undefined;
}

export type EventOrder = "asc" | "desc";

export interface EventPage {
  /** Keyset position: events after (startsOn, id) in the listing order. */
  after?: { startsOn: string; id: string } | undefined;
  /** Offset, used for ranked search results. */
  offset?: number | undefined;
  limit: number;
  order: EventOrder;
}

type EventQuery = SelectQueryBuilder<Database, "events", object>;

/** The columns to compare for each kind of place given, with the values. */
function placeColumns(
  places: EventPlaces,
): Array<{ column: "events.country" | "events.region" | "events.city"; values: string[] }> {
  const columns: ReturnType<typeof placeColumns> = [];
  if (places.countries?.length) columns.push({ column: "events.country", values: [...places.countries] });
  if (places.regions?.length) columns.push({ column: "events.region", values: [...places.regions] });
  if (places.cities?.length) columns.push({ column: "events.city", values: [...places.cities] });
  return columns;
}

function applyFilters(query: EventQuery, filters: EventFilters): EventQuery {
  let q = query;
  if (filters.from) q = q.where("events.ends_on", ">=", filters.from);
  if (filters.to) q = q.where("events.starts_on", "<=", filters.to);
  if (filters.kinds?.length) q = q.where("events.kind", "in", [...filters.kinds]);
  if (filters.statuses?.length) q = q.where("events.status", "in", [...filters.statuses]);
  if (filters.online !== undefined) q = q.where("events.online", "=", filters.online ? 1 : 0);
  if (filters.sample !== undefined) q = q.where("events.sample", "=", filters.sample ? 1 : 0);
  if (filters.registration?.length)
    q = q.where("events.registration_status", "in", [...filters.registration]);
  if (filters.registrationOpenOn) {
    const day = filters.registrationOpenOn;
    q = q
      .where("events.registration_status", "=", "open")
      .where((eb) =>
        eb.or([
          eb("events.registration_deadline", "is", null),
          eb("events.registration_deadline", ">=", day),
        ]),
      );
  }
  const places = placeColumns(filters);
  if (places.length > 0) {
    // A place matches by country, by region or by city: "the Sahel" finds events in Mali as well.
    q = q.where((eb) => eb.or(places.map((place) => eb(place.column, "in", place.values))));
  }
  for (const place of placeColumns(filters.exclude ?? {})) {
    // An online event has no country: NOT IN alone would leave it out too (NULL is neither in nor out).
    q = q.where((eb) => eb.or([eb(place.column, "is", null), eb(place.column, "not in", place.values)]));
  }
  if (filters.themes?.length) {
    const themes = [...filters.themes];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("event_themes")
          .select("event_themes.event_id")
          .whereRef("event_themes.event_id", "=", "events.id")
          .where("event_themes.theme", "in", themes),
      ),
    );
  }
  return q;
}

/** Lists events: filtered, in date order (or by relevance when searching), one page at a time. */
export async function listEvents(
  db: Kysely<Database>,
  search: SearchIndex,
  filters: EventFilters,
  page: EventPage,
): Promise<{ events: Event[]; hasMore: boolean }> {
  let query = db.selectFrom("events") as EventQuery;
  query = applyFilters(query, filters);
  if (filters.organizations?.length) {
    const organized = search.eventsWithOrganizations(filters.organizations);
    query = query.where(sql<boolean>`events.id IN ${organized}`);
  }
  const fetch = page.limit + 1;
  let rows: EventRow[];
  if (filters.search) {
    const matches = search.matchEvents(filters.search);
    rows = await query
      .innerJoin(matches.as("matches"), (join) => join.onRef("matches.id", "=", "events.id"))
      .selectAll("events")
      .orderBy("matches.rank")
      .orderBy("events.starts_on", page.order)
      .orderBy("events.id", page.order)
      .limit(fetch)
      .offset(page.offset ?? 0)
      .execute();
  } else {
    let keyed = query.selectAll("events");
    if (page.after) {
      const { startsOn, id } = page.after;
      const op = page.order === "asc" ? ">" : "<";
      keyed = keyed.where((eb) =>
        eb.or([
          eb("events.starts_on", op, startsOn),
          eb.and([eb("events.starts_on", "=", startsOn), eb("events.id", op, id)]),
        ]),
      );
    }
    rows = await keyed
      .orderBy("events.starts_on", page.order)
      .orderBy("events.id", page.order)
      .limit(fetch)
      .execute();
  }
  const hasMore = rows.length > page.limit;
  return { events: rows.slice(0, page.limit).map(rowToEvent), hasMore };
}

export async function countEvents(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("events")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findEvent(db: Kysely<Database>, id: string): Promise<Event | undefined> {
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? rowToEvent(row) : undefined;
}

export async function findEventsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Event[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, rowToEvent(row)]));
  return ids.map((id) => byId.get(id)).filter((event): event is Event => event !== undefined);
}

/** Distinct city names in the catalogue (the assistant recognises them in questions). */
export async function listCities(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom("events")
    .select("city")
    .distinct()
    .where("city", "is not", null)
    .execute();
  return rows.map((row) => row.city).filter((city): city is string => city !== null);
}

async function writeThemes(db: Kysely<Database>, event: Event): Promise<void> {
  await db.deleteFrom("event_themes").where("event_id", "=", event.id).execute();
  if (event.themes.length > 0) {
    await db
      .insertInto("event_themes")
      .values([...new Set(event.themes)].map((theme) => ({ event_id: event.id, theme })))
      .execute();
  }
}

/** Inserts an event with its theme rows and search entry; call inside a transaction. */
export async function insertEvent(
  db: Kysely<Database>,
  search: SearchIndex,
  input: ValidNewEvent,
  at: string,
): Promise<Event> {
  // A theme listed twice is kept once.
  const event: Event = { ...input, themes: [...new Set(input.themes)], createdAt: at, updatedAt: at };
  await db.insertInto("events").values(eventToRow(event)).execute();
  await writeThemes(db, event);
  await search.indexEvent(db, event);
  return event;
}

/** Replaces an event's fields; call inside a transaction. */
export async function saveEvent(db: Kysely<Database>, search: SearchIndex, event: Event): Promise<void> {
  const { id, created_at: _createdAt, ...changes } = eventToRow(event);
  await db.updateTable("events").set(changes).where("id", "=", id).execute();
  await writeThemes(db, event);
  await search.indexEvent(db, event);
}

/**
 * Holds the event's row until the transaction ends, on PostgreSQL, so no request can start naming it
 * meanwhile: a filing's foreign-key check waits for the lock, then finds the event gone (or still
 * there, if this transaction did not delete it). SQLite has one writer at a time already.
 */
export async function lockEvent(db: Kysely<Database>, id: string): Promise<void> {
  if (isPostgres(db)) await db.selectFrom("events").select("id").where("id", "=", id).forUpdate().execute();
}

/** The references of the requests naming the event (at most 6, oldest first). */
export async function requestsNamingEvent(db: Kysely<Database>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom("requests")
    .select("reference")
    .where("related_event_id", "=", id)
    .orderBy("created_at")
    .limit(6)
    .execute();
  return rows.map((row) => row.reference);
}

export async function deleteEvent(db: Kysely<Database>, search: SearchIndex, id: string): Promise<boolean> {
  await search.removeEvent(db, id);
  const result = await db.deleteFrom("events").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
