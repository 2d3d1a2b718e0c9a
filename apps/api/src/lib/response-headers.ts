import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./types.js";

/**
 * The security headers every response carries. They never change, so they are written once here
 * instead of being rebuilt per request: an API that serves JSON to tools has no page to frame and
 * loads nothing, and the one HTML page (/docs) needs only inline styles and inline images.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
});
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

/** A caller's own request id is kept when it is short and plain, so its logs and ours line up. */
const CALLER_ID = /^[\w\-=.:]{1,255}$/;

/** Responses built by `respond` already carry every header; the middleware leaves them alone. */
const COMPLETE = "responseHeadersComplete";

/**
 * Gives each request its id (the caller's `X-Request-Id` when usable, else a new UUID) and puts the
 * id and the security headers on every response, whoever built it: a route, a validator, the
 * not-found handler or the error handler.
 */
export const responseHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const callerId = c.req.header("x-request-id");
  c.set("requestId", callerId !== undefined && CALLER_ID.test(callerId) ? callerId : randomUUID());
  await next();
  if (c.get(COMPLETE as never)) return;
  const headers = c.res.headers;
  for (const [name, value] of SECURITY_ENTRIES) headers.set(name, value);
  headers.set("x-request-id", c.get("requestId"));
};

/**
 * A response with its headers complete from the start, as one plain object: the node adapter
 * writes it as it is, with no Headers object built and copied per request. For the hot routes.
 */
export function respond(
  c: Context<AppEnv>,
  body: string,
  status: 200 | 201 = 200,
  contentType = "application/json",
  extra?: Record<string, string>,
): Response {
  c.set(COMPLETE as never, true as never);
  return new Response(body, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      ...extra,
      "content-type": contentType,
      "x-request-id": c.get("requestId"),
    },
  });
}
