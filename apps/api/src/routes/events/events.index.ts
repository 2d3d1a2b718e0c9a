import { issuesToFieldErrors, SlugSchema } from "@bsi/domain";
import { AppError, validationError } from "../../lib/app-error.js";
import { createRouter } from "../../lib/create-app.js";
import * as handlers from "./events.handlers.js";
import { renderCalendar } from "./events.ics.js";
import * as repository from "./events.repository.js";
import * as routes from "./events.routes.js";

const ICS_TYPE = "text/calendar; charset=utf-8";

function baseUrlOf(url: string, configured: string | undefined): string {
  return configured ?? new URL(url).origin;
}

const router = createRouter();

// Calendar feeds first, so /v1/events/{id}.ics is not taken for an event id.
router.get("/v1/events.ics", async (c) => {
  const parsed = routes.CalendarFeedQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw validationError(issuesToFieldErrors(parsed.error.issues), "query parameters");
  // Upcoming events unless the caller asked for dates (or for every date with upcoming=false); the
  // most a listing page holds unless the caller asked for fewer.
  const asksForDates = parsed.data.from !== undefined || parsed.data.to !== undefined;
  const query = {
    ...(asksForDates ? {} : { upcoming: "true" as const }),
    limit: "100",
    ...parsed.data,
  };
  const { filters, page } = handlers.queryToFilters(c, query);
  const deps = c.get("deps");
  const { events } = await repository.listEvents(deps.handle.db, deps.search, filters, page);
  const body = renderCalendar(events, {
    name: "BSI events",
    baseUrl: baseUrlOf(c.req.url, deps.config.PUBLIC_URL),
  });
  return c.body(body, 200, {
    "content-type": ICS_TYPE,
    "content-disposition": 'inline; filename="bsi-events.ics"',
  });
});

router.get("/v1/events/:file{[^/]+\\.ics}", async (c) => {
  const id = c.req.param("file").slice(0, -".ics".length);
  if (!SlugSchema.safeParse(id).success) throw new AppError("not_found", `No event has the id ${id}`);
  const deps = c.get("deps");
  const event = await repository.findEvent(deps.handle.db, id);
  if (!event) throw new AppError("not_found", `No event has the id ${id}`);
  const body = renderCalendar([event], {
    name: event.title,
    baseUrl: baseUrlOf(c.req.url, deps.config.PUBLIC_URL),
  });
  return c.body(body, 200, {
    "content-type": ICS_TYPE,
    "content-disposition": `attachment; filename="${id}.ics"`,
  });
});

router.openAPIRegistry.registerPath(routes.getEventsCalendar);
router.openAPIRegistry.registerPath(routes.getEventCalendar);

router.use("/v1/events", handlers.serveCachedListing);
router
  .openapi(routes.listEvents, handlers.listEvents)
  .openapi(routes.getEvent, handlers.getEvent)
  .openapi(routes.createEvent, handlers.createEvent)
  .openapi(routes.updateEvent, handlers.updateEvent)
  .openapi(routes.deleteEvent, handlers.deleteEvent);

export default router;
