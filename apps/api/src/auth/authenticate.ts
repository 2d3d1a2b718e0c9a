import type { Scope } from "@bsi/domain";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../lib/app-error.js";
import type { AppEnv } from "../lib/types.js";
import { verifyApiKey } from "./api-keys.js";

const CHALLENGE = { "www-authenticate": 'Bearer realm="bsi-desk"' };

/** Reads `Authorization: Bearer bsi_…` when present; a bad or revoked key is a 401 on any route. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization");
  if (header === undefined) return next();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError("unauthorized", "The Authorization header must be 'Bearer <API key>'", {
      headers: CHALLENGE,
    });
  }
  const check = await verifyApiKey(c.get("deps").handle.db, match[1]);
  if (!check.ok) {
    const detail =
      check.reason === "revoked"
        ? "This API key has been revoked; ask an operator for a new one"
        : "The API key is not valid";
    throw new AppError("unauthorized", detail, { headers: CHALLENGE });
  }
  c.set("apiKey", check.key);
  return next();
};

export function hasScope(c: Context<AppEnv>, scope: Scope): boolean {
  return c.get("apiKey")?.scopes.includes(scope) ?? false;
}

/** Throws 401 without a key, 403 when the key lacks the scope. */
export function requireScope(c: Context<AppEnv>, scope: Scope): void {
  const key = c.get("apiKey");
  if (!key) {
    throw new AppError("unauthorized", `This route needs an API key with the ${scope} scope`, {
      headers: CHALLENGE,
    });
  }
  if (!key.scopes.includes(scope)) {
    throw new AppError("forbidden", `The API key "${key.name}" lacks the ${scope} scope this route needs`);
  }
}

/**
 * Route middleware that refuses a caller whose key has none of `scopes` before the body or the
 * query is read: a caller without the right key learns nothing about what the route accepts.
 */
export function needsScope(...scopes: [Scope, ...Scope[]]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.get("apiKey");
    if (!key || !scopes.some((scope) => key.scopes.includes(scope))) requireScope(c, scopes[0]);
    await next();
  };
}
