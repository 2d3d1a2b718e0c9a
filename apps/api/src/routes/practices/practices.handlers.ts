import type { Practice, ThemeCode } from "@bsi/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import { recordActivity } from "../../activity/activity.repository.js";
import { bumpCatalogueVersion, catalogueChanged } from "../../catalogue/catalogue-version.js";
import { isUniqueViolation } from "../../db/constraint-errors.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { changedFields } from "../../lib/changed-fields.js";
import { decodeCursor, encodeCursor, invalidCursorError } from "../../lib/cursor.js";
import { splitCsv } from "../../lib/query-schemas.js";
import type { AppEnv } from "../../lib/types.js";
import { parseSearchQuery } from "../../search/search-index.js";
import { findEventsByIds } from "../events/events.repository.js";
import * as repository from "./practices.repository.js";
import type * as routes from "./practices.routes.js";

async function checkSourceEvents(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  const found = new Set((await findEventsByIds(db, ids)).map((event) => event.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError(
      "unprocessable",
      `sourceEventIds names events that do not exist: ${missing.join(", ")}`,
      {
        errors: [{ field: "sourceEventIds", message: `names unknown events: ${missing.join(", ")}` }],
      },
    );
  }
}

export const listPractices: RouteHandler<typeof routes.listPractices, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const deps = c.get("deps");
  const filters = {
    themes: splitCsv(query.theme) as ThemeCode[],
    search: query.q === undefined ? undefined : parseSearchQuery(query.q),
  };
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  const scope = `practices:${JSON.stringify(rest)}`;
  const page: { limit: number; after?: string; offset?: number } = {
    limit: query.limit ? Number(query.limit) : 20,
  };
  if (query.cursor) {
    const position = decodeCursor<{ a?: string; o?: number }>(deps.cursorKey, scope, query.cursor);
    if (typeof position.a === "string") page.after = position.a;
    else if (typeof position.o === "number" && position.o >= 0) page.offset = position.o;
    else throw invalidCursorError();
  }
  const { practices, hasMore } = await repository.listPractices(deps.handle.db, deps.search, filters, page);
  const last = practices.at(-1);
  let nextCursor: string | null = null;
  if (hasMore && last) {
    nextCursor = filters.search
      ? encodeCursor(deps.cursorKey, scope, { o: (page.offset ?? 0) + practices.length })
      : encodeCursor(deps.cursorKey, scope, { a: last.id });
  }
  return c.json({ items: practices, nextCursor }, 200);
};

export const getPractice: RouteHandler<typeof routes.getPractice, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const practice = await repository.findPractice(c.get("deps").handle.db, id);
  if (!practice) throw new AppError("not_found", `No practice has the id ${id}`);
  return c.json(practice, 200);
};

export const createPractice: RouteHandler<typeof routes.createPractice, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const taken = () =>
    new AppError("conflict", `A practice with the id ${input.id} already exists; choose another id`, {
      errors: [{ field: "id", message: "is already taken" }],
    });
  const practice = await deps.handle.db
    .transaction()
    .execute(async (trx) => {
      if (await repository.findPractice(trx, input.id)) throw taken();
      await checkSourceEvents(trx, input.sourceEventIds);
      const created = await repository.insertPractice(trx, deps.search, input, at);
      await bumpCatalogueVersion(trx);
      await recordActivity(trx, {
        type: "practice.created",
        subject: created.id,
        at,
        data: { practice: created },
      });
      return created;
    })
    .catch((error: unknown) => {
      // Created by a concurrent call after this one looked (PostgreSQL).
      throw isUniqueViolation(error, { postgres: "practices_pkey", sqlite: "practices.id" })
        ? taken()
        : error;
    });
  catalogueChanged();
  deps.notifyOutbox();
  return c.json(practice, 201, { location: `/v1/practices/${practice.id}` });
};

export const updatePractice: RouteHandler<typeof routes.updatePractice, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const patch = c.req.valid("json");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const practice = await deps.handle.db.transaction().execute(async (trx) => {
    const current = await repository.findPractice(trx, id);
    if (!current) throw new AppError("not_found", `No practice has the id ${id}`);
    const changed = changedFields(current, patch as Partial<Practice>);
    if (changed.length === 0) return current;
    if (patch.sourceEventIds) await checkSourceEvents(trx, patch.sourceEventIds);
    const next = {
      ...current,
      ...patch,
      themes: [...new Set(patch.themes ?? current.themes)],
      updatedAt: at,
    } as Practice;
    await repository.savePractice(trx, deps.search, next);
    await bumpCatalogueVersion(trx);
    await recordActivity(trx, {
      type: "practice.updated",
      subject: id,
      at,
      data: { practice: next, changed },
    });
    return next;
  });
  catalogueChanged();
  deps.notifyOutbox();
  return c.json(practice, 200);
};

export const deletePractice: RouteHandler<typeof routes.deletePractice, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  await deps.handle.db.transaction().execute(async (trx) => {
    const current = await repository.findPractice(trx, id);
    if (!current) throw new AppError("not_found", `No practice has the id ${id}`);
    await repository.deletePractice(trx, deps.search, id);
    await bumpCatalogueVersion(trx);
    await recordActivity(trx, { type: "practice.deleted", subject: id, at, data: { practice: current } });
  });
  catalogueChanged();
  deps.notifyOutbox();
  return c.body(null, 204);
};
