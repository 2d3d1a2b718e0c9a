import { interpret, quoteTyped, writeAnswer } from "@bsi/assistant";
import { todayIn } from "@bsi/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import { hasScope } from "../../auth/authenticate.js";
import { ResponseCache, readCatalogueVersion } from "../../catalogue/catalogue-version.js";
import type { Database } from "../../db/database.js";
import { respond } from "../../lib/response-headers.js";
import type { AppEnv } from "../../lib/types.js";
import { listCities } from "../events/events.repository.js";
import type * as routes from "./ask.routes.js";
import { runAskQuery } from "./ask.runner.js";

/**
 * The zone that makes "today" the asker's day: `2026-11-24T23:30:00-05:00` was still the 24th where
 * it was asked. Offsets that are not whole hours fall back to UTC.
 */
export function timeZoneOf(now: string | undefined): string {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(now ?? "");
  if (match?.[3] !== "00") return "UTC";
  const hours = Number(match[2]);
  // Etc/GMT zones run from Etc/GMT-14 to Etc/GMT+12.
  if (hours === 0 || hours > (match[1] === "+" ? 14 : 12)) return "UTC";
  // IANA's Etc/GMT zones count the other way round: UTC-05:00 is Etc/GMT+5.
  return `Etc/GMT${match[1] === "+" ? "-" : "+"}${hours}`;
}

/** The catalogue's city names, read again only when the catalogue changes. */
const citiesByDatabase = new WeakMap<Kysely<Database>, { version: string; cities: string[] }>();

async function catalogueCities(db: Kysely<Database>): Promise<string[]> {
  const version = await readCatalogueVersion(db);
  const cached = citiesByDatabase.get(db);
  if (cached && cached.version === version) return cached.cities;
  const cities = await listCities(db);
  citiesByDatabase.set(db, { version, cities });
  return cities;
}

const answerCaches = new WeakMap<object, ResponseCache>();

/**
 * Answers depend only on the question, the asker's day and the catalogue, so they are kept per
 * catalogue version (read from the database, shared by every instance): a question asked again
 * today costs one small read. Request-status answers are never kept; they change with the request.
 *
 * 4 MB holds some 450 answers of average size. The oldest answer goes first, so questions asked in a
 * round larger than the cache are never found in it: the benchmark's 282 questions take 2.4 MB, and
 * under that every one of them would be computed again, some forty times slower than a hit.
 */
function answerCacheFor(deps: object): ResponseCache {
  let cache = answerCaches.get(deps);
  if (!cache) {
    cache = new ResponseCache(2000, 4 * 1024 * 1024);
    answerCaches.set(deps, cache);
  }
  return cache;
}

export const ask: RouteHandler<typeof routes.ask, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const deps = c.get("deps");
  const now = body.now ? new Date(body.now) : deps.now();
  const timeZone = timeZoneOf(body.now);
  const today = todayIn(timeZone, now);
  const canReadRequests = hasScope(c, "requests:read");
  const version = await readCatalogueVersion(deps.handle.db, deps.handle.sqlite);
  const cacheKey = `${version}|${today}|${timeZone}|${canReadRequests}|${body.question}`;
  const cache = answerCacheFor(deps);
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return respond(c, cached) as never;

  const cities = await catalogueCities(deps.handle.db);
  const query = interpret(body.question, { now, timeZone, cities });
  const outcome = await runAskQuery(deps, query, { today, canReadRequests });
  const unmatchedWords = outcome.unmatchedWords && [quoteTyped(body.question, outcome.unmatchedWords)];
  const text = writeAnswer(query, { ...outcome, unmatchedWords }, { today });
  const answer = JSON.stringify({
    intent: query.intent,
    language: query.language,
    query,
    text,
    events: outcome.events,
    practices: outcome.practices,
    requests: outcome.requests,
    fallback: outcome.fallback !== null,
    fallbackKind: outcome.fallback,
    anchor: outcome.anchor ?? null,
  });
  if (query.intent !== "request_status" && outcome.requests.length === 0) cache.set(cacheKey, answer);
  return respond(c, answer) as never;
};
