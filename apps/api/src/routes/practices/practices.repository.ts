import type { Practice, ThemeCode, ValidNewPractice } from "@bsi/domain";
import type { Kysely } from "kysely";
import type { Database, NewPracticeRow, PracticeRow } from "../../db/database.js";
import type { SearchIndex, SearchTerms } from "../../search/search-index.js";

export function rowToPractice(row: PracticeRow): Practice {
  return {
    id: row.id,
    title: row.title,
    themes: JSON.parse(row.themes) as ThemeCode[],
    summary: row.summary,
    body: row.body,
    sourceEventIds: JSON.parse(row.source_event_ids) as string[],
    references: JSON.parse(row.references) as string[],
    sample: Boolean(row.sample),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function practiceToRow(practice: Practice): NewPracticeRow {
  return {
    id: practice.id,
    title: practice.title,
    themes: JSON.stringify(practice.themes),
    summary: practice.summary,
    body: practice.body,
    source_event_ids: JSON.stringify(practice.sourceEventIds),
    references: JSON.stringify(practice.references),
    sample: practice.sample ? 1 : 0,
    created_at: practice.createdAt,
    updated_at: practice.updatedAt,
  };
}

export interface PracticeFilters {
  themes?: readonly ThemeCode[] | undefined;
  search?: SearchTerms | undefined;
}

/** Practices by title (or by relevance when searching), one page at a time. */
export async function listPractices(
  db: Kysely<Database>,
  search: SearchIndex,
  filters: PracticeFilters,
  page: { limit: number; after?: string | undefined; offset?: number | undefined },
): Promise<{ practices: Practice[]; hasMore: boolean }> {
  let query = db.selectFrom("practices");
  if (filters.themes?.length) {
    const themes = [...filters.themes];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("practice_themes")
          .select("practice_themes.practice_id")
          .whereRef("practice_themes.practice_id", "=", "practices.id")
          .where("practice_themes.theme", "in", themes),
      ),
    );
  }
  let rows: PracticeRow[];
  if (filters.search) {
    rows = await query
      .innerJoin(search.matchPractices(filters.search).as("matches"), (join) =>
        join.onRef("matches.id", "=", "practices.id"),
      )
      .selectAll("practices")
      .orderBy("matches.rank")
      .orderBy("practices.id")
      .limit(page.limit + 1)
      .offset(page.offset ?? 0)
      .execute();
  } else {
    let keyed = query.selectAll("practices");
    if (page.after) keyed = keyed.where("practices.id", ">", page.after);
    rows = await keyed
      .orderBy("practices.id")
      .limit(page.limit + 1)
      .execute();
  }
  return { practices: rows.slice(0, page.limit).map(rowToPractice), hasMore: rows.length > page.limit };
}

export async function findPractice(db: Kysely<Database>, id: string): Promise<Practice | undefined> {
  const row = await db.selectFrom("practices").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? rowToPractice(row) : undefined;
}

async function writeThemes(db: Kysely<Database>, practice: Practice): Promise<void> {
  await db.deleteFrom("practice_themes").where("practice_id", "=", practice.id).execute();
  if (practice.themes.length > 0) {
    await db
      .insertInto("practice_themes")
      .values([...new Set(practice.themes)].map((theme) => ({ practice_id: practice.id, theme })))
      .execute();
  }
}

export async function insertPractice(
  db: Kysely<Database>,
  search: SearchIndex,
  input: ValidNewPractice,
  at: string,
): Promise<Practice> {
  // A theme listed twice is kept once.
  const practice: Practice = { ...input, themes: [...new Set(input.themes)], createdAt: at, updatedAt: at };
  await db.insertInto("practices").values(practiceToRow(practice)).execute();
  await writeThemes(db, practice);
  await search.indexPractice(db, practice);
  return practice;
}

export async function savePractice(
  db: Kysely<Database>,
  search: SearchIndex,
  practice: Practice,
): Promise<void> {
  const { id, created_at: _createdAt, ...changes } = practiceToRow(practice);
  await db.updateTable("practices").set(changes).where("id", "=", id).execute();
  await writeThemes(db, practice);
  await search.indexPractice(db, practice);
}

export async function deletePractice(
  db: Kysely<Database>,
  search: SearchIndex,
  id: string,
): Promise<boolean> {
  await search.removePractice(db, id);
  const result = await db.deleteFrom("practices").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
