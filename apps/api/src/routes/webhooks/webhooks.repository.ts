import { randomBytes } from "node:crypto";
import type { ActivityType } from "@bsi/domain";
import type { Kysely } from "kysely";
import type { Database, WebhookAttemptRow, WebhookDeliveryRow, WebhookRow } from "../../db/database.js";
import { dropPendingDeliveries } from "../../webhooks/deliveries.repository.js";

export interface Webhook {
  id: string;
  url: string;
  events: ActivityType[];
  secret?: string;
  createdAt: string;
  disabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface DeliveryAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  activityId: string;
  type: ActivityType;
  status: "pending" | "delivered" | "failed";
  attemptCount: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attempts: DeliveryAttempt[];
}

/** The secret stays out unless asked for: it is shown once, when the webhook is made. */
export function rowToWebhook(row: WebhookRow, options: { withSecret?: boolean } = {}): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as ActivityType[],
    ...(options.withSecret ? { secret: row.secret } : {}),
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
  };
}

function rowToDelivery(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): Delivery {
  return {
    id: row.id,
    activityId: String(row.activity_id),
    type: row.type as ActivityType,
    status: row.status as Delivery["status"],
    attemptCount: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    attempts: attempts.map((attempt) => ({
      at: attempt.at,
      statusCode: attempt.status_code,
      error: attempt.error,
      durationMs: attempt.duration_ms,
    })),
  };
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export async function insertWebhook(
  db: Kysely<Database>,
  input: { url: string; events: readonly ActivityType[] },
  at: string,
): Promise<Webhook> {
  const row: WebhookRow = {
    id: `wh_${randomBytes(8).toString("hex")}`,
    url: input.url,
    events: JSON.stringify([...new Set(input.events)]),
    secret: generateWebhookSecret(),
    created_at: at,
    disabled_at: null,
    disabled_reason: null,
    enabled_at: null,
    deleted_at: null,
  };
  await db.insertInto("webhooks").values(row).execute();
  return rowToWebhook(row, { withSecret: true });
}

export async function listWebhooks(db: Kysely<Database>): Promise<Webhook[]> {
  const rows = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => rowToWebhook(row));
}

export async function findWebhook(db: Kysely<Database>, id: string): Promise<Webhook | undefined> {
  const row = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? rowToWebhook(row) : undefined;
}

/** Marks the webhook deleted (its deliveries stay readable to the database) and drops what is pending. */
export async function deleteWebhook(trx: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable("webhooks")
    .set({ deleted_at: at })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await dropPendingDeliveries(trx, id, "the webhook was deleted", at);
  return true;
}

/**
 * Turns a disabled webhook back on and, when asked, puts the deliveries that failed since `since`
 * back in the queue, due now, each keeping its id (so receivers that already processed one can tell).
 * Resolves undefined when there is no such webhook.
 */
export async function enableWebhook(
  trx: Kysely<Database>,
  id: string,
  options: { at: string; redeliverSince?: string | undefined },
): Promise<{ webhook: Webhook; redelivered: number } | undefined> {
  const row = await trx
    .updateTable("webhooks")
    .set({ disabled_at: null, disabled_reason: null, enabled_at: options.at })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  let redelivered = 0;
  if (options.redeliverSince !== undefined) {
    const result = await trx
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: options.at, locked_until: null })
      .where("webhook_id", "=", id)
      .where("status", "=", "failed")
      .where("created_at", ">=", options.redeliverSince)
      .executeTakeFirst();
    redelivered = Number(result.numUpdatedRows);
  }
  return { webhook: rowToWebhook(row), redelivered };
}

/** How many attempts each delivery in a listing shows. */
const ATTEMPTS_SHOWN = 20;

export async function listDeliveries(
  db: Kysely<Database>,
  webhookId: string,
  options: { limit: number; beforeActivityId?: number | undefined; status?: Delivery["status"] | undefined },
): Promise<{ items: Delivery[]; lastActivityId: number | undefined }> {
  let query = db.selectFrom("webhook_deliveries").selectAll().where("webhook_id", "=", webhookId);
  if (options.status) query = query.where("status", "=", options.status);
  if (options.beforeActivityId !== undefined)
    query = query.where("activity_id", "<", options.beforeActivityId);
  const rows = await query
    .orderBy("activity_id", "desc")
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const attemptsByDelivery = new Map<string, WebhookAttemptRow[]>();
  if (page.length > 0) {
    const attempts = await db
      .selectFrom("webhook_attempts")
      .selectAll()
      .where(
        "delivery_id",
        "in",
        page.map((row) => row.id),
      )
      .orderBy("id")
      .execute();
    for (const attempt of attempts) {
      const list = attemptsByDelivery.get(attempt.delivery_id) ?? [];
      list.push(attempt);
      attemptsByDelivery.set(attempt.delivery_id, list);
    }
  }
  const last = page.at(-1);
  return {
    items: page.map((row) =>
      rowToDelivery(row, (attemptsByDelivery.get(row.id) ?? []).slice(-ATTEMPTS_SHOWN)),
    ),
    lastActivityId: rows.length > options.limit && last ? Number(last.activity_id) : undefined,
  };
}
