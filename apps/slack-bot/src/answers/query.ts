import { z } from "zod";
import { LanguageSchema } from "../blocks/words.js";

/**
 * What a reply answers, in a form that fits in a button value (2,000 characters): "Show more" and
 * "Share in channel" carry it, so any bot instance can re-run it without shared memory.
 */
export const DeskQuerySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ask"),
    question: z.string().max(1500),
    /** The moment the question was first asked, so "next week" means the same on every page. */
    now: z.string().max(40).optional(),
    offset: z.number().int().min(0).max(10_000).optional(),
    /** The answer's language, for what a click adds outside the re-run answer ("More results are below"). */
    language: LanguageSchema.optional(),
  }),
  z.object({
    kind: z.literal("events"),
    words: z.string().max(500),
    cursor: z.string().max(1000).optional(),
  }),
  z.object({ kind: z.literal("next") }),
  z.object({
    kind: z.literal("practices"),
    topic: z.string().max(500),
    cursor: z.string().max(1000).optional(),
  }),
  z.object({ kind: z.literal("status"), reference: z.string().max(40).optional() }),
]);
export type DeskQuery = z.infer<typeof DeskQuerySchema>;

export function encodeQuery(query: DeskQuery): string {
  return JSON.stringify(query);
}

/** The query in a button value, or undefined for anything malformed (never throws). */
export function decodeQuery(value: unknown): DeskQuery | undefined {
  if (typeof value !== "string" || value.length > 2000) return undefined;
  try {
    const result = DeskQuerySchema.safeParse(JSON.parse(value));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
