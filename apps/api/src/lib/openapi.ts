import { EventSchema, PracticeSchema, ProblemSchema } from "@bsi/domain";
import { z } from "@hono/zod-openapi";

/** What the document says of every route: the answers any of them can give, not repeated per route. */
export const API_DESCRIPTION = [
  "The catalogue of the UN Counter-Terrorism Centre's Border Security Initiative (events and good practices) and the requests Member States file.",
  "",
  "Every error is `application/problem+json` (RFC 9457). Besides the statuses each route lists, any route can answer:",
  "401 when an `Authorization` header is sent with a key that is malformed, unknown or revoked (also on public routes, where a key is optional);",
  "405 for a method the path does not take, with an `Allow` header naming those it does (`OPTIONS` answers 204 with the same `Allow`);",
  "413 for a body over the size limit and 415 for a body that is not `application/json` (on routes that take a body);",
  "429 over the rate limit and 503 when the database cannot answer, both with `Retry-After` (seconds).",
].join("\n");

export interface ProblemResponse {
  description: string;
  content: { "application/problem+json": { schema: typeof ProblemSchema } };
}

/** An OpenAPI response of RFC 9457 problem details, as every error is sent, with the headers it carries. */
export function problem(description: string): ProblemResponse;
export function problem<Headers extends z.ZodObject>(
  description: string,
  headers: Headers,
): ProblemResponse & { headers: Headers };
export function problem(description: string, headers?: z.ZodObject) {
  const response: ProblemResponse = {
    description,
    content: { "application/problem+json": { schema: ProblemSchema } },
  };
  return headers ? { ...response, headers } : response;
}

export const RetryAfterHeaderSchema = z.object({
  "Retry-After": z
    .number()
    .int()
    .openapi({ description: "Seconds to wait before trying again", example: 30 }),
});

/** The `Location` header of a 201: the path of what was created. */
export function locationHeaderOf(example: string) {
  return z.object({
    Location: z.string().openapi({ description: "The path of what was created", example }),
  });
}

/** The 401 of a public route: no key is needed, but a key that is sent must be valid. */
export const invalidKeyProblem = problem(
  "The Authorization header is malformed or its key is unknown or revoked (a key is optional here)",
);

/** 429 and 503, which any route that counts calls or reads the database can answer. */
export const retryLaterProblems = {
  429: problem(
    "Over the rate limit of calls a minute (per key, or per address without a key)",
    RetryAfterHeaderSchema,
  ),
  503: problem("The database cannot answer right now; try again shortly", RetryAfterHeaderSchema),
};

type FilledShape<Shape extends z.core.$ZodShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key];
};

/**
 * A response schema from a domain schema whose fields have defaults: the same fields, each required.
 * A default fills in what a client leaves out, so the server always sends the field; documented as
 * the input shape, generated clients would make every such field optional.
 */
function responseSchemaOf<Shape extends z.core.$ZodShape>(schema: z.ZodObject<Shape>, refId: string) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  ) as FilledShape<Shape>;
  return schema.extend(shape).openapi(refId);
}

export const EventResponseSchema = responseSchemaOf(EventSchema, "Event");
export const PracticeResponseSchema = responseSchemaOf(PracticeSchema, "Practice");

/** Routes that need an API key (`Authorization: Bearer bsi_…`). */
export const bearerSecurity = [{ bearerAuth: [] }];
