import type { z } from "zod";
import { issuesToFieldErrors } from "../problem.js";

/** The `{ field, message }` errors a schema reports for `input`, as the API sends them; [] when it parses. */
export function fieldErrorsOf(schema: z.ZodType, input: unknown): { field: string; message: string }[] {
  const result = schema.safeParse(input);
  return result.success ? [] : issuesToFieldErrors(result.error.issues);
}

/** The fields a schema complains about for `input`. */
export function invalidFieldsOf(schema: z.ZodType, input: unknown): string[] {
  return fieldErrorsOf(schema, input).map((error) => error.field);
}
