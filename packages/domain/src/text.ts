import { z } from "zod";

/**
 * Characters that show nothing: white space, zero-width spaces and joiners, the word joiner, the
 * byte-order mark, the soft hyphen, Hangul fillers and the blank Braille cell. They are trimmed from
 * both ends of a text. Variation selectors and left-to-right/right-to-left marks are kept: at the end
 * of a text they still matter (the emoji form of ❤️, the side a closing "!" is drawn on).
 */
const INVISIBLE =
  "\\p{White_Space}\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200D\\u2060-\\u2064\\u206A-\\u206F\\u2800\\u3164\\uFEFF\\uFFA0";
/** One invisible character, anchored at the start of what it is tested on (sticky). */
const INVISIBLE_CHARACTER = new RegExp(`[${INVISIBLE}]`, "uy");

/** A character a reader sees: not space, not a control or format character, not a lone combining mark. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * Lone UTF-16 surrogates: JSON can carry them ("\ud83d"), but no store or encoder keeps them, so the
 * text read back would differ from the text accepted. (`String.prototype.isWellFormed` once the
 * TypeScript lib is ES2024.)
 */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
 * follows them on screen, so a summary could read differently from what it says ("Trojan Source").
 * The left-to-right and right-to-left marks stay allowed: mixed Arabic or Hebrew text needs them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_IN_LINE = /\p{Cc}/u;
/** In text of several lines, line breaks and tabs are allowed; other C0/C1 controls are not. */
const CONTROL_IN_LINES = /(?![\t\n\r])\p{Cc}/u;

export const WELL_FORMED_MESSAGE = "must be well-formed Unicode text (it has an unpaired surrogate)";

const TEXT_MESSAGES = {
  malformed: WELL_FORMED_MESSAGE,
  control: "must not contain control characters",
  invisible: "must contain visible text",
} as const;

export interface TextOptions {
  /** The most characters once trimmed, counted as zod's `max` counts them. */
  max: number;
  /** Whether an empty (or blank) text is accepted, as "" after trimming. Defaults to false. */
  canBeBlank?: boolean;
  /** The message for a blank text when it is not accepted. Defaults to "must contain visible text". */
  blankMessage?: string;
}

/** Whether a text is well-formed UTF-16: no surrogate without its pair. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

function isInvisibleAt(text: string, index: number): boolean {
  INVISIBLE_CHARACTER.lastIndex = index;
  return INVISIBLE_CHARACTER.test(text);
}

/**
 * Trims white space and the invisible characters around a text, as both text schemas do. Walks in
 * from each end one character at a time: linear in the text's length, where a `[…]+$` pattern is
 * quadratic on a long run of spaces (60,000 took 2.5 s).
 */
export function trimInvisible(text: string): string {
  let start = 0;
  while (start < text.length && isInvisibleAt(text, start)) start += 1;
  let end = text.length;
  // Every invisible character is in the Basic Multilingual Plane: one UTF-16 unit each.
  while (end > start && isInvisibleAt(text, end - 1)) end -= 1;
  return text.slice(start, end);
}

/** Whether a text has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

function textSchema(options: TextOptions, control: RegExp) {
  const { max, canBeBlank = false, blankMessage = TEXT_MESSAGES.invisible } = options;
  return z
    .string()
    .refine(isWellFormedText, { message: TEXT_MESSAGES.malformed, abort: true })
    .overwrite(trimInvisible)
    .refine((text) => !control.test(text) && !BIDI_CONTROL.test(text), {
      message: TEXT_MESSAGES.control,
      abort: true,
    })
    .refine((text) => (text === "" ? canBeBlank : hasVisibleText(text)), {
      error: (issue) => (issue.input === "" ? blankMessage : TEXT_MESSAGES.invisible),
    })
    .max(max, `must be at most ${max} characters`);
}

/**
 * One line of text people type (a summary, a name, an agency): trimmed, including zero-width and
 * other invisible characters at the ends; well-formed Unicode; no control characters (not even a
 * tab or a line break), no bidirectional overrides; at least one visible character unless
 * `canBeBlank`.
 */
export function singleLineText(options: TextOptions) {
  return textSchema(options, CONTROL_IN_LINE);
}

/** Like `singleLineText`, for text of several lines (details, notes): line breaks and tabs are allowed. */
export function multiLineText(options: TextOptions) {
  return textSchema(options, CONTROL_IN_LINES);
}
