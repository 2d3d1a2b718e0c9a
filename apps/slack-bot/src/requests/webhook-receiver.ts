import type { IncomingMessage, ServerResponse } from "node:http";
import { type Request, RequestStatusSchema } from "@bsi/domain";
import { Webhook } from "standardwebhooks";
import type { Move } from "../blocks/request-notice.js";
import { type AnnounceContext, announceMove, announceNewRequest, CardNotPostedYetError } from "./announce.js";
import type { StatusUpdates } from "./status-updates.js";

/** The largest delivery read; activity payloads are a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Deliveries already handled, by webhook-id (the same on every retry of one delivery). Kept per
 * process for a day; the API sends each delivery from one instance, so a repeat normally comes
 * back to the same place only when our earlier 2xx was lost.
 */
export interface DeliveryLog {
  /** Runs `work` once per id: a repeat of a finished delivery resolves at once, a concurrent one waits. */
  once(id: string, work: () => Promise<void>): Promise<"done" | "repeat">;
}

export function createDeliveryLog(
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): DeliveryLog {
  const ttlMs = options.ttlMs ?? 24 * 60 * 60_000;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const finished = new Map<string, number>();
  const running = new Map<string, Promise<void>>();
  return {
    async once(id, work) {
      const at = finished.get(id);
      if (at !== undefined && now() - at < ttlMs) return "repeat";
      const inFlight = running.get(id);
      if (inFlight) {
        await inFlight;
        return "repeat";
      }
      const run = work();
      running.set(id, run);
      try {
        await run;
      } finally {
        running.delete(id);
      }
      finished.set(id, now());
      for (const [oldId, oldAt] of finished) {
        if (finished.size <= maxEntries && now() - oldAt < ttlMs) break;
        finished.delete(oldId);
      }
      return "done";
    },
  };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

interface Delivery {
  type?: unknown;
  data?: { activity?: { type?: unknown; data?: Record<string, unknown> } };
}

function isRequest(value: unknown): value is Request {
  const request = value as Partial<Request> | null;
  return (
    typeof request?.reference === "string" &&
    typeof request.status === "string" &&
    typeof request.summary === "string" &&
    typeof request.requester === "object" &&
    request.requester !== null
  );
}

/** The move a `request.status_changed` activity describes. */
function moveOf(data: Record<string, unknown>): Move | undefined {
  const to = RequestStatusSchema.safeParse(data.to);
  const from =
    data.from === null ? { success: true as const, data: null } : RequestStatusSchema.safeParse(data.from);
  if (!to.success || !from.success) return undefined;
  return {
    from: from.data,
    to: to.data,
    actor: typeof data.actor === "string" ? data.actor : "",
    note: typeof data.note === "string" && data.note.trim() ? data.note : null,
  };
}

/**
 * POST /bsi/webhooks: the API's activity deliveries. Each is checked against its Standard
 * Webhooks signature (401 otherwise), handled once per webhook-id, and answered 2xx only once its
 * announcements are made, so a delivery Slack could not take is retried by the API.
 */
export function createWebhookHandler(deps: {
  statusUpdates: StatusUpdates;
  announce: AnnounceContext;
  deliveries: DeliveryLog;
}) {
  const { logger } = deps.announce;
  let signer: { secret: string; webhook: Webhook } | undefined;
  const verifierFor = (secret: string) => {
    if (signer?.secret !== secret) signer = { secret, webhook: new Webhook(secret) };
    return signer.webhook;
  };

  /** Deliveries about one request are handled one after the other in this process. */
  const queues = new Map<string, Promise<unknown>>();
  function inTurn<T>(reference: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(reference) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(reference, settled);
    void settled.then(() => {
      if (queues.get(reference) === settled) queues.delete(reference);
    });
    return run;
  }

  async function handle(delivery: Delivery): Promise<void> {
    const activity = delivery.data?.activity;
    const data = activity?.data ?? {};
    const request = data.request;
    if (!isRequest(request)) return;
    await inTurn(request.reference, () => announce(activity?.type, data, request));
  }

  async function announce(type: unknown, data: Record<string, unknown>, request: Request): Promise<void> {
    if (type === "request.created") {
      await announceNewRequest(deps.announce, request);
      return;
    }
    const move = type === "request.status_changed" ? moveOf(data) : undefined;
    if (move) {
      await announceMove(deps.announce, request, move, { notifyRequester: true, awaitCreatedCard: true });
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const secret = deps.statusUpdates.secret();
    if (!secret) {
      req.resume();
      answer(res, 503, { error: "not_subscribed" });
      return;
    }
    let body: string | undefined;
    try {
      body = await readBody(req);
    } catch {
      answer(res, 400, { error: "unreadable_body" });
      return;
    }
    if (body === undefined) {
      answer(res, 413, { error: "too_large" });
      return;
    }
    const id = header(req, "webhook-id");
    let delivery: Delivery;
    try {
      delivery = verifierFor(secret).verify(body, {
        "webhook-id": id,
        "webhook-timestamp": header(req, "webhook-timestamp"),
        "webhook-signature": header(req, "webhook-signature"),
      }) as Delivery;
    } catch (error) {
      logger.warn({ err: error, webhookId: id }, "refused a webhook delivery with a bad signature");
      answer(res, 401, { error: "invalid_signature" });
      return;
    }
    try {
      const outcome = await deps.deliveries.once(id, () => handle(delivery));
      if (outcome === "repeat") logger.info({ webhookId: id }, "skipping a webhook delivery already handled");
      answer(res, 200, { status: outcome === "repeat" ? "duplicate" : "ok" });
    } catch (error) {
      if (error instanceof CardNotPostedYetError) {
        logger.info({ webhookId: id }, "a move arrived before its request's card; the API will retry it");
      } else {
        logger.error(
          { err: error, webhookId: id },
          "could not announce a webhook delivery; the API will retry",
        );
      }
      answer(res, 503, { error: "try_again" });
    }
  };
}
