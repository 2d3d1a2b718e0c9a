import type { Event, Practice } from "@bsi/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import {
  organizationTag,
  organizationTags,
  organizationText,
  placeText,
  type SearchIndex,
  type SearchTerms,
  themeText,
} from "./search-index.js";

const toPrefixLexeme = (word: string) => `${word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")}:*`;

/** `word:* & word:*` — every word must appear, each as a prefix, as the SQLite module does. */
function toRankQuery(terms: SearchTerms): string {
  return terms.words.map(toPrefixLexeme).join(" & ");
}

/**
 * The rank query, and none of the excluded words: `border:* & !maritime:*`. Ranks use the rank query
 * alone: ts_rank counts every lexeme of its query, negated ones too, so leaving a word out would
 * change the ranking.
 */
function toMatchQuery(terms: SearchTerms): string {
  return [toRankQuery(terms), ...(terms.excluded ?? []).map((word) => `!${toPrefixLexeme(word)}`)].join(
    " & ",
  );
}

/**
 * PostgreSQL full-text search: one weighted tsvector per record ('simple' configuration, so French
 * and Spanish words are not stemmed as English; accents folded with unaccent). Weights mirror the
 * SQLite module's bm25 column weights: title A, places and organizations B, summary C, themes D (events); title A,
 * summary B, themes C, body D (practices). Ranks are negated so that lower ranks come first, as bm25's.
 */
export function createPostgresSearch(): SearchIndex {
  return {
    async indexEvent(db: Kysely<Database>, event: Event) {
      const organizations = organizationText(event);
      await sql`INSERT INTO events_fts (event_id, document, organizations) VALUES (${event.id},
        setweight(to_tsvector('simple', unaccent(${event.title})), 'A') ||
        setweight(to_tsvector('simple', unaccent(${placeText(event)})), 'B') ||
        setweight(to_tsvector('simple', unaccent(${organizations})), 'B') ||
        setweight(to_tsvector('simple', unaccent(${event.summary})), 'C') ||
        setweight(to_tsvector('simple', unaccent(${themeText(event.themes)})), 'D'),
        to_tsvector('simple', ${organizationTags(event)}))
        ON CONFLICT (event_id) DO UPDATE SET document = excluded.document,
          organizations = excluded.organizations`.execute(db);
    },
    eventsWithOrganizations(codes) {
      const query = codes.map(organizationTag).join(" | ");
      return sql<{ id: string }>`(SELECT event_id FROM events_fts
        WHERE organizations @@ to_tsquery('simple', ${query}))`;
    },
    async removeEvent(db, id) {
      await sql`DELETE FROM events_fts WHERE event_id = ${id}`.execute(db);
    },
    async indexPractice(db: Kysely<Database>, practice: Practice) {
      await sql`INSERT INTO practices_fts (practice_id, document) VALUES (${practice.id},
        setweight(to_tsvector('simple', unaccent(${practice.title})), 'A') ||
        setweight(to_tsvector('simple', unaccent(${practice.summary})), 'B') ||
        setweight(to_tsvector('simple', unaccent(${themeText(practice.themes)})), 'C') ||
        setweight(to_tsvector('simple', unaccent(${practice.body})), 'D'))
        ON CONFLICT (practice_id) DO UPDATE SET document = excluded.document`.execute(db);
    },
    async removePractice(db, id) {
      await sql`DELETE FROM practices_fts WHERE practice_id = ${id}`.execute(db);
    },
    matchEvents(terms) {
      return sql<{ id: string; rank: number }>`(SELECT event_id AS id,
        -ts_rank(document, to_tsquery('simple', ${toRankQuery(terms)}), 0) AS rank
        FROM events_fts WHERE document @@ to_tsquery('simple', ${toMatchQuery(terms)}))`;
    },
    matchPractices(terms) {
      return sql<{ id: string; rank: number }>`(SELECT practice_id AS id,
        -ts_rank(document, to_tsquery('simple', ${toRankQuery(terms)}), 0) AS rank
        FROM practices_fts WHERE document @@ to_tsquery('simple', ${toMatchQuery(terms)}))`;
    },
  };
}
