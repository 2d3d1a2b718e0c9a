import { Worker } from "node:worker_threads";

/** One signed delivery to POST. */
export interface SendJob {
  id: string;
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

export interface Sender {
  /** Queues the jobs; each promise settles when its POST is answered, fails or is returned. */
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
const { concurrency, timeoutMs, maxAnswerBytes } = workerData;
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: concurrency }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: concurrency }),
};
const queue = [];
const running = new Map();
let active = 0;
let stopping = false;
let replies = [];

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
    const controller = new AbortController();
    let isDone = false;
    const finish = (statusCode, error) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      running.delete(job.id);
      const isReturned = stopping && statusCode === null;
      reply(job.id, statusCode, error, Math.round(performance.now() - started), isReturned);
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

function pump() {
  while (active < concurrency && queue.length > 0 && !stopping) {
    const job = queue.shift();
    if (Date.now() > job.notAfter) {
      reply(job.id, null, "waited too long to be sent", 0, true);
      continue;
    }
    active += 1;
    send(job).then(() => {
      active -= 1;
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

/** Starts the sending thread: at most `concurrency` POSTs at once, each cut off after `timeoutMs`. */
export function startSender(options: { concurrency: number; timeoutMs: number }): Sender {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ...options, maxAnswerBytes: MAX_ANSWER_BYTES },
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
  worker.on("message", (message: { results: ({ id: string } & SendResult)[] } | { stopped: true }) => {
    if ("stopped" in message) {
      onStopped?.();
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
