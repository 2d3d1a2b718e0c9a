import { z } from "zod";

export type WithoutDefaults<Shape extends z.core.$ZodShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key];
};

/**
 * The same fields with their defaults taken off, for PATCH bodies: zod applies a default even inside
 * `.partial()`, so a patch built from the create schema would reset every field the client left out.
 */
export function withoutDefaults<Shape extends z.core.$ZodShape>(shape: Shape): WithoutDefaults<Shape> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [
      key,
      schema instanceof z.ZodDefault ? schema.unwrap() : schema,
    ]),
  ) as WithoutDefaults<Shape>;
}
