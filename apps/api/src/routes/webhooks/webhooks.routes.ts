import { ACTIVITY_TYPES, ActivityTypeSchema } from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { needsScope } from "../../auth/authenticate.js";
import { bearerSecurity, locationHeaderOf, problem, retryLaterProblems } from "../../lib/openapi.js";
import { CursorQuerySchema, LimitQuerySchema } from "../../lib/query-schemas.js";

const tags = ["Webhooks"];
/** An http(s) URL without user name or password (secrets in URLs end up in logs). */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be an absolute http or https URL" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `must use http or https, not ${url.protocol.slice(0, -1)}` });
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "must not contain a user name or password; the signature authenticates each delivery",
      });
    }
  })
  .openapi({ example: "https://tools.example.org/bsi/webhooks" });

export const NewWebhookSchema = z
  .strictObject({
    url: WebhookUrlSchema,
    events: z
      .array(ActivityTypeSchema)
      .min(1, "must name at least one activity type")
      .max(ACTIVITY_TYPES.length)
      .openapi({ example: ["request.created", "request.status_changed"] }),
  })
  .openapi("NewWebhook");

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(ActivityTypeSchema),
    secret: z.string().optional().openapi({
      description:
        "whsec_… signing secret (Standard Webhooks). Returned once, when the webhook is created; store it then.",
    }),
    createdAt: z.string(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
  })
  .openapi("Webhook");

export const DeliveryAttemptSchema = z
  .object({
    at: z.string(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .openapi("DeliveryAttempt");

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: "Sent as the webhook-id header; the same on every retry" }),
    activityId: z.string(),
    type: ActivityTypeSchema,
    status: z.enum(DELIVERY_STATUSES),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    attempts: z.array(DeliveryAttemptSchema).openapi({ description: "The latest attempts, oldest first" }),
  })
  .openapi("Delivery");

const IdParamSchema = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, example: "wh_3f2a9c0d1e4b5a6f" }),
});

export const createWebhook = createRoute({
  method: "post",
  path: "/v1/webhooks",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("webhooks:manage")] as const,
  summary: "Subscribe a URL to activity (webhooks:manage; request.* types also need requests:read)",
  description:
    "Each matching activity is POSTed as JSON signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), retried with backoff until delivered (at least once). Request activity carries the requester's contact details, so subscribing to request.* types also needs requests:read.",
  request: { body: { required: true, content: { "application/json": { schema: NewWebhookSchema } } } },
  responses: {
    201: {
      description: "Created; the secret is shown this once",
      headers: locationHeaderOf("/v1/webhooks/wh_3f2a9c0d1e4b5a6f"),
      content: { "application/json": { schema: WebhookSchema } },
    },
    400: problem("The URL or an activity type is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks webhooks:manage, or requests:read for request.* types"),
    ...retryLaterProblems,
  },
});

export const listWebhooks = createRoute({
  method: "get",
  path: "/v1/webhooks",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("webhooks:manage")] as const,
  summary: "List webhooks (webhooks:manage)",
  responses: {
    200: {
      description: "Every webhook not deleted, without secrets",
      content: { "application/json": { schema: z.object({ items: z.array(WebhookSchema) }) } },
    },
    401: problem("No key or an invalid key"),
    403: problem("The key lacks webhooks:manage"),
    ...retryLaterProblems,
  },
});

export const getWebhook = createRoute({
  method: "get",
  path: "/v1/webhooks/{id}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("webhooks:manage")] as const,
  summary: "Get one webhook (webhooks:manage)",
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: "The webhook, without its secret",
      content: { "application/json": { schema: WebhookSchema } },
    },
    400: problem("The id is malformed (longer than 100 characters)"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks webhooks:manage"),
    404: problem("No webhook has this id"),
    ...retryLaterProblems,
  },
});

export const deleteWebhook = createRoute({
  method: "delete",
  path: "/v1/webhooks/{id}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("webhooks:manage")] as const,
  summary: "Delete a webhook; its pending deliveries are dropped (webhooks:manage)",
  request: { params: IdParamSchema },
  responses: {
    204: { description: "Deleted" },
    400: problem("The id is malformed (longer than 100 characters)"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks webhooks:manage"),
    404: problem("No webhook has this id"),
    ...retryLaterProblems,
  },
});

export const EnableWebhookSchema = z
  .strictObject({
    redeliverSince: z.iso
      .datetime({ offset: true, error: "must be a date and time such as 2026-11-24T09:00:00Z" })
      .optional()
      .openapi({
        description:
          "Also send again, now, every delivery that failed and was created at or after this instant (each keeps its webhook-id)",
        example: "2026-11-23T00:00:00Z",
      }),
  })
  .openapi("EnableWebhook");

export const enableWebhook = createRoute({
  method: "post",
  path: "/v1/webhooks/{id}/enable",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("webhooks:manage")] as const,
  summary:
    "Turn a disabled webhook back on, and optionally send its failed deliveries again (webhooks:manage)",
  request: {
    params: IdParamSchema,
    body: { required: false, content: { "application/json": { schema: EnableWebhookSchema } } },
  },
  responses: {
    200: {
      description: "The webhook, enabled, and how many deliveries were queued again",
      content: {
        "application/json": {
          schema: WebhookSchema.extend({ redelivered: z.number().int() }).openapi("EnabledWebhook"),
        },
      },
    },
    400: problem("The id or the body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks webhooks:manage"),
    404: problem("No webhook has this id"),
    ...retryLaterProblems,
  },
});

export const ListDeliveriesQuerySchema = z.strictObject({
  status: z
    .enum(DELIVERY_STATUSES, { error: () => `must be one of: ${DELIVERY_STATUSES.join(", ")}` })
    .optional(),
  limit: LimitQuerySchema.optional(),
  cursor: CursorQuerySchema.optional(),
});

export const listDeliveries = createRoute({
  method: "get",
  path: "/v1/webhooks/{id}/deliveries",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("webhooks:manage")] as const,
  summary: "A webhook's deliveries, newest first, with their attempts (webhooks:manage)",
  request: { params: IdParamSchema, query: ListDeliveriesQuerySchema },
  responses: {
    200: {
      description: "A page of deliveries",
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() })
            .openapi("DeliveryList"),
        },
      },
    },
    400: problem("The id, a filter, the limit or the cursor is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks webhooks:manage"),
    404: problem("No webhook has this id"),
    ...retryLaterProblems,
  },
});
