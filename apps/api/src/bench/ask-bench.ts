import { interpret } from "@bsi/assistant";
import { EVAL_ITEMS } from "../ask-eval/eval-questions.js";
import { createBenchDatabase } from "./catalogue-bench.js";
import {
  type ApiProcess,
  compare,
  type LoadResult,
  runLoad,
  startApiProcess,
  startBaselineProcess,
} from "./harness.js";

const QUESTIONS = [
  "what workshops are coming up?",
  "anything in the Sahel in March?",
  "good practices on community engagement?",
  "when is the next study tour",
  "workshops in the Sahel next year?",
  "seminars in vienna",
  "ateliers au Sénégal le mois prochain",
  "¿qué talleres hay en Kenia?",
  "training on API and PNR",
  "past events in the horn of africa",
];

/** Median and p99 of `interpret` over the evaluation questions, in milliseconds (in this process). */
export function measureInterpret(rounds = 20): { medianMs: number; p99Ms: number; calls: number } {
  const questions = EVAL_ITEMS.map((item) => item.question);
  const now = new Date("2026-06-10T09:00:00Z");
  for (const question of questions) interpret(question, { now, timeZone: "UTC" });
  const timings: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      const started = performance.now();
      interpret(question, { now, timeZone: "UTC" });
      timings.push(performance.now() - started);
    }
  }
  timings.sort((a, b) => a - b);
  const at = (fraction: number) =>
    Math.round((timings[Math.floor(fraction * (timings.length - 1))] ?? 0) * 1000) / 1000;
  return { medianMs: at(0.5), p99Ms: at(0.99), calls: timings.length };
}

/** Issue 4's bars: interpret median under 1 ms; POST /v1/ask p99 under 20 ms (10,000 events, 1,000 practices, 10 connections). */
export async function runAskBench(
  options: { durationSeconds?: number } = {},
): Promise<{ results: LoadResult[]; peakRssMb: number; notes: string[] }> {
  const duration = options.durationSeconds ?? 10;
  const timing = measureInterpret();
  const interpretRow: LoadResult = {
    name: `interpret() (${timing.calls} calls, in process)`,
    requestsPerSecond: Math.round(1000 / Math.max(timing.medianMs, 0.001)),
    p50Ms: timing.medianMs,
    p99Ms: timing.p99Ms,
    errors: 0,
    non2xx: 0,
    bar: "median<1ms",
    passed: timing.medianMs < 1,
  };
  const database = await createBenchDatabase(10_000, 1_000);
  let api: ApiProcess | undefined;
  try {
    api = await startApiProcess({ DATABASE_URL: database.url, BSI_SEED: "none" });
    const body = (question: string) => JSON.stringify({ question });
    const sample = await (
      await fetch(`${api.url}/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: body(QUESTIONS[0] ?? ""),
      })
    ).text();
    const baseline = await startBaselineProcess(sample);
    const baselineResult = await runLoad("node:http baseline (ask-sized body)", {
      url: baseline.url,
      connections: 10,
      durationSeconds: duration,
    });
    await baseline.close();
    // The evaluation's practitioner questions, in rotation, as people ask them again and again.
    const pool = [
      ...QUESTIONS,
      ...EVAL_ITEMS.map((item) => item.question).filter((question) => !question.includes("{")),
    ];
    let counter = 0;
    const ask = await runLoad(`POST /v1/ask (${pool.length} questions in rotation)`, {
      url: `${api.url}/v1/ask`,
      connections: 10,
      durationSeconds: duration,
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => {
        counter += 1;
        return { ...request, method: "POST", path: "/v1/ask", body: body(pool[counter % pool.length] ?? "") };
      },
    });
    // Every question new: the same questions with their letters' case changed (interpret ignores case,
    // the answer cache does not), a different pattern on every pass over the pool, so nothing repeats.
    let fresh = 0;
    const uncached = await runLoad("POST /v1/ask (every question new, no cache)", {
      url: `${api.url}/v1/ask`,
      connections: 10,
      durationSeconds: duration,
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => {
        fresh += 1;
        const question = pool[fresh % pool.length] ?? "";
        const pass = Math.floor(fresh / pool.length) + 1;
        const variant = Array.from(question, (character, index) =>
          (pass >> (index % 24)) & 1 ? character.toUpperCase() : character.toLowerCase(),
        ).join("");
        return { ...request, method: "POST", path: "/v1/ask", body: body(variant) };
      },
    });
    return {
      results: [
        interpretRow,
        { ...baselineResult, baselineRps: baselineResult.requestsPerSecond, ratio: 1 },
        compare(ask, baselineResult.requestsPerSecond, { maxP99Ms: 20 }),
        compare(uncached, baselineResult.requestsPerSecond, {}),
      ],
      peakRssMb: api.peakRssMb(),
      notes: [],
    };
  } finally {
    await api?.close();
    await database.drop();
  }
}
