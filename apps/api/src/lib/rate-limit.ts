import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { AppError } from "./app-error.js";
import type { AppEnv } from "./types.js";

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

const windows = new Map<string, Window>();

function clientAddress(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "in-process";
  }
}

/**
 * Fixed-window limits per API key and per client address. Over the limit: 429 with Retry-After
 * (seconds until the window resets). `RATE_LIMIT_PER_MINUTE=0` turns it off.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limit = c.var.deps.config.RATE_LIMIT_PER_MINUTE;
  if (limit === 0 || c.req.path === "/health" || c.req.path === "/ready") return next();
  const now = Date.now();
  const subjects = [`addr:${clientAddress(c)}`];
  const key = c.get("apiKey");
  if (key) subjects.push(`key:${key.id}`);
  for (const subject of subjects) {
    let window = windows.get(subject);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      windows.set(subject, window);
    }
    window.count += 1;
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
      throw new AppError(
        "rate_limited",
        `Rate limit of ${limit} requests a minute reached; retry in ${retryAfter} s`,
        {
          headers: { "retry-after": String(retryAfter) },
        },
      );
    }
  }
  if (windows.size > 50_000) {
    for (const [subject, window] of windows) if (now - window.startedAt >= WINDOW_MS) windows.delete(subject);
  }
  return next();
};
