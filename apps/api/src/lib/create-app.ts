import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { authenticate } from "../auth/authenticate.js";
import { allowedMethods } from "./allowed-methods.js";
import { AppError, invalidInputError } from "./app-error.js";
import { rateLimit } from "./rate-limit.js";
import { limitBodies } from "./read-body.js";
import { responseHeaders } from "./response-headers.js";
import type { AppDeps, AppEnv } from "./types.js";

/**
 * A router whose validation failures become problems naming each field: 400 for input of the wrong
 * shape, 422 for input that breaks a domain rule.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result) => {
      if (result.success) return;
      // @hono/zod-validator hands the hook the input it parsed as `data` on failure too (its own Hook
      // type says so); the Hook type of @hono/zod-openapi leaves it out.
      const input = (result as { data?: unknown }).data;
      throw invalidInputError(result.error.issues, result.target, input);
    },
  });
}

export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const body = JSON.stringify(error.toProblem(c.get("requestId")));
  const headers = new Headers({ "content-type": "application/problem+json; charset=utf-8" });
  for (const [name, value] of Object.entries(error.headers ?? {})) headers.set(name, value);
  if (error.status === 401 && !headers.has("www-authenticate"))
    headers.set("www-authenticate", 'Bearer realm="bsi-desk"');
  return c.body(body, error.status, Object.fromEntries(headers));
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400)
      return new AppError("bad_request", `${error.message}: send a valid JSON document`);
    if (error.status === 413) return new AppError("payload_too_large", error.message);
    if (error.status === 415) {
      return new AppError(
        "unsupported_media_type",
        "Unsupported media type: send the body as application/json",
      );
    }
    if (error.status === 401) return new AppError("unauthorized", error.message);
    return new AppError("bad_request", error.message);
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("unavailable", "The database cannot take writes right now; try again shortly", {
      headers: { "retry-after": "5" },
      cause: error,
    });
  }
  return new AppError("internal", "An unexpected error happened; it has been logged with the request id", {
    cause: error,
  });
}

/** Errors that mean the store is temporarily unusable (read-only file, full disk, lost connection). */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  // node-postgres reports a dropped connection without a code.
  if (
    /Connection terminated|not queryable|connection error|timeout exceeded when trying to connect/i.test(
      message,
    )
  ) {
    return true;
  }
  if (typeof code !== "string") return false;
  return (
    code === "SQLITE_READONLY" ||
    code.startsWith("SQLITE_READONLY") ||
    code === "SQLITE_FULL" ||
    code === "SQLITE_IOERR" ||
    code.startsWith("SQLITE_IOERR") ||
    code === "SQLITE_BUSY" ||
    code === "SQLITE_CANTOPEN" ||
    code === "ECONNREFUSED" ||
    code === "ECONNRESET" ||
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03" ||
    code === "08006" ||
    code === "08001" ||
    code === "08003"
  );
}

/**
 * The application shell: request id and security headers, structured logging, CORS (closed unless
 * configured), body limit, authentication, rate limits, not-found and one error handler.
 * Routes are mounted by `buildApp`.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  const origins = deps.config.CORS_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);

  app.use("*", responseHeaders);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("apiKey", null);
    c.set("log", deps.logger);
    const started = performance.now();
    await next();
    const status = c.res.status;
    const level = status >= 500 ? "error" : "info";
    // Built only when the level is on: under load the line itself is the cost.
    if (deps.logger.isLevelEnabled(level)) {
      const durationMs = Math.round((performance.now() - started) * 100) / 100;
      const entry = {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status,
        durationMs,
      };
      deps.logger[level](entry, status >= 500 ? "request failed" : "request");
    }
  });
  if (origins.length > 0) {
    app.use(
      "*",
      cors({ origin: origins, allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"] }),
    );
  }
  app.use("*", limitBodies(deps.config.BODY_LIMIT));
  app.use("*", authenticate);
  app.use("*", rateLimit);

  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    // A path the method's own routes do not take after all ("/v1/events//") is simply not found.
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    if (allowed.length === 0 || (method !== "OPTIONS" && allowed.includes(method))) {
      return problemResponse(c, new AppError("not_found", `No route matches ${c.req.method} ${c.req.path}`));
    }
    const allow = allowed.join(", ");
    if (c.req.method === "OPTIONS") return c.body(null, 204, { allow });
    return problemResponse(
      c,
      new AppError("method_not_allowed", `${c.req.method} is not allowed on ${c.req.path}; use ${allow}`, {
        headers: { allow },
      }),
    );
  });
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.status >= 500)
      deps.logger.error({ err: error, requestId: c.get("requestId") }, appError.message);
    return problemResponse(c, appError);
  });
  return app;
}
