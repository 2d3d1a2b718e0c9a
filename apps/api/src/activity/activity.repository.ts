import { randomUUID } from "node:crypto";
import type { Activity, ActivityType } from "@bsi/domain";
import type { Kysely } from "kysely";
import type { ActivityRow, Database } from "../db/database.js";
import { serializeActivityWriters } from "../db/dialect.js";

export function rowToActivity(row: ActivityRow): Activity {
  return {
    id: String(row.id),
    type: row.type as ActivityType,
    at: row.at,
    subject: row.subject,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/**
 * Records a change and, in the same transaction, queues one outbox delivery for each active webhook
 * that subscribed to its type. Returns the number of deliveries queued.
 */
export async function recordActivity(
  trx: Kysely<Database>,
  input: { type: ActivityType; subject: string; data: Record<string, unknown>; at: string },
): Promise<{ activity: Activity; deliveries: number }> {
  await serializeActivityWriters(trx);
  const inserted = await trx
    .insertInto("activity")
    .values({ type: input.type, at: input.at, subject: input.subject, data: JSON.stringify(input.data) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const activity: Activity = {
    id: String(inserted.id),
    type: input.type,
    at: input.at,
    subject: input.subject,
    data: input.data,
  };
  const webhooks = await trx
    .selectFrom("webhooks")
    .select(["id", "events"])
    .where("deleted_at", "is", null)
    .where("disabled_at", "is", null)
    .execute();
  let deliveries = 0;
  for (const webhook of webhooks) {
    const types = JSON.parse(webhook.events) as string[];
    if (!types.includes(input.type)) continue;
    await trx
      .insertInto("webhook_deliveries")
      .values({
        id: `msg_${randomUUID().replaceAll("-", "")}`,
        webhook_id: webhook.id,
        activity_id: Number(inserted.id),
        type: input.type,
        payload: JSON.stringify({ type: input.type, timestamp: input.at, data: { activity } }),
        status: "pending",
        attempts: 0,
        next_attempt_at: input.at,
        last_attempt_at: null,
        last_status_code: null,
        last_error: null,
        created_at: input.at,
        delivered_at: null,
        locked_until: null,
      })
      .execute();
    deliveries += 1;
  }
  return { activity, deliveries };
}

export async function listActivity(
  db: Kysely<Database>,
  options: { after: number; limit: number },
): Promise<Activity[]> {
  const rows = await db
    .selectFrom("activity")
    .selectAll()
    .where("id", ">", options.after)
    .orderBy("id")
    .limit(options.limit)
    .execute();
  return rows.map(rowToActivity);
}
