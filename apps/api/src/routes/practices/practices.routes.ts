import { NewPracticeSchema, PracticePatchSchema, SlugSchema, THEME_CODES } from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { needsScope } from "../../auth/authenticate.js";
import {
  bearerSecurity,
  invalidKeyProblem,
  locationHeaderOf,
  PracticeResponseSchema,
  problem,
  retryLaterProblems,
} from "../../lib/openapi.js";
import { CursorQuerySchema, csvOf, LimitQuerySchema, SearchQuerySchema } from "../../lib/query-schemas.js";

const tags = ["Practices"];
export const ListPracticesQuerySchema = z.strictObject({
  theme: csvOf(THEME_CODES, "theme").optional().openapi({ example: "community-engagement" }),
  q: SearchQuerySchema.optional().openapi({
    description:
      "Words to search for in titles, summaries, texts and themes, each matching as a prefix (all must match); leave a word out with -word or NOT word (NOT in capitals). Quotes, *, parentheses, AND and OR are refused.",
  }),
  limit: LimitQuerySchema.optional(),
  cursor: CursorQuerySchema.optional(),
});

const PracticeListSchema = z
  .object({ items: z.array(PracticeResponseSchema), nextCursor: z.string().nullable() })
  .openapi("PracticeList");
const IdParamSchema = z.object({ id: SlugSchema });

export const listPractices = createRoute({
  method: "get",
  path: "/v1/practices",
  tags,
  summary: "List good practices",
  request: { query: ListPracticesQuerySchema },
  responses: {
    200: {
      description: "A page of practices",
      content: { "application/json": { schema: PracticeListSchema } },
    },
    400: problem("A filter, limit or cursor is invalid"),
    401: invalidKeyProblem,
    ...retryLaterProblems,
  },
});

export const getPractice = createRoute({
  method: "get",
  path: "/v1/practices/{id}",
  tags,
  summary: "Get one good practice",
  request: { params: IdParamSchema },
  responses: {
    200: { description: "The practice", content: { "application/json": { schema: PracticeResponseSchema } } },
    400: problem("The id is malformed (lowercase letters, digits and hyphens)"),
    401: invalidKeyProblem,
    404: problem("No practice has this id"),
    ...retryLaterProblems,
  },
});

export const createPractice = createRoute({
  method: "post",
  path: "/v1/practices",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("catalog:write")] as const,
  summary: "Create a good practice (catalog:write)",
  request: { body: { required: true, content: { "application/json": { schema: NewPracticeSchema } } } },
  responses: {
    201: {
      description: "Created",
      headers: locationHeaderOf("/v1/practices/community-policing-at-borders"),
      content: { "application/json": { schema: PracticeResponseSchema } },
    },
    400: problem("The body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    409: problem("A practice with this id exists"),
    422: problem("A source event does not exist"),
    ...retryLaterProblems,
  },
});

export const updatePractice = createRoute({
  method: "patch",
  path: "/v1/practices/{id}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("catalog:write")] as const,
  summary: "Change a good practice (catalog:write)",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: PracticePatchSchema } } },
  },
  responses: {
    200: {
      description: "The changed practice",
      content: { "application/json": { schema: PracticeResponseSchema } },
    },
    400: problem("The id or the body is invalid"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    404: problem("No practice has this id"),
    422: problem("A source event does not exist"),
    ...retryLaterProblems,
  },
});

export const deletePractice = createRoute({
  method: "delete",
  path: "/v1/practices/{id}",
  tags,
  security: bearerSecurity,
  middleware: [needsScope("catalog:write")] as const,
  summary: "Delete a good practice (catalog:write)",
  request: { params: IdParamSchema },
  responses: {
    204: { description: "Deleted" },
    400: problem("The id is malformed (lowercase letters, digits and hyphens)"),
    401: problem("No key or an invalid key"),
    403: problem("The key lacks catalog:write"),
    404: problem("No practice has this id"),
    ...retryLaterProblems,
  },
});
