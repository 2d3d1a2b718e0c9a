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
  issues: readonly {
    path: readonly PropertyKey[];
    message: string;
    code?: string;
    keys?: readonly string[];
  }[],
  prefix = "",
): { field: string; message: string }[] {
  const join = (path: string) => (prefix && path ? `${prefix}.${path}` : prefix || path || "(root)");
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      // One entry per unknown field, named, so the client sees exactly what to remove.
      return issue.keys.map((key) => ({
        field: join(path ? `${path}.${key}` : key),
        message: "is not a known field",
      }));
    }
    return [{ field: join(path), message: issue.message }];
  });
}
