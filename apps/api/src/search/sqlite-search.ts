import type { Event, Practice } from "@bsi/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import {
  organizationTag,
  organizationText,
  placeText,
  type SearchIndex,
  type SearchTerms,
  themeText,
} from "./search-index.js";

const toPrefixPhrase = (word: string) => `"${word.replaceAll('"', "")}"*`;

/**
 * FTS5 MATCH expression: every word must appear, each as a quoted prefix ("sah"* finds Sahel), and
 * none of the excluded ones: `("border"*) NOT ("maritime"* OR "sea"*)` (FTS5's NOT is binary). bm25
 * scores an excluded phrase 0 in every row found, so leaving words out does not change the ranking.
 */
function toMatchExpression(terms: SearchTerms): string {
  const found = terms.words.map(toPrefixPhrase).join(" ");
  if (!terms.excluded?.length) return found;
  return `(${found}) NOT (${terms.excluded.map(toPrefixPhrase).join(" OR ")})`;
}

/**
 * SQLite FTS5 with bm25 ranking. Column weights: title 10, summary 3, places 4, themes 2,
 * organizations 4 for events;
 * title 10, summary 4, body 1, themes 3 for practices.
 */
export function createSqliteSearch(): SearchIndex {
  return {
    async indexEvent(db: Kysely<Database>, event: Event) {
      await sql`DELETE FROM events_fts WHERE event_id = ${event.id}`.execute(db);
      await sql`INSERT INTO events_fts (event_id, title, summary, places, themes, organizations)
        VALUES (${event.id}, ${event.title}, ${event.summary}, ${placeText(event)}, ${themeText(event.themes)},
          ${organizationText(event)})`.execute(db);
    },
    async removeEvent(db, id) {
      await sql`DELETE FROM events_fts WHERE event_id = ${id}`.execute(db);
    },
    async indexPractice(db: Kysely<Database>, practice: Practice) {
      await sql`DELETE FROM practices_fts WHERE practice_id = ${practice.id}`.execute(db);
      await sql`INSERT INTO practices_fts (practice_id, title, summary, body, themes)
        VALUES (${practice.id}, ${practice.title}, ${practice.summary}, ${practice.body}, ${themeText(practice.themes)})`.execute(
        db,
      );
    },
    async removePractice(db, id) {
      await sql`DELETE FROM practices_fts WHERE practice_id = ${id}`.execute(db);
    },
    matchEvents(terms) {
      return sql<{
        id: string;
        rank: number;
      }>`(SELECT event_id AS id, bm25(events_fts, 0, 10.0, 3.0, 4.0, 2.0, 4.0) AS rank
        FROM events_fts WHERE events_fts MATCH ${toMatchExpression(terms)})`;
    },
    eventsWithOrganizations(codes) {
      const names = codes.map((code) => `"${organizationTag(code)}"`).join(" OR ");
      return sql<{
        id: string;
      }>`(SELECT event_id FROM events_fts WHERE events_fts MATCH ${`organizations : (${names})`})`;
    },
    matchPractices(terms) {
      return sql<{
        id: string;
        rank: number;
      }>`(SELECT practice_id AS id, bm25(practices_fts, 0, 10.0, 4.0, 1.0, 3.0) AS rank
        FROM practices_fts WHERE practices_fts MATCH ${toMatchExpression(terms)})`;
    },
  };
}
