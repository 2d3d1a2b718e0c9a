import {
  formatReference,
  isFinalStatus,
  parseReference,
  type Request,
  type RequestStatus,
  type RequestType,
  transition,
} from "@bsi/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { recordActivity } from "../../activity/activity.repository.js";
import { hasScope } from "../../auth/authenticate.js";
import { writeTransaction } from "../../db/write-transaction.js";
import { AppError } from "../../lib/app-error.js";
import { changedFields } from "../../lib/changed-fields.js";
import { decodeCursor, encodeCursor, invalidCursorError } from "../../lib/cursor.js";
import { splitCsv } from "../../lib/query-schemas.js";
import { respond } from "../../lib/response-headers.js";
import type { AppEnv, AuthenticatedKey } from "../../lib/types.js";
import * as idempotency from "./requests.idempotency.js";
import { checkRelatedEvent, refuseVanishedEvent } from "./requests.related-event.js";
import * as repository from "./requests.repository.js";
import type * as routes from "./requests.routes.js";

/**
 * What a key may see of a request: the requester's email is contact data, shown only to keys with
 * requests:read. A history actor that is the email is shown as "requester".
 */
export function presentRequest(request: Request, canSeeContacts: boolean): Request {
  if (canSeeContacts) return request;
  const email = request.requester.email;
  return {
    ...request,
    requester: { ...request.requester, email: null },
    ...(request.history
      ? {
          history: request.history.map((entry) =>
            email && entry.actor.toLowerCase() === email ? { ...entry, actor: "requester" } : entry,
          ),
        }
      : {}),
  };
}

/** Accepts `bsi-2026-0042` as well as `BSI-2026-0042`; a malformed reference is a 400 naming it. */
function referenceFrom(value: string): string {
  const parsed = parseReference(value);
  // Sequences start at 1 ("BSI-2026-0000" was never issued) and fit an integer column.
  if (!parsed || parsed.year < 1000 || parsed.sequence < 1 || !Number.isSafeInteger(parsed.sequence)) {
    throw new AppError("validation_failed", "Invalid path: ref must be a reference such as BSI-2026-0042", {
      errors: [{ field: "ref", message: "must be a reference such as BSI-2026-0042" }],
    });
  }
  return formatReference(parsed.year, parsed.sequence);
}

function currentKey(c: Context<AppEnv>): AuthenticatedKey {
  const key = c.get("apiKey");
  if (!key) throw new AppError("unauthorized", "This route needs an API key");
  return key;
}

/** The later of two moments, as an ISO string: a clock read again never runs backwards here. */
function laterOf(first: Date, second: Date): string {
  return (second > first ? second : first).toISOString();
}

type CreateOutcome =
  | { kind: "created"; request: Request; body: string }
  | { kind: "replay"; statusCode: number; body: string };

export const createRequest: RouteHandler<typeof routes.createRequest, AppEnv> = async (c) => {
  const key = currentKey(c);
  const input = c.req.valid("json");
  const idempotencyKey = c.req.valid("header")["idempotency-key"];
  const deps = c.get("deps");
  const now = deps.now();
  const at = now.toISOString();
  const canSeeContacts = hasScope(c, "requests:read");
  const bodyHash = idempotency.hashBody(input);
  if (idempotencyKey) await idempotency.purgeExpiredIdempotencyKeys(deps.handle.db, now);

  const outcome = await writeTransaction<CreateOutcome>(deps.handle, async (trx) => {
    if (idempotencyKey) {
      const claim = await idempotency.claimIdempotencyKey(trx, {
        apiKeyId: key.id,
        key: idempotencyKey,
        bodyHash,
        now,
      });
      if (claim.kind === "replay") return claim;
      if (claim.kind === "mismatch") {
        throw new AppError(
          "conflict",
          "This Idempotency-Key was already used with a different body; use a new key for a new request",
          { errors: [{ field: "idempotency-key", message: "was already used with a different body" }] },
        );
      }
      if (claim.kind === "in_progress") {
        throw new AppError(
          "conflict",
          "A request with this Idempotency-Key is still being processed; retry in a moment",
          {
            errors: [{ field: "idempotency-key", message: "is in use by a request in progress" }],
            headers: { "retry-after": "1" },
          },
        );
      }
    }
    if (input.relatedEventId) await checkRelatedEvent(trx, input.relatedEventId, input.type, at.slice(0, 10));
    const request = await repository.insertRequest(trx, input, {
      year: now.getUTCFullYear(),
      clock: () => laterOf(now, deps.now()),
      actor: input.requester.slackUserId ?? input.requester.name,
    });
    await recordActivity(trx, {
      type: "request.created",
      subject: request.reference,
      at: request.createdAt,
      data: { request },
    });
    const body = JSON.stringify(presentRequest(request, canSeeContacts));
    if (idempotencyKey) {
      await idempotency.storeIdempotentResponse(trx, {
        apiKeyId: key.id,
        key: idempotencyKey,
        statusCode: 201,
        body,
      });
    }
    return { kind: "created", request, body };
  }).catch(refuseVanishedEvent(input.relatedEventId));

  if (outcome.kind === "replay") {
    const reference = (JSON.parse(outcome.body) as { reference?: string }).reference;
    return respond(c, outcome.body, outcome.statusCode as 201, "application/json", {
      "idempotent-replayed": "true",
      ...(reference ? { location: `/v1/requests/${reference}` } : {}),
    }) as never;
  }
  deps.notifyOutbox();
  return respond(c, outcome.body, 201, "application/json", {
    location: `/v1/requests/${outcome.request.reference}`,
  }) as never;
};

interface RequestCursor {
  c?: string;
  y?: number;
  s?: number;
}

export const listRequests: RouteHandler<typeof routes.listRequests, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const deps = c.get("deps");
  const { cursor, limit, ...filterQuery } = query;
  const cursorScope = `requests:${JSON.stringify(filterQuery)}`;
  const filters: repository.RequestFilters = {
    statuses: splitCsv(query.status) as RequestStatus[],
    memberStates: splitCsv(query.memberState),
    types: splitCsv(query.type) as RequestType[],
    requester:
      query.requester === undefined
        ? undefined
        : query.requester.includes("@")
          ? { email: query.requester }
          : { slackUserId: query.requester },
  };
  const page: repository.RequestPage = { limit: limit ? Number(limit) : 20 };
  if (cursor) {
    const position = decodeCursor<RequestCursor>(deps.cursorKey, cursorScope, cursor);
    if (typeof position.c !== "string" || typeof position.y !== "number" || typeof position.s !== "number") {
      throw invalidCursorError();
    }
    page.before = { createdAt: position.c, year: position.y, sequence: position.s };
  }
  const { requests, last } = await repository.listRequests(deps.handle.db, filters, page);
  const nextCursor = last
    ? encodeCursor(deps.cursorKey, cursorScope, { c: last.createdAt, y: last.year, s: last.sequence })
    : null;
  return c.json({ items: requests, nextCursor }, 200);
};

export const getRequest: RouteHandler<typeof routes.getRequest, AppEnv> = async (c) => {
  const reference = referenceFrom(c.req.valid("param").ref);
  const request = await repository.findRequestWithHistory(c.get("deps").handle.db, reference);
  if (!request) throw new AppError("not_found", `No request has the reference ${reference}`);
  return c.json(request, 200);
};

/** True when `actor` names the requester: their Slack user id, or their email in any case. */
function isRequester(request: Request, actor: string): boolean {
  const { slackUserId, email } = request.requester;
  return (
    (slackUserId !== null && actor === slackUserId) ||
    (email !== null && repository.normalizeEmail(actor) === email)
  );
}

export const transitionRequest: RouteHandler<typeof routes.transitionRequest, AppEnv> = async (c) => {
  const key = currentKey(c);
  const reference = referenceFrom(c.req.valid("param").ref);
  const body = c.req.valid("json");
  const canManage = hasScope(c, "requests:manage");
  const isWithdrawal = body.to === "withdrawn" && hasScope(c, "requests:write");
  if (!canManage && !isWithdrawal) {
    throw new AppError(
      "forbidden",
      `The API key "${key.name}" lacks the requests:manage scope this move needs; requests:write only lets a requester withdraw their own request`,
    );
  }
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const moved = await writeTransaction(deps.handle, async (trx) => {
    const current = await repository.findRequest(trx, reference);
    if (!current) throw new AppError("not_found", `No request has the reference ${reference}`);
    const result = transition({ from: current.status, to: body.to, actor: body.actor, note: body.note, at });
    // A key without requests:manage gets one answer for "not the requester" and "not open any more":
    // it can neither test which email filed a request nor read a status it may not see.
    if (!canManage && (!result.ok || !isRequester(current, body.actor))) {
      throw new AppError(
        "forbidden",
        `A requests:write key may only withdraw a request that is still open, for its requester; actor must be the requester's Slack user id or email`,
        { errors: [{ field: "actor", message: "must be the requester of an open request" }] },
      );
    }
    if (!result.ok) {
      if (result.reason === "note_required") {
        throw new AppError("unprocessable", `Cannot move ${reference}: ${result.message}`, {
          errors: [{ field: "note", message: "is required to decline: say why" }],
        });
      }
      throw new AppError("conflict", `Cannot move ${reference}: ${result.message}`, {
        errors: [{ field: "to", message: result.message }],
      });
    }
    const isMoved = await repository.updateStatus(trx, reference, { from: current.status, to: body.to, at });
    if (!isMoved) {
      throw new AppError(
        "conflict",
        `${reference} changed while this move was made; read it again and retry`,
      );
    }
    await repository.insertHistory(trx, reference, result.entry);
    const request: Request = {
      ...current,
      status: body.to,
      updatedAt: at,
      history: await repository.findHistory(trx, reference),
    };
    await recordActivity(trx, {
      type: "request.status_changed",
      subject: reference,
      at,
      data: {
        request,
        from: result.entry.from,
        to: result.entry.to,
        actor: result.entry.actor,
        note: result.entry.note,
      },
    });
    return request;
  });
  deps.notifyOutbox();
  return c.json(presentRequest(moved, hasScope(c, "requests:read")), 200);
};

export const updateRequest: RouteHandler<typeof routes.updateRequest, AppEnv> = async (c) => {
  const reference = referenceFrom(c.req.valid("param").ref);
  const { actor, ...changes } = c.req.valid("json");
  const deps = c.get("deps");
  const at = deps.now().toISOString();
  const updated = await writeTransaction(deps.handle, async (trx) => {
    const current = await repository.findRequest(trx, reference);
    if (!current) throw new AppError("not_found", `No request has the reference ${reference}`);
    if (isFinalStatus(current.status)) {
      throw new AppError(
        "conflict",
        `${reference} is ${current.status}, a final status; it cannot be changed`,
      );
    }
    const relatedEventId =
      changes.relatedEventId === undefined ? current.relatedEventId : changes.relatedEventId;
    if (current.type === "workshop_participation" && !relatedEventId) {
      throw new AppError(
        "unprocessable",
        "relatedEventId is required for a workshop participation request: name the event",
        {
          errors: [{ field: "relatedEventId", message: "is required for a workshop participation request" }],
        },
      );
    }
    // As stored: a blank agency is none, themes are kept once each.
    const changed = changedFields(current, {
      ...changes,
      ...(changes.agency !== undefined ? { agency: changes.agency || null } : {}),
      ...(changes.themes ? { themes: [...new Set(changes.themes)] } : {}),
    });
    if (changed.length === 0) {
      const unchanged = await repository.findRequestWithHistory(trx, reference);
      if (!unchanged) throw new Error(`request ${reference} vanished inside its own transaction`);
      return unchanged;
    }
    if (changes.relatedEventId) {
      await checkRelatedEvent(trx, changes.relatedEventId, current.type, at.slice(0, 10));
    }
    await repository.updateRequestFields(trx, reference, changes, at);
    const request = await repository.findRequestWithHistory(trx, reference);
    if (!request) throw new Error(`request ${reference} vanished inside its own transaction`);
    await recordActivity(trx, {
      type: "request.updated",
      subject: reference,
      at,
      data: { request, changed, actor },
    });
    return request;
  }).catch(refuseVanishedEvent(changes.relatedEventId));
  deps.notifyOutbox();
  return c.json(presentRequest(updated, hasScope(c, "requests:read")), 200);
};
