import { setImmediate as setImmediatePromise, setTimeout as sleep } from "node:timers/promises";
import { Webhook } from "standardwebhooks";
import { writeTransaction } from "../db/write-transaction.js";
import type { AppDeps } from "../lib/types.js";
import { retryDelayMs } from "./backoff.js";
import {
  type AttemptRecord,
  type ClaimedDelivery,
  claimDueDeliveries,
  disableWebhook,
  findFailingSince,
  recordAttempt,
  releaseDelivery,
} from "./deliveries.repository.js";
import { type Hold, type Sender, type SendJob, type SendResult, startSender } from "./sender-worker.js";

/** Sends queued webhook deliveries (the outbox) in the background. */
export interface WebhookDispatcher {
  /** Looks for due deliveries now instead of at the next poll; cheap, never waits. */
  wake(): void;
  /** Stops claiming, gives back deliveries not yet answered, and resolves when nothing is in flight. */
  stop(): Promise<void>;
}

const USER_AGENT = "BSI-Desk-Webhooks/1.0";

/** Deliveries claimed per sending slot: one claim keeps the slots busy several times over. */
const PREFETCH_FACTOR = 4;

/** Fewest deliveries a claim may take, however low the concurrency: claims cost a database round. */
const MIN_PREFETCH = 256;

/** Lease time beyond the request timeout: for waiting in the sending queue and recording the attempt. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Least time between two claims. Every filing wakes the dispatcher; under load the wakes that come
 * within this gap are served by one claim instead of one claim (one database write) each.
 */
const CLAIM_GAP_MS = 5;

/** Most attempts recorded in one transaction. */
const RECORD_BATCH_SIZE = 200;

/** Holds after a receiver fails, by failures in a row: the retry schedule, up to its maximum. */
const HOLD_STEPS = 12;

interface AttemptResult {
  attempt: AttemptRecord;
  outcome: Parameters<typeof recordAttempt>[2];
  webhookId: string;
  /** Set when the delivery is old enough that the webhook may have been failing for too long. */
  disableCheck?: { now: Date; error: string } | undefined;
}

/**
 * The outbox dispatcher. Everything it knows lives in the database (webhook_deliveries), so it
 * survives restarts and several API processes can run one each: due deliveries are claimed in
 * batches with a lease by a guarded UPDATE, signed per Standard Webhooks (the webhook-id is the
 * delivery id, the same on every retry) and POSTed from a sending thread, at most
 * WEBHOOK_CONCURRENCY at once (at most half of them to one webhook), each cut off after
 * WEBHOOK_TIMEOUT_MS. A receiver that fails (no answer, 408, 429, 5xx) has its webhook held for the
 * next delay of the retry schedule: its other deliveries wait unsent instead of each trying and
 * failing in turn, and never hold up other webhooks' deliveries. Attempts are recorded in batches.
 * Failures are retried on the backoff schedule until the give-up age; a receiver failing without a
 * success for WEBHOOK_DISABLE_AFTER_MS gets its webhook disabled. Requests only call
 * `wake()`: sending never happens on their path.
 */
export function startWebhookDispatcher(deps: AppDeps): WebhookDispatcher {
  const { config, handle, logger } = deps;
  const log = logger.child({ component: "webhooks" });
  /** Started with the first delivery: an instance without webhooks never pays for the thread. */
  let sender: Sender | undefined;
  const signers = new Map<string, Webhook>();
  const prefetch = Math.max(config.WEBHOOK_CONCURRENCY * PREFETCH_FACTOR, MIN_PREFETCH);
  /**
   * A claimed delivery that has not started within the margin is returned unsent, so a send always
   * ends (or times out) inside its lease; a crashed process holds deliveries at most this long.
   */
  const leaseMs = config.WEBHOOK_TIMEOUT_MS + 2 * LEASE_MARGIN_MS;
  /** Deliveries handed to the sending thread and not yet settled. */
  let inFlight = 0;
  /** Attempts made but not yet recorded; their deliveries stay leased until they are. */
  const results: AttemptResult[] = [];
  let flushing: Promise<void> | undefined;
  const settlements = new Set<Promise<void>>();
  let isStopping = false;
  let isWoken = false;
  let resumeLoop: (() => void) | undefined;
  /** Webhooks the sending thread holds, with the time (epoch ms) each hold ends. */
  const holds = new Map<string, number>();

  function onHold({ webhookId, until }: Hold): void {
    holds.set(webhookId, until);
    log.warn(
      { webhookId, until: new Date(until).toISOString() },
      "webhook receiver failing; its deliveries wait until then",
    );
    setTimeout(wake, Math.max(0, until - Date.now())).unref();
  }

  /** Webhooks not to claim for now. */
  function heldWebhooks(): string[] {
    const now = Date.now();
    for (const [webhookId, until] of holds) if (until <= now) holds.delete(webhookId);
    return [...holds.keys()];
  }

  function wake(): void {
    isWoken = true;
    resumeLoop?.();
  }

  function pause(ms: number): Promise<void> {
    if (isWoken || isStopping) {
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

  /** The signed POST for a delivery; the timestamp is signed too, so it is the attempt's time. */
  function toJob(claimed: ClaimedDelivery, attemptedAt: Date): SendJob {
    const { delivery } = claimed;
    return {
      id: delivery.id,
      webhookId: delivery.webhook_id,
      url: claimed.url,
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(attemptedAt.getTime() / 1000)),
        "webhook-signature": signerFor(claimed.secret).sign(delivery.id, attemptedAt, delivery.payload),
      },
      body: delivery.payload,
      notAfter: Date.now() + leaseMs - config.WEBHOOK_TIMEOUT_MS - LEASE_MARGIN_MS,
    };
  }

  async function settle(
    claimed: ClaimedDelivery,
    attemptedAt: Date,
    sending: Promise<SendResult>,
  ): Promise<void> {
    const { delivery, lease } = claimed;
    const result = await sending;
    if (result.isReturned) {
      // Not an attempt: give the delivery back so that it is claimed again at once.
      await releaseDelivery(handle.db, delivery.id, lease).catch(() => undefined);
      return;
    }
    const { statusCode, durationMs } = result;
    const isSuccess = statusCode !== null && statusCode >= 200 && statusCode <= 299;
    const error = isSuccess ? null : (result.error ?? `the receiver answered HTTP ${statusCode}`);
    const attempt = {
      deliveryId: delivery.id,
      lease,
      at: attemptedAt.toISOString(),
      statusCode,
      error,
      durationMs,
    };
    if (error === null) {
      record({ attempt, outcome: { status: "delivered" }, webhookId: delivery.webhook_id });
      return;
    }
    const now = deps.now();
    const age = now.getTime() - Date.parse(delivery.created_at);
    const failures = delivery.attempts + 1;
    // Only a delivery at least as old as the threshold can have started a long enough failing streak.
    const disableCheck = age >= config.WEBHOOK_DISABLE_AFTER_MS ? { now, error } : undefined;
    if (age >= config.WEBHOOK_GIVE_UP_AFTER_MS) {
      const reason = `given up after ${failures} attempts over ${Math.round(age / 60_000)} min`;
      record({
        attempt,
        outcome: { status: "failed", reason },
        webhookId: delivery.webhook_id,
        disableCheck,
      });
      log.warn(
        { deliveryId: delivery.id, webhookId: delivery.webhook_id, error },
        "webhook delivery given up",
      );
    } else {
      const delay = retryDelayMs(failures, config.WEBHOOK_RETRY_BASE_MS, config.WEBHOOK_RETRY_MAX_MS);
      const nextAttemptAt = new Date(now.getTime() + delay).toISOString();
      record({
        attempt,
        outcome: { status: "pending", nextAttemptAt },
        webhookId: delivery.webhook_id,
        disableCheck,
      });
      log.info({ deliveryId: delivery.id, error, nextAttemptAt }, "webhook delivery failed; will retry");
    }
  }

  /**
   * Attempts are recorded in batches: every result that arrives while a batch is being written joins
   * the next one, so under load one transaction records many attempts instead of one each.
   */
  function record(result: AttemptResult): void {
    results.push(result);
    flushing ??= setImmediatePromise().then(flushResults);
  }

  async function flushResults(): Promise<void> {
    try {
      while (results.length > 0) {
        const batch = results.splice(0, RECORD_BATCH_SIZE);
        try {
          await writeTransaction(handle, async (trx) => {
            for (const result of batch) await recordAttempt(trx, result.attempt, result.outcome);
          });
        } catch (error) {
          // The deliveries stay leased and are tried again when the lease ends: at least once.
          log.error({ err: error, attempts: batch.length }, "could not record webhook attempts");
        }
        const checks = new Map<string, { now: Date; error: string }>();
        for (const result of batch) {
          if (result.disableCheck) checks.set(result.webhookId, result.disableCheck);
        }
        for (const [webhookId, check] of checks) {
          await disableIfFailingTooLong(webhookId, check.now, check.error).catch((error: unknown) =>
            log.error({ err: error, webhookId }, "could not check a failing webhook"),
          );
        }
      }
    } finally {
      flushing = undefined;
    }
    // Recorded attempts make room for more claims.
    wake();
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

  /**
   * Claims enough due deliveries to keep the sending slots busy for a while: one claim per batch
   * rather than one per delivery, so the dispatcher keeps pace when requests crowd the database.
   */
  async function claimMore(): Promise<void> {
    const room = prefetch - inFlight - results.length;
    if (room <= 0) return;
    const now = deps.now();
    const claimed = await claimDueDeliveries(handle.db, {
      now: now.toISOString(),
      lease: new Date(now.getTime() + leaseMs).toISOString(),
      limit: room,
      skipWebhookIds: heldWebhooks(),
    });
    if (claimed.length === 0) return;
    sender ??= startSender({
      concurrency: config.WEBHOOK_CONCURRENCY,
      perWebhook: Math.ceil(config.WEBHOOK_CONCURRENCY / 2),
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      holdMs: Array.from({ length: HOLD_STEPS }, (_, index) =>
        retryDelayMs(index + 1, config.WEBHOOK_RETRY_BASE_MS, config.WEBHOOK_RETRY_MAX_MS),
      ),
      onHold,
    });
    const attemptedAt = deps.now();
    const sendings = sender.send(claimed.map((delivery) => toJob(delivery, attemptedAt)));
    claimed.forEach((delivery, index) => {
      const result = sendings[index];
      if (!result) return;
      inFlight += 1;
      const settling: Promise<void> = settle(delivery, attemptedAt, result)
        .catch((error: unknown) => {
          log.error({ err: error, deliveryId: delivery.delivery.id }, "could not settle a webhook delivery");
        })
        .finally(() => {
          inFlight -= 1;
          settlements.delete(settling);
          if (inFlight < prefetch / 2) wake();
        });
      settlements.add(settling);
    });
  }

  const loop = (async () => {
    while (!isStopping) {
      try {
        await claimMore();
      } catch (error) {
        if (!isStopping) log.error({ err: error }, "could not claim webhook deliveries");
      }
      if (!isStopping) await sleep(CLAIM_GAP_MS, undefined, { ref: false });
      await pause(config.WEBHOOK_POLL_MS);
    }
  })();

  return {
    wake,
    async stop() {
      isStopping = true;
      resumeLoop?.();
      await loop;
      await sender?.stop();
      await Promise.allSettled([...settlements]);
      while (flushing) await flushing;
    },
  };
}
