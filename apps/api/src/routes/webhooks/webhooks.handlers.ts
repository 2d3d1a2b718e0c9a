import type { RouteHandler } from "@hono/zod-openapi";
import { hasScope } from "../../auth/authenticate.js";
import { writeTransaction } from "../../db/write-transaction.js";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, encodeCursor, invalidCursorError } from "../../lib/cursor.js";
import type { AppEnv } from "../../lib/types.js";
import * as repository from "./webhooks.repository.js";
import type * as routes from "./webhooks.routes.js";

function notFound(id: string): AppError {
  return new AppError("not_found", `No webhook has the id ${id}`);
}

export const createWebhook: RouteHandler<typeof routes.createWebhook, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  // Request payloads carry the requester's contact details, which only requests:read may see.
  if (input.events.some((type) => type.startsWith("request.")) && !hasScope(c, "requests:read")) {
    throw new AppError(
      "forbidden",
      `The API key "${c.get("apiKey")?.name}" lacks requests:read, which subscribing to request activity needs: its payloads carry requesters' contact details`,
      { errors: [{ field: "events", message: "request.* types need a key with requests:read as well" }] },
    );
  }
  const deps = c.get("deps");
  const webhook = await repository.insertWebhook(deps.handle.db, input, deps.now().toISOString());
  return c.json(webhook, 201, { location: `/v1/webhooks/${webhook.id}` });
};

export const listWebhooks: RouteHandler<typeof routes.listWebhooks, AppEnv> = async (c) => {
  return c.json({ items: await repository.listWebhooks(c.get("deps").handle.db) }, 200);
};

export const getWebhook: RouteHandler<typeof routes.getWebhook, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const webhook = await repository.findWebhook(c.get("deps").handle.db, id);
  if (!webhook) throw notFound(id);
  return c.json(webhook, 200);
};

export const deleteWebhook: RouteHandler<typeof routes.deleteWebhook, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const deps = c.get("deps");
  const isDeleted = await writeTransaction(deps.handle, (trx) =>
    repository.deleteWebhook(trx, id, deps.now().toISOString()),
  );
  if (!isDeleted) throw notFound(id);
  return c.body(null, 204);
};

export const enableWebhook: RouteHandler<typeof routes.enableWebhook, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const redeliverSince = body.redeliverSince ? new Date(body.redeliverSince).toISOString() : undefined;
  const enabled = await writeTransaction(deps.handle, (trx) =>
    repository.enableWebhook(trx, id, { at, redeliverSince }),
  );
  if (!enabled) throw notFound(id);
  if (enabled.redelivered > 0) deps.notifyOutbox();
  return c.json({ ...enabled.webhook, redelivered: enabled.redelivered }, 200);
};

export const listDeliveries: RouteHandler<typeof routes.listDeliveries, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const query = c.req.valid("query");
  const deps = c.get("deps");
  const cursorScope = `deliveries:${id}:${query.status ?? ""}`;
  let beforeActivityId: number | undefined;
  if (query.cursor) {
    const position = decodeCursor<{ b?: unknown }>(deps.cursorKey, cursorScope, query.cursor);
    if (typeof position.b !== "number" || !Number.isSafeInteger(position.b)) {
      throw invalidCursorError();
    }
    beforeActivityId = position.b;
  }
  if (!(await repository.findWebhook(deps.handle.db, id))) throw notFound(id);
  const { items, lastActivityId } = await repository.listDeliveries(deps.handle.db, id, {
    limit: query.limit ? Number(query.limit) : 20,
    beforeActivityId,
    status: query.status,
  });
  const nextCursor =
    lastActivityId === undefined ? null : encodeCursor(deps.cursorKey, cursorScope, { b: lastActivityId });
  return c.json({ items, nextCursor }, 200);
};
