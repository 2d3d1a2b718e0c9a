import type { Activity, ActivityType } from "@bsi/domain";
import type { Kysely } from "kysely";
import { rowToActivity } from "../../activity/activity.repository.js";
import type { Database } from "../../db/database.js";

/**
 * Activity after `after` in id order, which is commit order on SQLite (one writer at a time).
 * `lastId` is where the next call should resume: the last record returned, else `after`.
 */
export async function listActivityPage(
  db: Kysely<Database>,
  options: { after: number; limit: number; types?: readonly ActivityType[] | undefined },
): Promise<{ items: Activity[]; lastId: number; hasMore: boolean }> {
  let query = db.selectFrom("activity").selectAll().where("id", ">", options.after);
  if (options.types?.length) query = query.where("type", "in", options.types);
  const rows = await query
    .orderBy("id")
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(rowToActivity),
    lastId: last ? Number(last.id) : options.after,
    hasMore: rows.length > options.limit,
  };
}
