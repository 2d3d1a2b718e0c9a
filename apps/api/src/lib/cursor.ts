import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "./app-error.js";

/**
 * Opaque pagination cursors: base64url JSON plus an HMAC, so a forged, truncated or foreign cursor
 * (one made for another listing) is refused with a 400 instead of being trusted.
 */
export function encodeCursor(key: Buffer, scope: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(key, scope, body)}`;
}

/** Where a cursor comes from, as its error names it: a listing's pages or the activity feed. */
export type CursorSource = "listing" | "feed";

/** The 400 for a cursor this listing did not issue (or whose decoded position is not one it makes). */
export function invalidCursorError(field = "cursor", source: CursorSource = "listing"): AppError {
  const message = `is not a cursor this ${source} issued`;
  return new AppError(
    "validation_failed",
    `Invalid query parameters: ${field} ${message}; start again without it`,
    { errors: [{ field, message }] },
  );
}

export function decodeCursor<T>(
  key: Buffer,
  scope: string,
  cursor: string,
  field = "cursor",
  source: CursorSource = "listing",
): T {
  const invalid = () => invalidCursorError(field, source);
  const [body, signature, extra] = cursor.split(".");
  if (!body || !signature || extra !== undefined || cursor.length > 1000) throw invalid();
  const expected = Buffer.from(sign(key, scope, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
  } catch {
    throw invalid();
  }
}

function sign(key: Buffer, scope: string, body: string): string {
  return createHmac("sha256", key).update(scope).update("\n").update(body).digest("base64url").slice(0, 22);
}
