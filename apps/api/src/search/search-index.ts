import {
  COUNTRY_NAME_LANGUAGES,
  countryName,
  type Event,
  organizationsNamedIn,
  type Practice,
  REGIONS,
  THEMES,
  type ThemeCode,
} from "@bsi/domain";
import type { Kysely, RawBuilder } from "kysely";
import type { Database } from "../db/database.js";
import { AppError } from "../lib/app-error.js";

/**
 * Full-text search, behind one interface so each database has its own implementation. Everything
 * dialect-specific about search lives in this folder.
 */
export interface SearchIndex {
  indexEvent(db: Kysely<Database>, event: Event): Promise<void>;
  removeEvent(db: Kysely<Database>, id: string): Promise<void>;
  indexPractice(db: Kysely<Database>, practice: Practice): Promise<void>;
  removePractice(db: Kysely<Database>, id: string): Promise<void>;
  /** A table expression with columns `id` and `rank` (lower ranks first) for events matching the terms. */
  matchEvents(terms: SearchTerms): RawBuilder<{ id: string; rank: number }>;
  /** A subquery of the ids of events that any of these organizations (ORGANIZATIONS codes) runs or partners. */
  eventsWithOrganizations(codes: readonly string[]): RawBuilder<{ id: string }>;
  matchPractices(terms: SearchTerms): RawBuilder<{ id: string; rank: number }>;
}

export interface SearchTerms {
  /** Words to find, lowercase: each must appear (as a prefix). At least one. */
  words: string[];
  /** Words to leave out, lowercase: a record with any of them (as a prefix) is not found. */
  excluded?: string[] | undefined;
}

export const MAX_QUERY_LENGTH = 200;
/** Words searched at most, found and left out together, in the order typed. */
const MAX_WORDS = 20;
const OPERATOR_CHARACTERS = /["*()^:{}[\]+]/;
const OPERATOR_WORDS = /(^|\s)(AND|OR|NEAR)(\s|$)/;
/** Letters and digits: what both databases index as words. */
const WORD = /[\p{L}\p{N}]+/gu;

function invalidQuery(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid query parameters: ${field} ${message}`, {
    errors: [{ field, message }],
  });
}

/**
 * The lowercase words of one piece of `q`. NFKC first, so that both databases search for the same
 * words: "ﬁrst" is "first", full-width "Ａ" is "A", "Nº" is "No" (PostgreSQL's search would fold
 * them, SQLite's tokenizer would not).
 */
function wordsOf(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/**
 * Turns `q` into search terms: words to find, and words to leave out written `-word` or `NOT word`
 * (NOT in capitals, as in a search box; "not" is a word). Any other search syntax is refused with a
 * 400 that says so, instead of being passed to the engine: `q` is a list of words, not a query
 * language. A hyphen inside a word ("counter-terrorism") separates two words to find.
 */
export function parseSearchQuery(q: string, field = "q"): SearchTerms {
  if (q.length > MAX_QUERY_LENGTH) {
    throw invalidQuery(field, `must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  if (OPERATOR_CHARACTERS.test(q) || OPERATOR_WORDS.test(q)) {
    throw invalidQuery(
      field,
      "must be plain words: search operators, quotes, * and parentheses are not supported (leave a word out with -word or NOT word)",
    );
  }
  const terms: Array<{ word: string; isExcluded: boolean }> = [];
  const pieces = q.split(/\s+/).filter((piece) => piece !== "");
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] as string;
    if (piece === "NOT") {
      const operand = pieces[index + 1];
      const excluded = operand === undefined || operand === "NOT" ? [] : wordsOf(operand);
      if (excluded.length === 0) throw invalidQuery(field, "must give the word to leave out after NOT");
      terms.push(...excluded.map((word) => ({ word, isExcluded: true })));
      index++;
    } else {
      const isExcluded = piece.startsWith("-");
      terms.push(...wordsOf(piece).map((word) => ({ word, isExcluded })));
    }
  }
  const kept = terms.slice(0, MAX_WORDS);
  const words = kept.filter((term) => !term.isExcluded).map((term) => term.word);
  const excluded = kept.filter((term) => term.isExcluded).map((term) => term.word);
  if (words.length === 0) {
    throw invalidQuery(
      field,
      excluded.length === 0
        ? "must contain at least one word"
        : "must contain a word to search for, not only words to leave out",
    );
  }
  return { words, excluded };
}

/** Names a place is known by, in the UN languages the catalogue carries. */
export function placeText(event: Pick<Event, "city" | "country" | "region" | "online">): string {
  const parts: string[] = [];
  if (event.city) parts.push(event.city);
  if (event.country) {
    for (const language of COUNTRY_NAME_LANGUAGES.slice(0, 3))
      parts.push(countryName(event.country, language));
  }
  if (event.region) {
    const region = REGIONS.find((candidate) => candidate.code === event.region);
    if (region) parts.push(region.names.en, region.names.fr, region.names.es);
  }
  if (event.online) parts.push("online virtual en ligne virtual");
  return [...new Set(parts)].join(" ");
}

/** Theme labels and synonyms, so "FTF" finds events on foreign terrorist fighters. */
/**
 * Organizers and partners as written, each followed by every name of the known organizations it
 * names, so "l'OIM" finds a partner written "IOM" and a filter on the code finds "GCTF East Africa
 * Working Group".
 */
export function organizationText(event: Pick<Event, "organizers" | "partners">): string {
  return `${organizationNamesText(event)} ${organizationTags(event)}`.trim();
}

/**
 * One made-up word per known organization the event names ("bsiorgiom"): the organization filter
 * matches these alone, so "the African Union" never matches an event whose partner merely contains
 * "union" or "africa".
 */
export function organizationTags(event: Pick<Event, "organizers" | "partners">): string {
  const codes = new Set(
    [...event.organizers, ...event.partners].flatMap((entry) =>
      organizationsNamedIn(entry).map((organization) => organization.code),
    ),
  );
  return [...codes].map(organizationTag).join(" ");
}

export function organizationTag(code: string): string {
  return `bsiorg${code.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")}`;
}

function organizationNamesText(event: Pick<Event, "organizers" | "partners">): string {
  return [...event.organizers, ...event.partners]
    .flatMap((entry) => [
      entry,
      ...organizationsNamedIn(entry).flatMap((organization) => [organization.code, ...organization.names]),
    ])
    .join(" ");
}

export function themeText(themes: readonly ThemeCode[]): string {
  return themes
    .map((code) => THEMES.find((theme) => theme.code === code))
    .filter((theme) => theme !== undefined)
    .map((theme) => [theme.label, theme.labels.fr, theme.labels.es, ...theme.synonyms].join(" "))
    .join(" ");
}
