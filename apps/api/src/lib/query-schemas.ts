import { z } from "@hono/zod-openapi";

/** A comma-separated list whose every item must be one of `allowed`. */
export function csvOf(allowed: readonly string[], what: string) {
  return z
    .string()
    .max(2000)
    .superRefine((value, ctx) => {
      const items = splitCsv(value);
      if (items.length === 0) ctx.addIssue({ code: "custom", message: `must name at least one ${what}` });
      const unknown = items.filter((item) => !allowed.includes(item));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `has unknown ${what} ${unknown.slice(0, 3).join(", ")}; use ${allowed.length > 20 ? `valid ${what} codes` : allowed.join(", ")}`,
        });
      }
    });
}

export function splitCsv(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [
    ...new Set(
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

export const BooleanQuerySchema = z.enum(["true", "false"], { error: () => "must be true or false" });

export const LimitQuerySchema = z
  .string()
  .refine(
    (value) => /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100,
    "must be a whole number from 1 to 100",
  )
  .openapi({ example: "20", description: "Page size, 1–100 (default 20)" });

export const CursorQuerySchema = z.string().max(1000, "is not a cursor this listing issued").openapi({
  description: "The nextCursor of the previous page",
});

export const SearchQuerySchema = z.string().max(200, "must be at most 200 characters").openapi({
  description:
    "Words to search for in titles, summaries, places, themes, organizers and partners; `-word` or `NOT word` leaves a word out",
});
