import { Webhook } from "standardwebhooks";
import { writeTransaction } from "../db/write-transaction.js";
import type { AppDeps } from "../lib/types.js";
import { retryDelayMs } from "./backoff.js";
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  disableWebhook,
  findFailingSince,
  recordAttempt,
  releaseDelivery,
} from "./deliveries.repository.js";

/** Sends queued webhook deliveries (the outbox) in the background. */
export interface WebhookDispatcher {
  /** Looks for due deliveries now instead of at the next poll; cheap, never waits. */
  wake(): void;
  /** Stops claiming, gives back deliveries being sent, and resolves when nothing is in flight. */
  stop(): Promise<void>;
}

const USER_AGENT = "BSI-Desk-Webhooks/1.0";

/** Extra lease time beyond the request timeout, for recording the attempt. */
const LEASE_MARGIN_MS = 30_000;

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === "string") return `could not connect: ${cause.code}`;
  if (typeof cause?.message === "string") return cause.message.slice(0, 300);
  return error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
}

/**
 * The outbox dispatcher. Everything it knows lives in the database (webhook_deliveries), so it
 * survives restarts and several API processes can run one each: a delivery is claimed with a lease
 * by a guarded UPDATE, POSTed with a Standard Webhooks signature (the webhook-id is the delivery id,
 * the same on every retry), and its attempt recorded. Failures are retried on the backoff schedule
 * until the give-up age; a receiver failing without a success for WEBHOOK_DISABLE_AFTER_MS gets its
 * webhook disabled. Requests only call `wake()`; sending happens out of band, a few at a time.
 */
export function startWebhookDispatcher(deps: AppDeps): WebhookDispatcher {
  const { config, handle, logger } = deps;
  const log = logger.child({ component: "webhooks" });
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const signers = new Map<string, Webhook>();
  let isWoken = false;
  let resumeLoop: (() => void) | undefined;

  function wake(): void {
    isWoken = true;
    resumeLoop?.();
  }

  function pause(ms: number): Promise<void> {
    if (isWoken || stopping.signal.aborted) {
      isWoken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resumeLoop = undefined;
        isWoken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      resumeLoop = done;
    });
  }

  function signerFor(secret: string): Webhook {
    let signer = signers.get(secret);
    if (!signer) {
      signer = new Webhook(secret);
      signers.set(secret, signer);
    }
    return signer;
  }

  async function send(claimed: ClaimedDelivery): Promise<void> {
    const { delivery, lease } = claimed;
    const attemptedAt = deps.now();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    // A plain timer rather than AbortSignal.timeout, whose signal can be collected before it fires
    // once combined with AbortSignal.any.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("webhook timeout", "TimeoutError")),
      config.WEBHOOK_TIMEOUT_MS,
    );
    try {
      const signature = signerFor(claimed.secret).sign(delivery.id, attemptedAt, delivery.payload);
      const response = await fetch(claimed.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": USER_AGENT,
          "webhook-id": delivery.id,
          "webhook-timestamp": String(Math.floor(attemptedAt.getTime() / 1000)),
          "webhook-signature": signature,
        },
        body: delivery.payload,
        redirect: "manual",
        signal: AbortSignal.any([stopping.signal, timeout.signal]),
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (statusCode < 200 || statusCode > 299) error = `the receiver answered HTTP ${statusCode}`;
    } catch (failure) {
      if (stopping.signal.aborted) {
        await releaseDelivery(handle.db, delivery.id, lease);
        return;
      }
      error = describeFailure(failure, config.WEBHOOK_TIMEOUT_MS);
    } finally {
      clearTimeout(timer);
    }
    const durationMs = Math.round(performance.now() - started);
    const at = attemptedAt.toISOString();
    const attempt = { deliveryId: delivery.id, lease, at, statusCode, error, durationMs };

    if (error === null) {
      await writeTransaction(handle, (trx) => recordAttempt(trx, attempt, { status: "delivered" }));
      return;
    }
    const now = deps.now();
    const age = now.getTime() - Date.parse(delivery.created_at);
    const failures = delivery.attempts + 1;
    if (age >= config.WEBHOOK_GIVE_UP_AFTER_MS) {
      const reason = `given up after ${failures} attempts over ${Math.round(age / 60_000)} min`;
      await writeTransaction(handle, (trx) => recordAttempt(trx, attempt, { status: "failed", reason }));
      log.warn(
        { deliveryId: delivery.id, webhookId: delivery.webhook_id, error },
        "webhook delivery given up",
      );
    } else {
      const delay = retryDelayMs(failures, config.WEBHOOK_RETRY_BASE_MS, config.WEBHOOK_RETRY_MAX_MS);
      const nextAttemptAt = new Date(now.getTime() + delay).toISOString();
      await writeTransaction(handle, (trx) =>
        recordAttempt(trx, attempt, { status: "pending", nextAttemptAt }),
      );
      log.info({ deliveryId: delivery.id, error, nextAttemptAt }, "webhook delivery failed; will retry");
    }
    // Only a delivery at least as old as the threshold can have started a long enough failing streak.
    if (age >= config.WEBHOOK_DISABLE_AFTER_MS)
      await disableIfFailingTooLong(delivery.webhook_id, now, error);
  }

  async function disableIfFailingTooLong(webhookId: string, now: Date, error: string): Promise<void> {
    await writeTransaction(handle, async (trx) => {
      const since = await findFailingSince(trx, webhookId);
      if (!since || now.getTime() - Date.parse(since) < config.WEBHOOK_DISABLE_AFTER_MS) return;
      const reason = `every delivery has failed since ${since} (last: ${error})`;
      if (await disableWebhook(trx, webhookId, reason, now.toISOString())) {
        log.warn({ webhookId, reason }, "webhook disabled");
      }
    });
  }

  async function claimAndSend(): Promise<void> {
    const free = config.WEBHOOK_CONCURRENCY - inFlight.size;
    if (free <= 0) return;
    const now = deps.now();
    const claimed = await claimDueDeliveries(handle.db, {
      now: now.toISOString(),
      lease: new Date(now.getTime() + config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS).toISOString(),
      limit: free,
    });
    for (const delivery of claimed) {
      const sending: Promise<void> = send(delivery)
        .catch((error: unknown) => {
          if (!stopping.signal.aborted) {
            log.error({ err: error, deliveryId: delivery.delivery.id }, "could not record a webhook attempt");
          }
        })
        .finally(() => {
          inFlight.delete(sending);
          // A slot is free: more deliveries may be due.
          wake();
        });
      inFlight.add(sending);
    }
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await claimAndSend();
      } catch (error) {
        if (!stopping.signal.aborted) log.error({ err: error }, "could not claim webhook deliveries");
      }
      await pause(config.WEBHOOK_POLL_MS);
    }
  })();

  return {
    wake,
    async stop() {
      stopping.abort();
      resumeLoop?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
