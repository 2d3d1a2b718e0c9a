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
  /** Plain words, lowercase, at most 20. */
  words: string[];
}

export const MAX_QUERY_LENGTH = 200;
const OPERATOR_CHARACTERS = /["*()^:{}[\]+]/;
const OPERATOR_WORDS = /(^|\s)(AND|OR|NOT|NEAR)(\s|$)/;

/**
 * Turns `q` into plain search words. Search syntax is refused with a 400 that says so, instead of
 * being passed to the engine: `q` is a list of words, not a query language.
 */
export function parseSearchQuery(q: string, field = "q"): SearchTerms {
  if (q.length > MAX_QUERY_LENGTH) {
    throw new AppError(
      "validation_failed",
      `Invalid query parameters: ${field} must be at most ${MAX_QUERY_LENGTH} characters`,
      {
        errors: [{ field, message: `must be at most ${MAX_QUERY_LENGTH} characters` }],
      },
    );
  }
  if (OPERATOR_CHARACTERS.test(q) || OPERATOR_WORDS.test(q)) {
    const message = "must be plain words: search operators, quotes, * and parentheses are not supported";
    throw new AppError("validation_failed", `Invalid query parameters: ${field} ${message}`, {
      errors: [{ field, message }],
    });
  }
  // NFKC first, so that both databases search for the same words: "ﬁrst" is "first", full-width "Ａ"
  // is "A", "Nº" is "No" (PostgreSQL's search would fold them, SQLite's tokenizer would not).
  const words = (
    q
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 20);
  if (words.length === 0) {
    const message = "must contain at least one word";
    throw new AppError("validation_failed", `Invalid query parameters: ${field} ${message}`, {
      errors: [{ field, message }],
    });
  }
  return { words };
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
