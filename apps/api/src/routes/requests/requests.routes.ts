import {
  listCountryCodes,
  NewRequestSchema,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  RequestPatchSchema,
  RequestSchema,
  TransitionRequestSchema,
} from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { needsScope } from "../../auth/authenticate.js";
import {
  bearerSecurity,
  locationHeaderOf,
  problem,
  RetryAfterHeaderSchema,
  retryLaterProblems,
} from "../../lib/openapi.js";
import { CursorQuerySchema, csvOf, LimitQuerySchema } from "../../lib/query-schemas.js";

const tags = ["Requests"];
export const ListRequestsQuerySchema = z.strictObject({
  status: csvOf(REQUEST_STATUSES, "status").optional().openapi({ example: "submitted,under_review" }),
  memberState: csvOf(listCountryCodes(), "country")
    .optional()
    .openapi({ description: "ISO alpha-2 codes", example: "SN,ML" }),
  type: csvOf(REQUEST_TYPES, "type").optional().openapi({ example: "technical_assistance" }),
  requester: z
    .string()
    .trim()
    .max(254, "must be at most 254 characters")
    .refine(
      (value) => /^[UW][A-Z0-9]{2,20}$/.test(value) || /^[^\s@]+@[^\s@]+$/.test(value),
      "must be a Slack user id (U012ABCDEF) or an email address",
    )
    .optional()
    .openapi({ description: "The requester's Slack user id or email address", example: "U012ABCDEF" }),
  limit: LimitQuerySchema.optional(),
  cursor: CursorQuerySchema.optional(),
});

export const RequestListSchema = z
  .object({ items: z.array(RequestSchema), nextCursor: z.string().nullable() })
  .openapi("RequestList");

export const ReferenceParamSchema = z.object({
  ref: z
    .string()
    .max(40)
    .openapi({ param: { name: "ref", in: "path" }, example: "BSI-2026-0042" }),
});

export const IdempotencyHeaderSchema = z.object({
  "idempotency-key": z
    .string()
    .min(1, "must not be empty")
    .max(255, "must be at most 255 characters")
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces, such as a UUID")
    .optional()
    .openapi({
      description:
        "Makes retries safe: the same key with the same body returns the first response again for 24 hours; with another body it is a 409.",
      example: "5b0f7c1e-4f0e-4a53-9a55-2f1f3c0f2b11",
    }),
});

export const createRequest = createRoute({
  method: "post",
  path: "/v1/requests",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("requests:write")] as const,
  summary: "File a request (requests:write)",
  description:
    "Stores the request with its first history entry and an activity record in one transaction and returns its reference. The requester's email is only returned to keys with requests:read.",
  request: {
    headers: IdempotencyHeaderSchema,
    body: { required: true, content: { "application/json": { schema: NewRequestSchema } } },
  },
  responses: {
    201: {
      description: "Filed, or the first response again when the Idempotency-Key was seen with the same body",
      headers: locationHeaderOf("/v1/requests/BSI-2026-0042").extend({
        "Idempotent-Replayed": z.literal("true").optional().openapi({
          description:
            "Sent when this is the stored response of an earlier call with the same Idempotency-Key",
        }),
      }),
      content: { "application/json": { schema: RequestSchema } },
    },
    400: problem("The body or the Idempotency-Key is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks requests:write"),
    409: problem(
      "The Idempotency-Key was used with another body, or its first call is still being processed (then with Retry-After)",
      RetryAfterHeaderSchema,
    ),
    422: problem(
      "The related event does not exist; or, for a workshop participation, no event is named or it is cancelled or over",
    ),
    ...retryLaterProblems,
  },
});

export const listRequests = createRoute({
  method: "get",
  path: "/v1/requests",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("requests:read")] as const,
  summary: "List requests, newest first (requests:read)",
  request: { query: ListRequestsQuerySchema },
  responses: {
    200: {
      description: "A page of requests",
      content: { "application/json": { schema: RequestListSchema } },
    },
    400: problem("A filter, limit or cursor is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks requests:read"),
    ...retryLaterProblems,
  },
});

export const getRequest = createRoute({
  method: "get",
  path: "/v1/requests/{ref}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("requests:read")] as const,
  summary: "Get one request with its history (requests:read)",
  request: { params: ReferenceParamSchema },
  responses: {
    200: { description: "The request", content: { "application/json": { schema: RequestSchema } } },
    400: problem("The reference is malformed"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks requests:read"),
    404: problem("No request has this reference"),
    ...retryLaterProblems,
  },
});

export const transitionRequest = createRoute({
  method: "post",
  path: "/v1/requests/{ref}/transitions",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("requests:manage", "requests:write")] as const,
  summary: "Move a request through its lifecycle (requests:manage)",
  description:
    "submitted → under_review → accepted | declined; accepted → in_progress → completed; any open status → withdrawn. A decline needs a note. A key with only requests:write may withdraw a request when the actor is its requester (Slack user id or email).",
  request: {
    params: ReferenceParamSchema,
    body: { required: true, content: { "application/json": { schema: TransitionRequestSchema } } },
  },
  responses: {
    200: { description: "The moved request", content: { "application/json": { schema: RequestSchema } } },
    400: problem("The reference or the body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key may not make this move"),
    404: problem("No request has this reference"),
    409: problem("The lifecycle does not allow this move; nothing changed"),
    422: problem("The move needs a note (a decline says why)"),
    ...retryLaterProblems,
  },
});

export const updateRequest = createRoute({
  method: "patch",
  path: "/v1/requests/{ref}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("requests:manage")] as const,
  summary: "Change a request's priority, themes, agency or related event (requests:manage)",
  request: {
    params: ReferenceParamSchema,
    body: { required: true, content: { "application/json": { schema: RequestPatchSchema } } },
  },
  responses: {
    200: { description: "The changed request", content: { "application/json": { schema: RequestSchema } } },
    400: problem("The reference or the body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks requests:manage"),
    404: problem("No request has this reference"),
    409: problem("The request is in a final status"),
    422: problem("The change breaks a rule (unknown event, workshop without event)"),
    ...retryLaterProblems,
  },
});
