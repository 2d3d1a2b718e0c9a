import {
  EVENT_KINDS,
  EVENT_STATUSES,
  EventPatchSchema,
  IsoDateSchema,
  listCountryCodes,
  NewEventSchema,
  REGION_CODES,
  SlugSchema,
  THEME_CODES,
} from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { needsScope } from "../../auth/authenticate.js";
import {
  bearerSecurity,
  EventResponseSchema,
  invalidKeyProblem,
  locationHeaderOf,
  problem,
  retryLaterProblems,
} from "../../lib/openapi.js";
import {
  BooleanQuerySchema,
  CursorQuerySchema,
  csvOf,
  LimitQuerySchema,
  SearchQuerySchema,
} from "../../lib/query-schemas.js";

const tags = ["Events"];

const ListEventsFieldsSchema = z.strictObject({
  from: IsoDateSchema.optional().openapi({ description: "Events that end on or after this date" }),
  to: IsoDateSchema.optional().openapi({ description: "Events that start on or before this date" }),
  upcoming: BooleanQuerySchema.optional().openapi({
    description: "true: events that end today or later, soonest first",
  }),
  kind: csvOf(EVENT_KINDS, "kind")
    .optional()
    .openapi({ description: "Comma-separated kinds", example: "workshop" }),
  country: csvOf(listCountryCodes(), "country")
    .optional()
    .openapi({ description: "ISO alpha-2 codes", example: "SN,ML" }),
  region: csvOf(REGION_CODES, "region").optional().openapi({ example: "sahel" }),
  theme: csvOf(THEME_CODES, "theme").optional().openapi({ example: "community-engagement" }),
  status: csvOf(EVENT_STATUSES, "status").optional(),
  online: BooleanQuerySchema.optional(),
  sample: BooleanQuerySchema.optional().openapi({ description: "false hides the sample programme" }),
  q: SearchQuerySchema.optional().openapi({
    description:
      "Words to search for in titles, summaries, places, themes, organizers and partners, each matching as a prefix (all must match); leave a word out with -word or NOT word (NOT in capitals). Quotes, *, parentheses, AND and OR are refused.",
  }),
  order: z.enum(["asc", "desc"], { error: () => "must be asc or desc" }).optional(),
  limit: LimitQuerySchema.optional(),
  cursor: CursorQuerySchema.optional(),
});

function checkDateRange(query: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (query.from && query.to && query.to < query.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
  }
}

export const ListEventsQuerySchema = ListEventsFieldsSchema.superRefine(checkDateRange);

/** The listing's filters; only the default limit differs (the feed is not paged). */
export const CalendarFeedQuerySchema = ListEventsFieldsSchema.extend({
  limit: LimitQuerySchema.optional().openapi({
    example: "100",
    description: "The most events in the feed, 1–100 (default 100)",
  }),
}).superRefine(checkDateRange);

export const EventListSchema = z
  .object({ items: z.array(EventResponseSchema), nextCursor: z.string().nullable() })
  .openapi("EventList");

const IdParamSchema = z.object({ id: SlugSchema });

const calendarResponse = {
  description: "An RFC 5545 calendar of all-day events",
  content: { "text/calendar": { schema: z.string() } },
};

/** Documented here; served by a plain route in events.index.ts, ahead of GET /v1/events/{id}. */
export const getEventsCalendar = createRoute({
  method: "get",
  path: "/v1/events.ics",
  tags,
  summary: "Upcoming events as an iCalendar feed (RFC 5545)",
  description:
    "Takes the same filters as GET /v1/events (from/to, limit and cursor included); upcoming events when no dates are given, at most 100 (the default limit) unless `limit` asks for fewer. Public.",
  request: { query: CalendarFeedQuerySchema },
  responses: {
    200: calendarResponse,
    400: problem("A filter, limit or cursor is invalid"),
    401: invalidKeyProblem,
    ...retryLaterProblems,
  },
});

/** Documented here; served by a plain route in events.index.ts. */
export const getEventCalendar = createRoute({
  method: "get",
  path: "/v1/events/{id}.ics",
  tags,
  summary: "One event as an iCalendar file, to add to a calendar",
  request: { params: IdParamSchema },
  responses: {
    200: calendarResponse,
    401: invalidKeyProblem,
    404: problem("No event has this id (a malformed id included)"),
    ...retryLaterProblems,
  },
});

export const listEvents = createRoute({
  method: "get",
  path: "/v1/events",
  tags,
  summary: "List events",
  description:
    "Filters combine with AND; a comma list inside one filter means OR. Ordered by start date (or by relevance with q). Public.",
  request: { query: ListEventsQuerySchema },
  responses: {
    200: { description: "A page of events", content: { "application/json": { schema: EventListSchema } } },
    400: problem("A filter, limit or cursor is invalid"),
    401: invalidKeyProblem,
    ...retryLaterProblems,
  },
});

export const getEvent = createRoute({
  method: "get",
  path: "/v1/events/{id}",
  tags,
  summary: "Get one event",
  request: { params: IdParamSchema },
  responses: {
    200: { description: "The event", content: { "application/json": { schema: EventResponseSchema } } },
    400: problem("The id is malformed (lowercase letters, digits and hyphens)"),
    401: invalidKeyProblem,
    404: problem("No event has this id"),
    ...retryLaterProblems,
  },
});

export const createEvent = createRoute({
  method: "post",
  path: "/v1/events",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("catalog:write")] as const,
  summary: "Create an event (catalog:write)",
  request: { body: { required: true, content: { "application/json": { schema: NewEventSchema } } } },
  responses: {
    201: {
      description: "Created",
      headers: locationHeaderOf("/v1/events/2027-03-dakar-workshop"),
      content: { "application/json": { schema: EventResponseSchema } },
    },
    400: problem("The body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    409: problem("An event with this id exists"),
    422: problem(
      "The event breaks a rule: it ends before it starts, names a city without a country, or its registration deadline is after it ends",
    ),
    ...retryLaterProblems,
  },
});

export const updateEvent = createRoute({
  method: "patch",
  path: "/v1/events/{id}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("catalog:write")] as const,
  summary: "Change an event (catalog:write)",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: EventPatchSchema } } },
  },
  responses: {
    200: {
      description: "The changed event",
      content: { "application/json": { schema: EventResponseSchema } },
    },
    400: problem("The id or the body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    404: problem("No event has this id"),
    422: problem("The change breaks a rule (such as ending before it starts)"),
    ...retryLaterProblems,
  },
});

export const deleteEvent = createRoute({
  method: "delete",
  path: "/v1/events/{id}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("catalog:write")] as const,
  summary: "Delete an event (catalog:write)",
  request: { params: IdParamSchema },
  responses: {
    204: { description: "Deleted" },
    400: problem("The id is malformed (lowercase letters, digits and hyphens)"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    404: problem("No event has this id"),
    409: problem("A request names this event: cancel the event instead"),
    ...retryLaterProblems,
  },
});
