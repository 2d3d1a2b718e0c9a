import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { API_KEY_PATTERN, API_KEY_PREFIX, type Scope, ScopeSchema } from "@bsi/domain";
import type { Kysely } from "kysely";
import type { ApiKeyRow, Database } from "../db/database.js";
import type { AuthenticatedKey } from "../lib/types.js";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new secret: `bsi_` and 32 random bytes in base64url. */
export function generateSecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function rowToSummary(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function parseScopes(text: string): Scope[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed)
    ? parsed.filter((scope): scope is Scope => ScopeSchema.safeParse(scope).success)
    : [];
}

/** Creates a key and returns its secret; only the hash is stored, so the secret is shown once. */
export async function createApiKey(
  db: Kysely<Database>,
  input: { name: string; scopes: Scope[] },
  now = new Date(),
): Promise<{ key: ApiKeySummary; secret: string }> {
  const secret = generateSecret();
  const row: ApiKeyRow = {
    id: `key_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
    name: input.name,
    hash: hashSecret(secret),
    prefix: secret.slice(0, 10),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto("api_keys").values(row).execute();
  return { key: rowToSummary(row), secret };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeySummary[]> {
  const rows = await db.selectFrom("api_keys").selectAll().orderBy("created_at").orderBy("id").execute();
  return rows.map(rowToSummary);
}

/** Revokes by id or by the secret's visible prefix; returns the key, or undefined when none matches. */
export async function revokeApiKey(
  db: Kysely<Database>,
  idOrPrefix: string,
  now = new Date(),
): Promise<ApiKeySummary | undefined> {
  const row = await db
    .selectFrom("api_keys")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", idOrPrefix), eb("prefix", "=", idOrPrefix)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const revokedAt = row.revoked_at ?? now.toISOString();
  await db.updateTable("api_keys").set({ revoked_at: revokedAt }).where("id", "=", row.id).execute();
  return rowToSummary({ ...row, revoked_at: revokedAt });
}

export type KeyCheck =
  | { ok: true; key: AuthenticatedKey }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" };

/**
 * Finds the key for a presented secret. The lookup is by SHA-256 hash; the stored hash is then
 * compared in constant time so that response timing tells nothing about near matches.
 */
export async function verifyApiKey(db: Kysely<Database>, secret: string): Promise<KeyCheck> {
  if (!API_KEY_PATTERN.test(secret)) return { ok: false, reason: "malformed" };
  const hash = hashSecret(secret);
  const row = await db.selectFrom("api_keys").selectAll().where("hash", "=", hash).executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex"))) {
    return { ok: false, reason: "unknown" };
  }
  if (row.revoked_at) return { ok: false, reason: "revoked" };
  return { ok: true, key: { id: row.id, name: row.name, scopes: parseScopes(row.scopes) } };
}
