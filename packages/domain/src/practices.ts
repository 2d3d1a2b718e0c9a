import { z } from "zod";
import { withoutDefaults } from "./patch.js";
import { SlugSchema } from "./slug.js";
import { multiLineText, singleLineText } from "./text.js";
import { ThemeCodeSchema } from "./themes.js";

export const PracticeReferenceSchema = singleLineText({ max: 200 }).meta({
  description: "A document the practice rests on",
  example: "UNSCR 2396 (2017)",
});

const PracticeFieldsSchema = z.strictObject({
  id: SlugSchema,
  title: singleLineText({ max: 200 }),
  themes: z.array(ThemeCodeSchema).min(1, "must name at least one theme").max(13),
  summary: multiLineText({ max: 1000 }),
  body: multiLineText({ max: 20_000, canBeBlank: true }).default(""),
  sourceEventIds: z.array(SlugSchema).max(50).default([]),
  references: z.array(PracticeReferenceSchema).max(50).default([]),
  sample: z.boolean().default(false),
});

export const NewPracticeSchema = PracticeFieldsSchema.meta({ id: "NewPractice" });
export type NewPractice = z.input<typeof NewPracticeSchema>;
export type ValidNewPractice = z.output<typeof NewPracticeSchema>;

const { id: _practiceId, ...practicePatchFields } = PracticeFieldsSchema.shape;

/** A partial update: any field but the id, without defaults (a field left out keeps its value). */
export const PracticePatchSchema = z
  .strictObject(withoutDefaults(practicePatchFields))
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: "must change at least one field" })
  .meta({ id: "PracticePatch" });
export type PracticePatch = z.output<typeof PracticePatchSchema>;

export const PracticeSchema = PracticeFieldsSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: "Practice" });
export type Practice = z.output<typeof PracticeSchema>;
