import { ACTIVITY_TYPES, ActivitySchema } from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { needsScope } from "../../auth/authenticate.js";
import { bearerSecurity, problem, retryLaterProblems } from "../../lib/openapi.js";
import { CursorQuerySchema, csvOf, LimitQuerySchema } from "../../lib/query-schemas.js";

export const ListActivityQuerySchema = z.strictObject({
  after: CursorQuerySchema.optional().openapi({
    description: "The nextCursor of the previous call; without it the feed starts at the beginning",
  }),
  type: csvOf(ACTIVITY_TYPES, "activity type").optional().openapi({ example: "request.status_changed" }),
  limit: LimitQuerySchema.optional().openapi({ example: "50", description: "Page size, 1–100 (default 50)" }),
});

export const ActivityFeedSchema = z
  .object({
    items: z.array(ActivitySchema),
    nextCursor: z.string().openapi({
      description: "Pass as `after` to get what happened since; given even when the page is empty",
    }),
    hasMore: z.boolean().openapi({ description: "true when more records are waiting now" }),
  })
  .openapi("ActivityFeed");

export const listActivity = createRoute({
  middleware: [needsScope("requests:read")] as const,
  method: "get",
  path: "/v1/activity",
  tags: ["Activity"],
  security: bearerSecurity,
  summary: "The activity feed, oldest first (requests:read)",
  description:
    "Every change, in the order it was committed. Keep the nextCursor and call again with after=<it> to resume exactly where you stopped.",
  request: { query: ListActivityQuerySchema },
  responses: {
    200: {
      description: "Records after the cursor",
      content: { "application/json": { schema: ActivityFeedSchema } },
    },
    400: problem("A filter, limit or cursor is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks requests:read"),
    ...retryLaterProblems,
  },
});
