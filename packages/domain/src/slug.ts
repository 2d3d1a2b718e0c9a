import { z } from "zod";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SlugSchema = z
  .string()
  .min(3, "must be at least 3 characters")
  .max(120, "must be at most 120 characters")
  .regex(SLUG, "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar")
  .meta({ description: "Readable, stable identifier", example: "2015-09-vienna-experts-seminar" });
export type Slug = z.infer<typeof SlugSchema>;

/** Turns a title into a slug: lowercase ASCII, accents folded, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/g, "");
}
