import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createApiKey } from "../auth/api-keys.js";
import { openDatabase } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";
import { countPendingDeliveries } from "../webhooks/deliveries.repository.js";
import {
  type ApiProcess,
  compare,
  type LoadResult,
  runLoad,
  startApiProcess,
  startBaselineProcess,
  stopProcess,
} from "./harness.js";

export interface OutboxCheck {
  /** Pending deliveries sampled every half second during the load. */
  samples: number[];
  max: number;
  /** Pending deliveries when the load stopped. */
  atEnd: number;
  /** Time from the end of the load until nothing was pending (or the wait ran out). */
  drainMs: number;
  isDrained: boolean;
  /** Whether the backlog kept climbing during the run instead of staying level. */
  isGrowing: boolean;
  delivered: number;
}

export interface RequestsBenchResult {
  rps: number;
  p50: number;
  p99: number;
  filed: number;
  outbox: OutboxCheck;
  /** Rows for `npm run bench`'s table. */
  results: LoadResult[];
  peakRssMb: number;
  notes: string[];
}

const BODY = JSON.stringify({
  type: "technical_assistance",
  memberState: "SN",
  summary: "Support for a border risk analysis unit at Blaise Diagne airport",
  details: "The national police ask for two weeks of expert support to set up a risk analysis unit.",
  themes: ["integrated-border-management", "api-pnr"],
  priority: "normal",
  requester: {
    name: "Awa Diop",
    email: "awa.diop@example.org",
    organization: "Police nationale",
    slackUserId: "U0AWADIOP",
  },
  source: "api",
});

/** A webhook receiver answering 204 at once, in its own process as a real consumer would be. */
async function startReceiverProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const script = `
    const http = require("node:http");
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(204).end());
    });
    server.listen(0, "127.0.0.1", () => console.log("PORT " + server.address().port));
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(String(chunk));
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the receiver exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, close: () => stopProcess(child) };
}

/** A slope over the second half of the samples well above zero means the dispatcher falls behind. */
function isClimbing(samples: number[]): boolean {
  if (samples.length < 4) return false;
  const half = Math.floor(samples.length / 2);
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const early = average(samples.slice(0, half));
  const late = average(samples.slice(half));
  return late > early * 1.5 + 50;
}

/**
 * `POST /v1/requests` under load: 50 connections, each request with its own Idempotency-Key,
 * against the real server (server.js, which runs startServer) in its own process on a temporary
 * SQLite file, with a webhook subscribed to request.created on a receiver in this process, so every
 * filing also queues a delivery. Reports throughput and latency, and whether the outbox keeps up:
 * its backlog, read through a second connection, stays level and drains afterwards.
 */
export async function runRequestsBench(
  options: { durationSeconds?: number; connections?: number; env?: Record<string, string> } = {},
): Promise<RequestsBenchResult> {
  const durationSeconds = options.durationSeconds ?? 10;
  const connections = options.connections ?? 50;
  const directory = mkdtempSync(join(tmpdir(), "bsi-requests-bench-"));
  const databaseUrl = `file:${join(directory, "bench.sqlite")}`;
  const receiver = await startReceiverProcess();
  const receiverUrl = `${receiver.url}/hooks`;

  const handle = await openDatabase(databaseUrl);
  let api: ApiProcess | undefined;
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
    const { secret: token } = await createApiKey(db, {
      name: "bench",
      scopes: ["requests:write", "requests:read", "webhooks:manage"],
    });
    api = await startApiProcess({ DATABASE_URL: databaseUrl, BSI_SEED: "none", ...options.env });
    const subscribed = await fetch(`${api.url}/v1/webhooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ url: receiverUrl, events: ["request.created"] }),
    });
    if (subscribed.status !== 201) throw new Error(`could not subscribe: ${await subscribed.text()}`);

    const sampleResponse = await (
      await fetch(`${api.url}/v1/requests`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": randomUUID(),
        },
        body: BODY,
      })
    ).text();
    const baselineServer = await startBaselineProcess(sampleResponse);
    const baseline = await runLoad("node:http baseline (filing-sized body)", {
      url: baselineServer.url,
      connections,
      durationSeconds,
    });
    await baselineServer.close();

    const samples: number[] = [];
    const sampler = setInterval(() => {
      countPendingDeliveries(db).then(
        (count) => samples.push(count),
        () => undefined,
      );
    }, 500);
    const load = await runLoad(`POST /v1/requests (${connections} connections, distinct Idempotency-Keys)`, {
      url: `${api.url}/v1/requests`,
      connections,
      durationSeconds,
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: BODY,
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, "idempotency-key": randomUUID() },
      }),
    });
    clearInterval(sampler);

    const atEnd = await countPendingDeliveries(db);
    const drainStarted = performance.now();
    let pending = atEnd;
    while (pending > 0 && performance.now() - drainStarted < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      pending = await countPendingDeliveries(db);
    }
    const drainMs = Math.round(performance.now() - drainStarted);
    const filedRow = await db
      .selectFrom("requests")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    const filed = Number(filedRow.count);
    const sequence = await db.selectFrom("request_sequences").select("last_sequence").executeTakeFirst();
    const deliveredRow = await db
      .selectFrom("webhook_deliveries")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("status", "=", "delivered")
      .executeTakeFirstOrThrow();
    const delivered = Number(deliveredRow.count);
    const peakRssMb = api.peakRssMb();

    const outbox: OutboxCheck = {
      samples,
      max: Math.max(0, ...samples),
      atEnd,
      drainMs,
      isDrained: pending === 0,
      isGrowing: isClimbing(samples),
      delivered,
    };
    const notes: string[] = [
      `requests: ${filed} filed, ${delivered} webhook deliveries; outbox backlog max ${outbox.max}, ${atEnd} at the end, drained in ${drainMs} ms${outbox.isGrowing ? " (GROWING)" : ""}`,
    ];
    const isSequenceWhole = Number(sequence?.last_sequence ?? 0) === filed;
    if (!isSequenceWhole) {
      notes.push(`requests: the sequence (${sequence?.last_sequence}) does not match the ${filed} rows`);
    }
    const passed =
      load.errors === 0 && load.non2xx === 0 && outbox.isDrained && !outbox.isGrowing && isSequenceWhole;
    return {
      rps: load.requestsPerSecond,
      p50: load.p50Ms,
      p99: load.p99Ms,
      filed,
      outbox,
      results: [
        { ...baseline, baselineRps: baseline.requestsPerSecond, ratio: 1 },
        (() => {
          const measured = compare(load, baseline.requestsPerSecond, { minRatio: 0.1, maxP99Ms: 50 });
          return {
            ...measured,
            bar: `${measured.bar}, outbox level and drained`,
            passed: Boolean(measured.passed) && passed,
          };
        })(),
      ],
      peakRssMb,
      notes,
    };
  } finally {
    await api?.close();
    await handle.close();
    await receiver.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name.startsWith("WEBHOOK_")),
  ) as Record<string, string>;
  const result = await runRequestsBench({ durationSeconds: seconds, env });
  const { results: _rows, ...summary } = result;
  console.log(JSON.stringify(summary, null, 2));
}
