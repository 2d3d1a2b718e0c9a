import {
  EVENT_KINDS,
  EVENT_STATUSES,
  EventPatchSchema,
  EventSchema,
  IsoDateSchema,
  listCountryCodes,
  NewEventSchema,
  REGION_CODES,
  SlugSchema,
  THEME_CODES,
} from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { needsScope } from "../../auth/authenticate.js";
import { bearerSecurity, problem } from "../../lib/openapi.js";
import {
  BooleanQuerySchema,
  CursorQuerySchema,
  csvOf,
  LimitQuerySchema,
  SearchQuerySchema,
} from "../../lib/query-schemas.js";

const tags = ["Events"];

export const ListEventsQuerySchema = z
  .strictObject({
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
    q: SearchQuerySchema.optional(),
    order: z.enum(["asc", "desc"], { error: () => "must be asc or desc" }).optional(),
    limit: LimitQuerySchema.optional(),
    cursor: CursorQuerySchema.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
    }
  });

export const EventListSchema = z
  .object({ items: z.array(EventSchema), nextCursor: z.string().nullable() })
  .openapi("EventList");

const IdParamSchema = z.object({ id: SlugSchema });

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
  },
});

export const getEvent = createRoute({
  method: "get",
  path: "/v1/events/{id}",
  tags,
  summary: "Get one event",
  request: { params: IdParamSchema },
  responses: {
    200: { description: "The event", content: { "application/json": { schema: EventSchema } } },
    404: problem("No event has this id"),
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
    201: { description: "Created", content: { "application/json": { schema: EventSchema } } },
    400: problem("The body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    409: problem("An event with this id exists"),
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
    200: { description: "The changed event", content: { "application/json": { schema: EventSchema } } },
    400: problem("The body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    404: problem("No event has this id"),
    422: problem("The change breaks a rule (such as ending before it starts)"),
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
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    404: problem("No event has this id"),
    409: problem("A request names this event: cancel the event instead"),
  },
});
