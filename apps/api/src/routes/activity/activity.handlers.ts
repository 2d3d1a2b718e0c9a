import type { ActivityType } from "@bsi/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor, invalidCursorError } from "../../lib/cursor.js";
import { splitCsv } from "../../lib/query-schemas.js";
import type { AppEnv } from "../../lib/types.js";
import { listActivityPage } from "./activity.repository.js";
import type * as routes from "./activity.routes.js";

/** Feed cursors hold the last id seen; the scope is the same whatever the type filter. */
const CURSOR_SCOPE = "activity";

export const listActivity: RouteHandler<typeof routes.listActivity, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const deps = c.get("deps");
  let after = 0;
  if (query.after) {
    const position = decodeCursor<{ a?: unknown }>(
      deps.cursorKey,
      CURSOR_SCOPE,
      query.after,
      "after",
      "feed",
    );
    if (typeof position.a !== "number" || !Number.isSafeInteger(position.a) || position.a < 0) {
      throw invalidCursorError("after", "feed");
    }
    after = position.a;
  }
  const limit = query.limit ? Number(query.limit) : 50;
  const { items, lastId, hasMore } = await listActivityPage(deps.handle.db, {
    after,
    limit,
    types: splitCsv(query.type) as ActivityType[],
  });
  return c.json(
    { items, nextCursor: encodeCursor(deps.cursorKey, CURSOR_SCOPE, { a: lastId }), hasMore },
    200,
  );
};
