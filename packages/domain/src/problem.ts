import { z } from "zod";

/** RFC 9457 problem details, as every API error is sent. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof ProblemSchema>;

/** Turns zod issues into `{ field, message }` pairs with dotted paths ("registration.deadline"). */
export function issuesToFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = "",
): { field: string; message: string }[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return {
      field: prefix && path ? `${prefix}.${path}` : prefix || path || "(body)",
      message: issue.message,
    };
  });
}
