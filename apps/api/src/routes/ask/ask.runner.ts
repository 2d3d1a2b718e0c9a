import type {
  AskQuery,
  EventQuery,
  EventQueryFilters,
  FallbackKind,
  PracticeQueryFilters,
  RequestAccess,
} from "@bsi/assistant";
import {
  addDays,
  EVENT_STATUSES,
  type Event,
  type EventStatus,
  getRegion,
  type Practice,
  type Request,
  type ThemeCode,
} from "@bsi/domain";
import type { AppDeps } from "../../lib/types.js";
import { type EventFilters, listEvents } from "../events/events.repository.js";
import { listPractices } from "../practices/practices.repository.js";
import { findRequestWithHistory } from "../requests/requests.repository.js";

/** What a question found, before it is worded. */
export interface AskOutcome {
  events: Event[];
  practices: Practice[];
  requests: Request[];
  fallback: FallbackKind | null;
  requestAccess?: RequestAccess;
  /** More events match than are returned. */
  hasMore?: boolean;
  /** The event the question counted from ("after the Sahel workshop"), when one was found. */
  anchor?: Event;
  /** The question's other words, when they were looked for and no event contains them. */
  unmatchedWords?: string[];
}

export interface AskContext {
  /** Today as the question sees it (YYYY-MM-DD). */
  today: string;
  /** The caller's key has requests:read. */
  canReadRequests: boolean;
}

/** Items returned for a listing: enough for a few "Show more" pages in Slack. */
const LIST_LIMIT = 20;
/** Items offered when the answer is a fallback. */
const FALLBACK_LIMIT = 5;
const LIVE_STATUSES: EventStatus[] = EVENT_STATUSES.filter((status) => status !== "cancelled");

const EMPTY: AskOutcome = { events: [], practices: [], requests: [], fallback: null };

/**
 * Looks up a request for a status question. The one place the ask route reaches into requests:
 * swap it out (or return "unavailable") if requests ever live in another service.
 */
export async function lookUpRequestForStatus(
  deps: AppDeps,
  reference: string,
): Promise<{ access: RequestAccess; request: Request | undefined }> {
  return { access: "granted", request: await findRequestWithHistory(deps.handle.db, reference) };
}

/** Runs an interpreted question on the catalogue (and, for status questions, on the requests). */
export async function runAskQuery(deps: AppDeps, query: AskQuery, context: AskContext): Promise<AskOutcome> {
  switch (query.intent) {
    case "upcoming_events":
    case "next_event":
    case "find_events":
    case "past_events":
      return answerEvents(deps, query, context.today);
    case "practices":
      return answerPractices(deps, query.filters);
    case "request_status": {
      const reference = query.filters.reference;
      if (!reference) return EMPTY;
      if (!context.canReadRequests) return { ...EMPTY, requestAccess: "forbidden" };
      const { access, request } = await lookUpRequestForStatus(deps, reference);
      return { ...EMPTY, requests: request ? [request] : [], requestAccess: access };
    }
    case "unknown":
      return searchEverything(deps, query.filters.words);
    case "how_to_request":
    case "help":
    case "greeting":
      return EMPTY;
  }
}

/** The countries named and those of the regions named: "the Sahel" holds Mali. */
function countriesOf(places: Pick<EventQueryFilters, "countries" | "regions">): string[] | undefined {
  const countries = new Set(places.countries ?? []);
  for (const region of places.regions ?? [])
    for (const country of getRegion(region).countries) countries.add(country);
  return countries.size > 0 ? [...countries] : undefined;
}

/**
 * The repository's filters for a question's: a region counts its member countries too, so that "the
 * Sahel" finds an event in Mali filed under West Africa (and "not in the Sahel" leaves it out);
 * cancelled events are left out unless the question asks for them.
 */
/** A question's filters, with the day a registration must still be open on ("open registration"). */
type RunFilters = EventQueryFilters & { registrationOpenOn?: string };

export function toEventFilters(filters: RunFilters): EventFilters {
  const { exclude } = filters;
  return {
    from: filters.from,
    to: filters.to,
    kinds: filters.kinds,
    countries: countriesOf(filters),
    regions: filters.regions,
    cities: filters.cities,
    ...(exclude ? { exclude: { ...exclude, countries: countriesOf(exclude) } } : {}),
    themes: filters.themes,
    online: filters.online,
    organizations: filters.organizations,
    statuses: filters.statuses ?? LIVE_STATUSES,
    ...(filters.registration && filters.registration !== "open"
      ? { registration: [filters.registration] }
      : {}),
    ...(filters.registrationOpenOn ? { registrationOpenOn: filters.registrationOpenOn } : {}),
    sample: filters.sample,
  };
}

/** Events still running today are not past events, though they started before today. */
const ONGOING_MARGIN = 10;

/** Events found, and whether the question's other words were looked for among them in vain. */
interface Found {
  events: Event[];
  wordsUnmatched: boolean;
}

/**
 * Events matching the filters, in date order; when the question had words the filters did not
 * explain, the events that also contain them come first. `endedBefore` keeps only events over by then.
 */
async function findEvents(
  deps: AppDeps,
  filters: RunFilters,
  order: "asc" | "desc",
  limit: number,
  endedBefore?: string,
): Promise<Found> {
  const { db } = deps.handle;
  const base = toEventFilters(filters);
  const size = endedBefore ? limit + ONGOING_MARGIN : limit;
  const keep = (events: Event[]) =>
    endedBefore ? events.filter((event) => event.endsOn < endedBefore) : events;
  const events = keep((await listEvents(db, deps.search, base, { limit: size, order })).events);
  const words = filters.words ?? [];
  if (words.length === 0 || events.length === 0)
    return { events: events.slice(0, limit), wordsUnmatched: false };
  const matching = keep(
    (await listEvents(db, deps.search, { ...base, search: { words } }, { limit: size, order })).events,
  );
  const first = new Set(matching.map((event) => event.id));
  return {
    events: [...matching, ...events.filter((event) => !first.has(event.id))].slice(0, limit),
    wordsUnmatched: matching.length === 0,
  };
}

function hasPlace(filters: EventQueryFilters): boolean {
  return Boolean(filters.countries?.length || filters.regions?.length || filters.cities?.length);
}

function placeOnly(filters: EventQueryFilters): EventQueryFilters {
  return {
    countries: filters.countries,
    regions: filters.regions,
    cities: filters.cities,
    exclude: filters.exclude,
  };
}

/**
 * Events for an event question. When nothing matches, widens step by step and says how: the same
 * question at other dates, then anything at the same place, then (for a question without dates) the
 * most recent past ones, then the question's words in full-text search, then the next events anywhere.
 * Places the question left out stay out at every step.
 */
async function answerEvents(deps: AppDeps, query: EventQuery, today: string): Promise<AskOutcome> {
  const relativeTo = query.filters.relativeTo;
  const anchor = relativeTo ? await findAnchor(deps, relativeTo, today) : undefined;
  const filters = anchor ? countFrom(query.filters, anchor) : query.filters;
  // "Open registration" means open today, whatever the dates asked about.
  const dated: RunFilters =
    filters.registration === "open" ? { ...filters, registrationOpenOn: today } : filters;
  const outcome = await answerEventsFrom(deps, query, today, dated);
  return anchor ? { ...outcome, anchor } : outcome;
}

/** The event a question counts from: the first upcoming one that matches, else the most recent one. */
async function findAnchor(
  deps: AppDeps,
  relativeTo: NonNullable<EventQueryFilters["relativeTo"]>,
  today: string,
): Promise<Event | undefined> {
  const { position: _position, ...described } = relativeTo;
  const [upcoming] = (await findEvents(deps, { ...described, from: today }, "asc", 1)).events;
  if (upcoming) return upcoming;
  const found = await findEvents(deps, { ...described, to: addDays(today, -1) }, "desc", 1, today);
  return found.events[0];
}

/** The question's filters bounded by the event counted from: after its last day, or before its first. */
function countFrom(filters: EventQueryFilters, anchor: Event): EventQueryFilters {
  if (filters.relativeTo?.position === "before") {
    const before = addDays(anchor.startsOn, -1);
    return { ...filters, to: filters.to && filters.to < before ? filters.to : before };
  }
  const after = addDays(anchor.endsOn, 1);
  return { ...filters, from: filters.from && filters.from > after ? filters.from : after };
}

async function answerEventsFrom(
  deps: AppDeps,
  query: EventQuery,
  today: string,
  filters: RunFilters,
): Promise<AskOutcome> {
  const isPast = query.intent === "past_events";
  const limit = query.intent === "next_event" ? 1 : (filters.limit ?? LIST_LIMIT);
  // "The next workshop and the next conference": the next event of each kind.
  if (query.intent === "next_event" && (filters.kinds?.length ?? 0) > 1) {
    const nextOfEach = await Promise.all(
      (filters.kinds ?? []).map(
        async (kind) => (await findEvents(deps, { ...filters, kinds: [kind] }, "asc", 1)).events,
      ),
    );
    const events = nextOfEach.flat().sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    if (events.length > 1) return { ...EMPTY, events };
  }
  const words = filters.words ?? [];
  /** Whether no event anywhere in the catalogue (places left out aside) contains the words. */
  let isNowhere: boolean | undefined;
  const wordsAreNowhere = async () => {
    isNowhere ??= (await searchEvents(deps, words, filters.exclude)).length === 0;
    return isNowhere;
  };
  /** The words are named in the answer when no event shown contains them, nor any other. */
  const withWords = async (outcome: AskOutcome, found: Found): Promise<AskOutcome> =>
    found.wordsUnmatched && (await wordsAreNowhere()) ? { ...outcome, unmatchedWords: words } : outcome;
  const found = await findEvents(
    deps,
    filters,
    isPast ? "desc" : "asc",
    limit + 1,
    isPast ? today : undefined,
  );
  if (found.events.length > 0) {
    const events = found.events;
    return withWords(
      { ...EMPTY, events: events.slice(0, limit), ...(events.length > limit ? { hasMore: true } : {}) },
      found,
    );
  }

  const yesterday = addDays(today, -1);
  const hasDates = isPast
    ? filters.from !== undefined || (filters.to !== undefined && filters.to < yesterday)
    : filters.to !== undefined || (filters.from !== undefined && filters.from > today);
  const narrows = Boolean(
    filters.kinds?.length ||
      filters.themes?.length ||
      filters.organizations?.length ||
      filters.statuses?.length ||
      filters.registration ||
      filters.sample !== undefined ||
      filters.online !== undefined,
  );
  const atPlace = hasPlace(filters);
  const upcoming = (from: EventQueryFilters, size = limit) =>
    findEvents(deps, { ...from, from: today, to: undefined }, "asc", size);
  const past = (from: EventQueryFilters) =>
    findEvents(deps, { ...from, from: undefined, to: yesterday }, "desc", FALLBACK_LIMIT, today);

  const attempts: Array<[FallbackKind, () => Promise<Found>]> = [];
  if (isPast) {
    if (hasDates) attempts.push(["past_only", () => past(filters)]);
  } else {
    if (hasDates && (atPlace || narrows)) attempts.push(["later_dates", () => upcoming(filters)]);
    if (atPlace && narrows) attempts.push(["same_place", () => upcoming(placeOnly(filters), FALLBACK_LIMIT)]);
    if (!hasDates && (atPlace || narrows)) attempts.push(["past_only", () => past(filters)]);
  }
  if (words.length > 0) {
    attempts.push([
      "search",
      async () => {
        const events = await searchEvents(deps, words, filters.exclude);
        isNowhere = events.length === 0;
        return { events, wordsUnmatched: isNowhere };
      },
    ]);
  }
  // "Cancelled events?", "by invitation only?": none is the answer; other events are not a stand-in.
  const asksForAStatus = Boolean(filters.statuses?.length || filters.registration);
  if (!isPast && !asksForAStatus) {
    attempts.push(["upcoming_anywhere", () => upcoming({ exclude: filters.exclude }, FALLBACK_LIMIT)]);
  }

  for (const [fallback, attempt] of attempts) {
    const found = await attempt();
    if (found.events.length > 0) {
      return withWords(
        { ...EMPTY, events: found.events, fallback },
        { ...found, wordsUnmatched: isNowhere === true || found.wordsUnmatched },
      );
    }
  }
  return isNowhere ? { ...EMPTY, unmatchedWords: words } : EMPTY;
}

async function searchEvents(
  deps: AppDeps,
  words: string[],
  exclude?: EventQueryFilters["exclude"],
): Promise<Event[]> {
  const { events } = await listEvents(
    deps.handle.db,
    deps.search,
    { ...toEventFilters({ exclude }), search: { words } },
    { limit: FALLBACK_LIMIT, order: "asc" },
  );
  return events;
}

async function searchPractices(deps: AppDeps, words: string[], limit = FALLBACK_LIMIT): Promise<Practice[]> {
  const { practices } = await listPractices(deps.handle.db, deps.search, { search: { words } }, { limit });
  return practices;
}

/**
 * Practices on the question's themes, most relevant first: those on more of the themes asked, then the
 * more focused ones (fewer themes), then those that also contain the question's other words.
 */
async function answerPractices(deps: AppDeps, filters: PracticeQueryFilters): Promise<AskOutcome> {
  const themes = filters.themes ?? [];
  const words = filters.words ?? [];
  if (themes.length === 0) {
    // Words alone ("resolution 2396"): the practices that hold them are the answer, not a fallback.
    if (words.length > 0) return { ...EMPTY, practices: await searchPractices(deps, words) };
    const { practices } = await listPractices(deps.handle.db, deps.search, {}, { limit: 50 });
    return { ...EMPTY, practices };
  }
  const { practices } = await listPractices(deps.handle.db, deps.search, { themes }, { limit: 50 });
  if (practices.length === 0) {
    if (words.length === 0) return EMPTY;
    const searched = await searchPractices(deps, words);
    return searched.length > 0 ? { ...EMPTY, practices: searched, fallback: "search" } : EMPTY;
  }
  const withWords =
    words.length > 0 ? new Set((await searchPractices(deps, words, 50)).map((p) => p.id)) : new Set();
  const asked = new Set<ThemeCode>(themes);
  const score = (practice: Practice) => practice.themes.filter((theme) => asked.has(theme)).length;
  const ranked = [...practices].sort(
    (a, b) =>
      score(b) - score(a) ||
      Number(withWords.has(b.id)) - Number(withWords.has(a.id)) ||
      a.themes.length - b.themes.length ||
      a.title.localeCompare(b.title),
  );
  return { ...EMPTY, practices: ranked.slice(0, LIST_LIMIT) };
}

/** A question not understood: its words in full-text search over events and practices. */
async function searchEverything(deps: AppDeps, words: string[]): Promise<AskOutcome> {
  if (words.length === 0) return EMPTY;
  const [events, practices] = await Promise.all([searchEvents(deps, words), searchPractices(deps, words)]);
  if (events.length + practices.length === 0) return { ...EMPTY, unmatchedWords: words };
  return { ...EMPTY, events, practices, fallback: "search" };
}
