import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { AppError } from "./app-error.js";
import { resolveClientAddress } from "./client-address.js";
import type { AppEnv } from "./types.js";

const WINDOW_MS = 60_000;

/** Counts a request for a subject in the current window and returns the count so far. */
export interface RateCounter {
  hit(subject: string, windowStart: number): Promise<number>;
}

/** One process (the SQLite deployment): counters in memory, no write per request. */
export function createMemoryCounter(): RateCounter {
  const windows = new Map<string, { windowStart: number; count: number }>();
  return {
    async hit(subject, windowStart) {
      let window = windows.get(subject);
      if (!window || window.windowStart !== windowStart) {
        window = { windowStart, count: 0 };
        windows.set(subject, window);
        if (windows.size > 50_000) {
          for (const [key, value] of windows) if (value.windowStart < windowStart) windows.delete(key);
        }
      }
      window.count += 1;
      return window.count;
    },
  };
}

/** Several instances (PostgreSQL): counters in the shared database, one upsert per check. */
export function createDatabaseCounter(db: Kysely<Database>): RateCounter {
  let lastPurge = 0;
  return {
    async hit(subject, windowStart) {
      const row = await db
        .insertInto("rate_limits")
        .values({ subject, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc
            .columns(["subject", "window_start"])
            .doUpdateSet((eb) => ({ count: eb("rate_limits.count", "+", 1) })),
        )
        .returning("count")
        .executeTakeFirstOrThrow();
      if (windowStart - lastPurge > WINDOW_MS) {
        lastPurge = windowStart;
        await db
          .deleteFrom("rate_limits")
          .where("window_start", "<", windowStart - WINDOW_MS)
          .execute();
      }
      return Number(row.count);
    },
  };
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "in-process";
  }
}

/** The caller's address as `TRUST_PROXY` says to read it: the socket's peer unless proxies are trusted. */
export function clientAddress(c: Context<AppEnv>): string {
  return resolveClientAddress(
    socketAddress(c),
    c.req.header("x-forwarded-for"),
    c.get("deps").config.TRUST_PROXY,
  );
}

/**
 * Fixed-window limits per API key, and per client address for calls without a key. Over the limit: 429 with Retry-After
 * (seconds until the window resets). `RATE_LIMIT_PER_MINUTE=0` turns it off.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { config, rateCounter } = c.get("deps");
  const limit = config.RATE_LIMIT_PER_MINUTE;
  if (limit === 0 || c.req.path === "/health" || c.req.path === "/ready") return next();
  const now = Date.now();
  const windowStart = now - (now % WINDOW_MS);
  // A key is limited as a key (a bot serves many people from one address); anonymous callers by address.
  const key = c.get("apiKey");
  const subject = key ? `key:${key.id}` : `addr:${clientAddress(c)}`;
  {
    const count = await rateCounter.hit(subject, windowStart);
    if (count > limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
      throw new AppError(
        "rate_limited",
        `Rate limit of ${limit} requests a minute reached; retry in ${retryAfter} s`,
        {
          headers: { "retry-after": String(retryAfter) },
        },
      );
    }
  }
  return next();
};
