import { Worker } from "node:worker_threads";

/** One signed delivery to POST. */
export interface SendJob {
  id: string;
  /** The webhook the delivery belongs to: sending slots and holds are shared out by webhook. */
  webhookId: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Epoch ms after which the job must not start (its lease would end mid-send): it is returned. */
  notAfter: number;
}

export interface SendResult {
  /** The receiver's status code, or null when there was no answer. */
  statusCode: number | null;
  /** Why there was no answer (connection refused, timeout), else null. */
  error: string | null;
  durationMs: number;
  /** True when the job was not attempted (the sender stopped, or it waited too long): give it back. */
  isReturned: boolean;
}

/** A webhook whose receiver failed: nothing more is sent to it until `until` (epoch ms). */
export interface Hold {
  webhookId: string;
  until: number;
}

export interface SenderOptions {
  /** POSTs in flight at once, over all webhooks. */
  concurrency: number;
  /** POSTs in flight at once to any one webhook, so that one slow receiver cannot take every slot. */
  perWebhook: number;
  timeoutMs: number;
  /**
   * How long to hold a webhook after its receiver fails (no answer, 408, 429 or 5xx), by the number
   * of such failures in a row: entry 0 after the first, the last entry for every one after.
   */
  holdMs: number[];
  /** Told of every hold as it starts, so that the dispatcher stops claiming for that webhook. */
  onHold(hold: Hold): void;
}

export interface Sender {
  /**
   * Queues the jobs; each promise settles when its POST is answered, fails or is returned. Jobs for
   * a held webhook are returned unsent, as are those still queued when a hold starts.
   */
  send(jobs: SendJob[]): Promise<SendResult>[];
  /** Aborts what is in flight (each send resolves with isReturned) and ends the thread. */
  stop(): Promise<void>;
}

/**
 * The HTTP side of the dispatcher, in its own thread so that deliveries keep flowing when the API's
 * event loop is busy with requests (and never add to its work beyond a message per delivery). Plain
 * JavaScript evaluated in the worker, so it runs the same from the TypeScript sources and from dist.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const https = require("node:https");
const { concurrency, perWebhook, timeoutMs, holdMs, maxAnswerBytes } = workerData;
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: concurrency }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: concurrency }),
};
const queue = [];
const running = new Map();
let active = 0;
/** Sends in flight by webhook id. */
const activeByWebhook = new Map();
/** Receivers that failed: { failures in a row, held until (epoch ms) } by webhook id. */
const health = new Map();
let stopping = false;
let replies = [];
const HELD = "held: the receiver is failing";

function isHeld(webhookId) {
  const state = health.get(webhookId);
  return state !== undefined && Date.now() < state.until;
}

/** No answer, 408, 429 and 5xx say the receiver is in trouble; other answers are about one delivery. */
function isReceiverFailure(statusCode) {
  return statusCode === null || statusCode === 408 || statusCode === 429 || statusCode >= 500;
}

/**
 * After a receiver failure, holds its webhook for the next delay of the schedule, returns its queued
 * jobs unsent (and those that arrive during the hold) and tells the dispatcher. Failures of sends that started before the hold ended add
 * nothing: one outage counts once however many sends were in flight.
 */
function noteResult(job, statusCode, startedAt) {
  if (stopping) return;
  const state = health.get(job.webhookId);
  if (!isReceiverFailure(statusCode)) {
    health.delete(job.webhookId);
    return;
  }
  if (state !== undefined && startedAt < state.until) return;
  const failures = (state?.failures ?? 0) + 1;
  const until = Date.now() + holdMs[Math.min(failures, holdMs.length) - 1];
  health.set(job.webhookId, { failures, until });
  for (let index = queue.length - 1; index >= 0; index -= 1) {
    const queued = queue[index];
    if (queued.webhookId !== job.webhookId) continue;
    queue.splice(index, 1);
    reply(queued.id, null, HELD, 0, true);
  }
  parentPort.postMessage({ hold: { webhookId: job.webhookId, until } });
}

function reply(id, statusCode, error, durationMs, isReturned) {
  replies.push({ id, statusCode, error, durationMs, isReturned });
  if (replies.length === 1) setImmediate(flushReplies);
}

function flushReplies() {
  const batch = replies;
  replies = [];
  if (batch.length > 0) parentPort.postMessage({ results: batch });
}

function send(job) {
  return new Promise((resolve) => {
    const started = performance.now();
    const startedAt = Date.now();
    const controller = new AbortController();
    let isDone = false;
    const finish = (statusCode, error) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      running.delete(job.id);
      const isReturned = stopping && statusCode === null;
      reply(job.id, statusCode, error, Math.round(performance.now() - started), isReturned);
      if (!isReturned) noteResult(job, statusCode, startedAt);
      resolve();
    };
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    running.set(job.id, controller);
    let target;
    try {
      target = new URL(job.url);
    } catch {
      finish(null, "the URL cannot be parsed");
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...job.headers, "content-length": String(Buffer.byteLength(job.body)) },
        agent: agents[target.protocol],
        signal: controller.signal,
      },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk) => {
          bytes += chunk.length;
          if (bytes > maxAnswerBytes) response.destroy();
        });
        response.on("error", () => undefined);
        response.on("close", () => finish(response.statusCode ?? 0, null));
      },
    );
    request.on("error", (error) => {
      if (controller.signal.aborted) {
        finish(null, stopping ? "the dispatcher stopped" : "no answer within " + timeoutMs + " ms");
      } else if (typeof error.code === "string") {
        finish(null, "connection failed: " + error.code);
      } else {
        finish(null, String(error.message).slice(0, 300));
      }
    });
    request.end(job.body);
  });
}

/** The first queued job whose webhook has a free slot, taken off the queue. */
function nextJob() {
  for (let index = 0; index < queue.length; index += 1) {
    const job = queue[index];
    if ((activeByWebhook.get(job.webhookId) ?? 0) < perWebhook) return queue.splice(index, 1)[0];
  }
  return undefined;
}

function pump() {
  while (active < concurrency && queue.length > 0 && !stopping) {
    const job = nextJob();
    if (job === undefined) return;
    if (Date.now() > job.notAfter) {
      reply(job.id, null, "waited too long to be sent", 0, true);
      continue;
    }
    active += 1;
    activeByWebhook.set(job.webhookId, (activeByWebhook.get(job.webhookId) ?? 0) + 1);
    send(job).then(() => {
      active -= 1;
      const left = activeByWebhook.get(job.webhookId) - 1;
      if (left === 0) activeByWebhook.delete(job.webhookId);
      else activeByWebhook.set(job.webhookId, left);
      pump();
      if (stopping && active === 0) {
        flushReplies();
        parentPort.postMessage({ stopped: true });
      }
    });
  }
}

parentPort.on("message", (message) => {
  if (message.jobs) {
    for (const job of message.jobs) {
      if (stopping) reply(job.id, null, "the dispatcher stopped", 0, true);
      else if (isHeld(job.webhookId)) reply(job.id, null, HELD, 0, true);
      else queue.push(job);
    }
    pump();
    return;
  }
  if (message.stop) {
    stopping = true;
    for (const job of queue.splice(0)) reply(job.id, null, "the dispatcher stopped", 0, true);
    for (const controller of running.values()) controller.abort();
    if (active === 0) {
      flushReplies();
      parentPort.postMessage({ stopped: true });
    }
  }
});
`;

/** The most of a receiver's answer that is read; the status is all that counts. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Starts the sending thread: at most `concurrency` POSTs at once, `perWebhook` of them to one
 * webhook, each cut off after `timeoutMs`; a failing receiver is held per `holdMs`.
 */
export function startSender(options: SenderOptions): Sender {
  const { onHold, ...settings } = options;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ...settings, maxAnswerBytes: MAX_ANSWER_BYTES },
    // It holds little: a queue of small jobs and some sockets. Keep its heap (and the API's RSS) small.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  worker.unref();
  const pending = new Map<string, (result: SendResult) => void>();
  let onStopped: (() => void) | undefined;
  let isAlive = true;

  const failAll = (error: string) => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ statusCode: null, error, durationMs: 0, isReturned: true });
    }
  };
  type Message = { results: ({ id: string } & SendResult)[] } | { stopped: true } | { hold: Hold };
  worker.on("message", (message: Message) => {
    if ("stopped" in message) {
      onStopped?.();
      return;
    }
    if ("hold" in message) {
      onHold(message.hold);
      return;
    }
    for (const result of message.results) {
      const resolve = pending.get(result.id);
      pending.delete(result.id);
      resolve?.(result);
    }
  });
  worker.on("error", () => failAll("the sending thread failed"));
  worker.on("exit", () => {
    isAlive = false;
    failAll("the sending thread exited");
    onStopped?.();
  });

  return {
    send(jobs) {
      const exited: SendResult = {
        statusCode: null,
        error: "the sending thread exited",
        durationMs: 0,
        isReturned: true,
      };
      const promises = jobs.map((job) =>
        isAlive
          ? new Promise<SendResult>((resolve) => pending.set(job.id, resolve))
          : Promise.resolve(exited),
      );
      if (isAlive && jobs.length > 0) worker.postMessage({ jobs });
      return promises;
    },
    async stop() {
      if (isAlive) {
        const stopped = new Promise<void>((resolve) => {
          onStopped = resolve;
        });
        worker.postMessage({ stop: true });
        await stopped;
        await worker.terminate();
      }
      failAll("the dispatcher stopped");
    },
  };
}
