import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

/** How long a key is remembered. Clients may retry with the same key for at least this long. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Purges run at most this often per process; they are an optimisation, not needed for correctness. */
const PURGE_INTERVAL_MS = 60_000;

export function hashBody(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

export type IdempotencyClaim =
  | { kind: "claimed" }
  | { kind: "replay"; statusCode: number; body: string }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

/**
 * Claims `key` for this API key inside the caller's write transaction, insert first: the primary
 * key (api_key_id, key) lets exactly one transaction, in any process, insert the row. The winner
 * does the work and stores its response before committing; everyone else finds the row and gets
 * that response back (same body) or a mismatch (another body). A row older than the time to live
 * counts as gone even when no purge has removed it yet.
 */
export async function claimIdempotencyKey(
  trx: Kysely<Database>,
  claim: { apiKeyId: string; key: string; bodyHash: string; now: Date },
): Promise<IdempotencyClaim> {
  const at = claim.now.toISOString();
  const insert = () =>
    trx
      .insertInto("idempotency_keys")
      .values({
        key: claim.key,
        api_key_id: claim.apiKeyId,
        body_hash: claim.bodyHash,
        status_code: null,
        response_body: null,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(["api_key_id", "key"]).doNothing())
      .returning("key")
      .executeTakeFirst();
  if (await insert()) return { kind: "claimed" };

  const existing = await trx
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("api_key_id", "=", claim.apiKeyId)
    .where("key", "=", claim.key)
    .executeTakeFirst();
  if (!existing) return (await insert()) ? { kind: "claimed" } : { kind: "in_progress" };
  const expiredBefore = new Date(claim.now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
  if (existing.created_at < expiredBefore) {
    await trx
      .deleteFrom("idempotency_keys")
      .where("api_key_id", "=", claim.apiKeyId)
      .where("key", "=", claim.key)
      .execute();
    return (await insert()) ? { kind: "claimed" } : { kind: "in_progress" };
  }
  if (existing.body_hash !== claim.bodyHash) return { kind: "mismatch" };
  if (existing.status_code === null || existing.response_body === null) return { kind: "in_progress" };
  return { kind: "replay", statusCode: existing.status_code, body: existing.response_body };
}

/** Stores the response the claimed key must replay; call before the transaction commits. */
export async function storeIdempotentResponse(
  trx: Kysely<Database>,
  stored: { apiKeyId: string; key: string; statusCode: number; body: string },
): Promise<void> {
  await trx
    .updateTable("idempotency_keys")
    .set({ status_code: stored.statusCode, response_body: stored.body })
    .where("api_key_id", "=", stored.apiKeyId)
    .where("key", "=", stored.key)
    .execute();
}

const lastPurgeByDatabase = new WeakMap<object, number>();

/** Deletes keys past their time to live, at most once a minute per process. */
export async function purgeExpiredIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<void> {
  const last = lastPurgeByDatabase.get(db);
  if (last !== undefined && Math.abs(now.getTime() - last) < PURGE_INTERVAL_MS) return;
  lastPurgeByDatabase.set(db, now.getTime());
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
  await db.deleteFrom("idempotency_keys").where("created_at", "<", before).execute();
}
