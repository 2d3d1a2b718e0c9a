import { type Kysely, sql, type UpdateObject } from "kysely";
import type { Database, WebhookDeliveryRow } from "../db/database.js";

export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  url: string;
  secret: string;
  /** The lease this process holds; every later write to the delivery is guarded by it. */
  lease: string;
}

/**
 * Claims up to `limit` due deliveries for this process by setting `locked_until` in one UPDATE that
 * re-checks status and lock in its WHERE clause, so two processes (or two instances on PostgreSQL)
 * never take the same delivery. A process that dies mid-send holds it only until the lease ends.
 * Deliveries of the webhooks in `skipWebhookIds` (held: their receiver is failing) are left.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  options: { now: string; lease: string; limit: number; skipWebhookIds?: readonly string[] },
): Promise<ClaimedDelivery[]> {
  const { now, lease, skipWebhookIds = [] } = options;
  let due = db
    .selectFrom("webhook_deliveries")
    .select("webhook_deliveries.id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .orderBy("next_attempt_at")
    .limit(options.limit);
  if (skipWebhookIds.length > 0) due = due.where("webhook_id", "not in", skipWebhookIds);
  const claimed = await db
    .updateTable("webhook_deliveries")
    .set({ locked_until: lease })
    .where("id", "in", due)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .returningAll()
    .execute();
  if (claimed.length === 0) return [];
  // RETURNING follows the UPDATE's own order, not the subquery's: send the longest-due first.
  claimed.sort((a, b) =>
    a.next_attempt_at === b.next_attempt_at
      ? a.created_at.localeCompare(b.created_at)
      : a.next_attempt_at.localeCompare(b.next_attempt_at),
  );
  const webhooks = await db
    .selectFrom("webhooks")
    .select(["id", "url", "secret", "disabled_at", "deleted_at"])
    .where("id", "in", [...new Set(claimed.map((delivery) => delivery.webhook_id))])
    .execute();
  const byId = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  const result: ClaimedDelivery[] = [];
  for (const delivery of claimed) {
    const webhook = byId.get(delivery.webhook_id);
    if (!webhook || webhook.disabled_at || webhook.deleted_at) {
      await finishDelivery(db, delivery.id, lease, {
        status: "failed",
        last_error: "the webhook is disabled or deleted",
      });
      continue;
    }
    result.push({ delivery, url: webhook.url, secret: webhook.secret, lease });
  }
  return result;
}

export interface AttemptRecord {
  deliveryId: string;
  lease: string;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** Records one attempt; the delivery changes only while this process still holds its lease. */
export async function recordAttempt(
  trx: Kysely<Database>,
  attempt: AttemptRecord,
  outcome:
    | { status: "delivered" }
    | { status: "pending"; nextAttemptAt: string }
    | { status: "failed"; reason: string },
): Promise<boolean> {
  await trx
    .insertInto("webhook_attempts")
    .values({
      delivery_id: attempt.deliveryId,
      at: attempt.at,
      status_code: attempt.statusCode,
      error: attempt.error,
      duration_ms: attempt.durationMs,
    })
    .execute();
  return finishDelivery(trx, attempt.deliveryId, attempt.lease, {
    status: outcome.status,
    attempts: sql<number>`attempts + 1`,
    last_attempt_at: attempt.at,
    last_status_code: attempt.statusCode,
    last_error:
      outcome.status === "failed"
        ? `${attempt.error ?? `HTTP ${attempt.statusCode}`}; ${outcome.reason}`
        : attempt.error,
    ...(outcome.status === "delivered" ? { delivered_at: attempt.at } : {}),
    ...(outcome.status === "pending" ? { next_attempt_at: outcome.nextAttemptAt } : {}),
  });
}

async function finishDelivery(
  db: Kysely<Database>,
  id: string,
  lease: string,
  changes: UpdateObject<Database, "webhook_deliveries">,
): Promise<boolean> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ ...changes, locked_until: null })
    .where("id", "=", id)
    .where("locked_until", "=", lease)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives a claimed delivery back untouched (the dispatcher is stopping mid-send). */
export async function releaseDelivery(db: Kysely<Database>, id: string, lease: string): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set({ locked_until: null })
    .where("id", "=", id)
    .where("locked_until", "=", lease)
    .execute();
}

/**
 * When the webhook's receiver started failing: its earliest attempt after its last successful
 * delivery, or undefined when nothing has failed since then.
 */
export async function findFailingSince(db: Kysely<Database>, webhookId: string): Promise<string | undefined> {
  const lastSuccess = await db
    .selectFrom("webhook_deliveries")
    .select((eb) => eb.fn.max("delivered_at").as("at"))
    .where("webhook_id", "=", webhookId)
    .executeTakeFirst();
  const webhook = await db
    .selectFrom("webhooks")
    .select("enabled_at")
    .where("id", "=", webhookId)
    .executeTakeFirst();
  // The streak starts after the last success, or after the webhook was last turned back on.
  const succeededAt = lastSuccess?.at ?? "";
  const enabledAt = webhook?.enabled_at ?? "";
  // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compared as strings; Math.max takes numbers
  const after = enabledAt > succeededAt ? enabledAt : succeededAt;
  const row = await db
    .selectFrom("webhook_attempts")
    .innerJoin("webhook_deliveries", "webhook_deliveries.id", "webhook_attempts.delivery_id")
    .select((eb) => eb.fn.min("webhook_attempts.at").as("since"))
    .where("webhook_deliveries.webhook_id", "=", webhookId)
    .where("webhook_attempts.at", ">", after)
    .executeTakeFirst();
  return row?.since ?? undefined;
}

/** Marks every pending delivery of the webhook failed, with the reason. */
export async function dropPendingDeliveries(
  trx: Kysely<Database>,
  webhookId: string,
  reason: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable("webhook_deliveries")
    .set({ status: "failed", last_error: reason, locked_until: null, next_attempt_at: at })
    .where("webhook_id", "=", webhookId)
    .where("status", "=", "pending")
    .execute();
}

/** Disables the webhook (shown on GET /v1/webhooks) and drops its pending deliveries. */
export async function disableWebhook(
  trx: Kysely<Database>,
  webhookId: string,
  reason: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable("webhooks")
    .set({ disabled_at: at, disabled_reason: reason })
    .where("id", "=", webhookId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await dropPendingDeliveries(trx, webhookId, `the webhook was disabled: ${reason}`, at);
  return true;
}

/** Deliveries waiting to be sent (for health checks and the benchmark). */
export async function countPendingDeliveries(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("webhook_deliveries")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
