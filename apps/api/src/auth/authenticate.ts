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

/**
 * Route middleware that refuses, before the body or the query is read, a call without a key (401)
 * or whose key has none of `scopes` (403): a caller without the right key learns nothing about what
 * the route accepts. Every protected route declares it; handlers then only refine (a requests:write
 * key may withdraw its requester's own request, request.* webhooks also need requests:read).
 */
export function needsScope(...scopes: [Scope, ...Scope[]]): MiddlewareHandler<AppEnv> {
  const named = scopes.join(" or ");
  return async (c, next) => {
    const key = c.get("apiKey");
    if (!key) {
      throw new AppError("unauthorized", `This route needs an API key with the ${named} scope`, {
        headers: CHALLENGE,
      });
    }
    if (!scopes.some((scope) => key.scopes.includes(scope))) {
      throw new AppError("forbidden", `The API key "${key.name}" lacks the ${named} scope this route needs`);
    }
    await next();
  };
}
