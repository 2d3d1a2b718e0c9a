import {
  type Event,
  type EventKind,
  type EventStatus,
  issuesToFieldErrors,
  type RegionCode,
  type ThemeCode,
  todayIn,
  validateEventRules,
} from "@bsi/domain";
import type { RouteHandler, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { recordActivity } from "../../activity/activity.repository.js";
import {
  bumpCatalogueVersion,
  catalogueChanged,
  ResponseCache,
  readCatalogueVersion,
} from "../../catalogue/catalogue-version.js";
import { isUniqueViolation } from "../../db/constraint-errors.js";
import { AppError } from "../../lib/app-error.js";
import { changedFields } from "../../lib/changed-fields.js";
import { decodeCursor, encodeCursor, invalidCursorError } from "../../lib/cursor.js";
import { splitCsv } from "../../lib/query-schemas.js";
import { respond } from "../../lib/response-headers.js";
import type { AppEnv } from "../../lib/types.js";
import { parseSearchQuery } from "../../search/search-index.js";
import * as repository from "./events.repository.js";
import type * as routes from "./events.routes.js";

type ListQuery = z.infer<typeof routes.ListEventsQuerySchema>;

interface EventCursor {
  s?: string;
  i?: string;
  o?: number;
}

/** Turns validated query parameters into repository filters and a page. */
export function queryToFilters(
  c: Context<AppEnv>,
  query: ListQuery,
): { filters: repository.EventFilters; page: repository.EventPage; cursorScope: string } {
  const today = todayIn("UTC", c.get("deps").now());
  let from = query.from;
  if (query.upcoming === "true" && (!from || from < today)) from = today;
  const filters: repository.EventFilters = {
    from,
    to: query.to,
    kinds: splitCsv(query.kind) as EventKind[],
    countries: splitCsv(query.country),
    regions: splitCsv(query.region) as RegionCode[],
    themes: splitCsv(query.theme) as ThemeCode[],
    statuses: splitCsv(query.status) as EventStatus[],
    online: query.online === undefined ? undefined : query.online === "true",
    sample: query.sample === undefined ? undefined : query.sample === "true",
    search: query.q === undefined ? undefined : parseSearchQuery(query.q),
  };
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  const cursorScope = `events:${JSON.stringify(rest)}`;
  const page: repository.EventPage = {
    limit: query.limit ? Number(query.limit) : 20,
    order: query.order ?? "asc",
  };
  if (query.cursor) {
    const position = decodeCursor<EventCursor>(c.get("deps").cursorKey, cursorScope, query.cursor);
    if (filters.search) {
      if (typeof position.o !== "number" || position.o < 0) throw invalidCursorError();
      page.offset = position.o;
    } else {
      if (typeof position.s !== "string" || typeof position.i !== "string") {
        throw invalidCursorError();
      }
      page.after = { startsOn: position.s, id: position.i };
    }
  }
  return { filters, page, cursorScope };
}

const listCaches = new WeakMap<object, ResponseCache>();

function cacheFor(deps: object): ResponseCache {
  let cache = listCaches.get(deps);
  if (!cache) {
    cache = new ResponseCache();
    listCaches.set(deps, cache);
  }
  return cache;
}

async function listCacheKey(c: Context<AppEnv>): Promise<string> {
  const deps = c.get("deps");
  const version = await readCatalogueVersion(deps.handle.db, deps.handle.sqlite);
  return `${version}|${todayIn("UTC", deps.now())}|${c.req.url}`;
}

/**
 * Serves a listing from the cache before validation: only valid queries are ever cached, keyed by
 * the exact URL, today's date and the catalogue version stored in the database (so every instance
 * sees a write at once). A hit costs one small read instead of a query and a serialization.
 * A listing is the same for every caller, so keyed callers (the Slack bot sends its key on every
 * call) share it; a bad or revoked key has already been refused by `authenticate`.
 */
export const serveCachedListing: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== "GET") return next();
  const key = await listCacheKey(c);
  const cached = cacheFor(c.get("deps")).get(key);
  if (cached !== undefined) return respond(c, cached);
  c.set("listCacheKey" as never, key as never);
  return next();
};

export const listEvents: RouteHandler<typeof routes.listEvents, AppEnv> = async (c) => {
  const deps = c.get("deps");
  const query = c.req.valid("query");
  const { filters, page, cursorScope } = queryToFilters(c, query);
  const { events, hasMore } = await repository.listEvents(deps.handle.db, deps.search, filters, page);
  let nextCursor: string | null = null;
  const last = events.at(-1);
  if (hasMore && last) {
    nextCursor = filters.search
      ? encodeCursor(deps.cursorKey, cursorScope, { o: (page.offset ?? 0) + events.length })
      : encodeCursor(deps.cursorKey, cursorScope, { s: last.startsOn, i: last.id });
  }
  const body = JSON.stringify({ items: events, nextCursor });
  const cacheKey = c.get("listCacheKey" as never) as string | undefined;
  if (cacheKey) cacheFor(deps).set(cacheKey, body);
  return respond(c, body) as never;
};

export const getEvent: RouteHandler<typeof routes.getEvent, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const event = await repository.findEvent(c.get("deps").handle.db, id);
  if (!event) throw new AppError("not_found", `No event has the id ${id}`);
  return c.json(event, 200);
};

export const createEvent: RouteHandler<typeof routes.createEvent, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const taken = () =>
    new AppError("conflict", `An event with the id ${input.id} already exists; choose another id`, {
      errors: [{ field: "id", message: "is already taken" }],
    });
  const event = await deps.handle.db
    .transaction()
    .execute(async (trx) => {
      if (await repository.findEvent(trx, input.id)) throw taken();
      const created = await repository.insertEvent(trx, deps.search, input, at);
      await bumpCatalogueVersion(trx);
      await recordActivity(trx, { type: "event.created", subject: created.id, at, data: { event: created } });
      return created;
    })
    .catch((error: unknown) => {
      // Created by a concurrent call after this one looked (PostgreSQL).
      throw isUniqueViolation(error, { postgres: "events_pkey", sqlite: "events.id" }) ? taken() : error;
    });
  catalogueChanged();
  deps.notifyOutbox();
  return c.json(event, 201, { location: `/v1/events/${event.id}` });
};

export const updateEvent: RouteHandler<typeof routes.updateEvent, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const patch = c.req.valid("json");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const event = await deps.handle.db.transaction().execute(async (trx) => {
    const current = await repository.findEvent(trx, id);
    if (!current) throw new AppError("not_found", `No event has the id ${id}`);
    const changed = changedFields(current, patch as Partial<Event>);
    if (changed.length === 0) return current;
    const next: Event = {
      ...current,
      ...patch,
      themes: [...new Set(patch.themes ?? current.themes)],
      registration: patch.registration ?? current.registration,
      updatedAt: at,
    } as Event;
    const issues = validateEventRules(next);
    if (issues.length > 0) {
      const errors = issuesToFieldErrors(issues);
      throw new AppError(
        "unprocessable",
        `The change would break a rule: ${errors.map((e) => `${e.field} ${e.message}`).join("; ")}`,
        { errors },
      );
    }
    await repository.saveEvent(trx, deps.search, next);
    await bumpCatalogueVersion(trx);
    await recordActivity(trx, {
      type: "event.updated",
      subject: id,
      at,
      data: { event: next, changed },
    });
    return next;
  });
  catalogueChanged();
  deps.notifyOutbox();
  return c.json(event, 200);
};

export const deleteEvent: RouteHandler<typeof routes.deleteEvent, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  await deps.handle.db.transaction().execute(async (trx) => {
    await repository.lockEvent(trx, id);
    const current = await repository.findEvent(trx, id);
    if (!current) throw new AppError("not_found", `No event has the id ${id}`);
    // A request for a seat names its event: deleting the event would leave the request broken.
    const naming = await repository.requestsNamingEvent(trx, id);
    if (naming.length > 0) {
      const listed = naming.length > 5 ? `${naming.slice(0, 5).join(", ")} and others` : naming.join(", ");
      throw new AppError(
        "conflict",
        `${naming.length === 1 ? "Request" : "Requests"} ${listed} ${naming.length === 1 ? "names" : "name"} this event; set its status to cancelled instead of deleting it`,
      );
    }
    await repository.deleteEvent(trx, deps.search, id);
    await bumpCatalogueVersion(trx);
    await recordActivity(trx, { type: "event.deleted", subject: id, at, data: { event: current } });
  });
  catalogueChanged();
  deps.notifyOutbox();
  return c.body(null, 204);
};
