import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "pino";

/**
 * Remembers the Events API deliveries already handled. Slack redelivers an event (same event_id,
 * X-Slack-Retry-Num: 1, 2, 3 over about five minutes) when it did not see our 200 in time; the
 * user must get one answer, not four. Kept in memory for 15 minutes per bot instance.
 */
export interface EventDeduper {
  /** True the first time a key is seen; false for a repeat within the time to live. */
  firstTime(key: string): boolean;
}

export function createEventDeduper(
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): EventDeduper {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const maxEntries = options.maxEntries ?? 20_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    firstTime(key) {
      const at = now();
      const previous = seen.get(key);
      if (previous !== undefined && at - previous < ttlMs) return false;
      seen.delete(key);
      seen.set(key, at);
      // Maps iterate in insertion order: the first entries are the oldest.
      for (const [oldKey, oldAt] of seen) {
        if (seen.size <= maxEntries && at - oldAt < ttlMs) break;
        seen.delete(oldKey);
      }
      return true;
    },
  };
}

/**
 * Global middleware: drops an event whose event_id, or whose message (channel and ts), was
 * already handled. A message can arrive twice under different event ids (as a mention and as a
 * DM message), and a retry arrives under the same one.
 */
export function dedupeEvents(deduper: EventDeduper, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { type?: unknown; event_id?: unknown; event?: Record<string, unknown> };
    if (body.type === "event_callback") {
      const keys: string[] = [];
      if (typeof body.event_id === "string") keys.push(`event:${body.event_id}`);
      const event = body.event ?? {};
      if ((event.type === "app_mention" || event.type === "message") && typeof event.ts === "string") {
        keys.push(`message:${String(event.channel)}:${event.ts}`);
      }
      const fresh = keys.map((key) => deduper.firstTime(key));
      if (fresh.some((isFresh) => !isFresh)) {
        logger.info(
          { eventId: body.event_id, retryNum: args.context.retryNum, retryReason: args.context.retryReason },
          "skipping an event already handled",
        );
        return;
      }
    }
    await args.next();
  };
}
