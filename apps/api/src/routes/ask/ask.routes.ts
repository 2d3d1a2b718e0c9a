import { AnswerLanguageSchema, AskQuerySchema, FALLBACK_KINDS, IntentSchema } from "@bsi/assistant";
import { RequestSchema } from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import {
  EventResponseSchema,
  invalidKeyProblem,
  PracticeResponseSchema,
  problem,
  retryLaterProblems,
} from "../../lib/openapi.js";

/** Longest question accepted; Slack messages that long are not questions. */
export const MAX_QUESTION_LENGTH = 500;

export const AskBodySchema = z
  .strictObject({
    question: z
      .string({ error: "must be a string" })
      .trim()
      .min(1, "must not be empty")
      .max(MAX_QUESTION_LENGTH, `must be at most ${MAX_QUESTION_LENGTH} characters`)
      .openapi({ example: "anything in the Sahel in March?" }),
    now: z.iso
      .datetime({ offset: true, error: "must be an ISO 8601 date-time such as 2026-11-24T10:00:00Z" })
      .optional()
      .openapi({
        description:
          "When the question was asked (default: the server's clock). Its UTC offset, when a whole number of hours, decides which day is today.",
        example: "2026-11-24T10:00:00Z",
      }),
  })
  .openapi("AskBody");

export const AskAnswerSchema = z
  .object({
    intent: IntentSchema,
    language: AnswerLanguageSchema,
    query: AskQuerySchema,
    text: z.string().openapi({ description: "The lead sentence, plain text, in the question's language" }),
    events: z.array(EventResponseSchema),
    practices: z.array(PracticeResponseSchema),
    requests: z
      .array(RequestSchema)
      .openapi({ description: "Only for keys with requests:read, on a status question" }),
    fallback: z.boolean().openapi({
      description: "True when nothing matched as asked and the items are the nearest useful thing",
    }),
    fallbackKind: z.enum(FALLBACK_KINDS).nullable(),
    anchor: EventResponseSchema.nullable().openapi({
      description:
        'The event the question counted from (query.filters.relativeTo: "after the Sahel workshop"), null when none was asked for or found',
    }),
  })
  .openapi("AskAnswer");

export const ask = createRoute({
  method: "post",
  path: "/v1/ask",
  tags: ["Questions"],
  summary: "Answer a question in English, French or Spanish",
  description:
    "Reads the question (dates, places, kinds, themes, a request reference), runs it on the catalogue and returns the matching events or practices with a lead sentence. When nothing matches, says so and returns the nearest useful thing (`fallback`). Public; request status needs a key with requests:read.",
  request: { body: { required: true, content: { "application/json": { schema: AskBodySchema } } } },
  responses: {
    200: { description: "The answer", content: { "application/json": { schema: AskAnswerSchema } } },
    400: problem("The question is missing, empty or longer than 500 characters"),
    401: invalidKeyProblem,
    ...retryLaterProblems,
  },
});
