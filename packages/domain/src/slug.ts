import { z } from "zod";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SlugSchema = z
  .string()
  .min(3, "must be at least 3 characters")
  .max(120, "must be at most 120 characters")
  .regex(SLUG, "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar")
  .meta({ description: "Readable, stable identifier", example: "2015-09-vienna-experts-seminar" });
export type Slug = z.infer<typeof SlugSchema>;

/** Letters Unicode does not decompose into a base letter and an accent ("main-d'œuvre", "Straße"). */
const LETTERS_TO_SPELL_OUT: Readonly<Record<string, string>> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
};

/** Turns a title into a slug: lowercase ASCII, accents folded, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (letter) => LETTERS_TO_SPELL_OUT[letter] ?? "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/g, "");
}
