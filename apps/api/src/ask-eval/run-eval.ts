import { pathToFileURL } from "node:url";
import { createTestApp } from "../lib/test-app.js";
import { EVAL_EVENTS, EVAL_NOW, EVAL_PRACTICES } from "./eval-catalogue.js";
import { EVAL_ITEMS, type EvalItem, REQUEST_REFERENCE } from "./eval-questions.js";

/** The bars `npm run eval` and the test hold the assistant to. */
export const BARS = { overall: 0.95, frenchAndSpanish: 0.9 } as const;

interface AskAnswer {
  intent: string;
  language: string;
  events: Array<{ id: string }>;
  practices: Array<{ id: string }>;
  requests: Array<{ reference: string }>;
  fallback: boolean;
}

export interface ItemResult {
  item: EvalItem;
  isCorrect: boolean;
  intent: string;
  language: string;
  ids: string[];
  fallback: boolean;
}

export interface Tally {
  correct: number;
  total: number;
}

export interface EvalReport {
  results: ItemResult[];
  byIntent: Record<string, Tally>;
  overall: Tally;
  frenchAndSpanish: Tally;
  languageGuessed: Tally;
}

export function rate(tally: Tally): number {
  return tally.total === 0 ? 1 : tally.correct / tally.total;
}

function resultIds(item: EvalItem, answer: AskAnswer): string[] {
  if (answer.intent === "request_status") return answer.requests.map((request) => request.reference);
  if (item.intent === "practices" || answer.intent === "practices") return answer.practices.map((p) => p.id);
  return [...answer.events.map((event) => event.id), ...answer.practices.map((p) => p.id)];
}

function judge(item: EvalItem, answer: AskAnswer): ItemResult {
  const ids = resultIds(item, answer);
  const expected = item.ids ?? [];
  const top = ids.slice(0, item.top ?? expected.length);
  const isCorrect =
    answer.intent === item.intent &&
    expected.every((id) => top.includes(id)) &&
    (item.fallback === undefined || item.fallback === answer.fallback);
  return {
    item,
    isCorrect,
    intent: answer.intent,
    language: answer.language,
    ids,
    fallback: answer.fallback,
  };
}

/**
 * Runs every labelled question through the real POST /v1/ask of an in-process API, on a temporary
 * SQLite database holding only the evaluation catalogue and one filed request.
 */
export async function runEvaluation(): Promise<EvalReport> {
  const api = await createTestApp({ seed: false, now: () => new Date(EVAL_NOW) });
  try {
    const writer = await api.createKey(["catalog:write", "requests:write"], "eval-writer");
    const reader = await api.createKey(["requests:read"], "eval-reader");
    for (const event of EVAL_EVENTS) await post(api.request.bind(api), "/v1/events", event, writer);
    for (const practice of EVAL_PRACTICES)
      await post(api.request.bind(api), "/v1/practices", practice, writer);
    const filed = (await post(
      api.request.bind(api),
      "/v1/requests",
      {
        type: "technical_assistance",
        memberState: "NE",
        summary: "Training on community engagement for border police",
        requester: { name: "Evaluation" },
      },
      writer,
    )) as { reference: string };

    const results: ItemResult[] = [];
    for (const original of EVAL_ITEMS) {
      const item: EvalItem = {
        ...original,
        question: original.question.replaceAll(REQUEST_REFERENCE, filed.reference),
        ...(original.ids
          ? { ids: original.ids.map((id) => (id === REQUEST_REFERENCE ? filed.reference : id)) }
          : {}),
      };
      const answer = (await post(
        api.request.bind(api),
        "/v1/ask",
        { question: item.question, now: EVAL_NOW },
        reader,
      )) as AskAnswer;
      results.push(judge(item, answer));
    }
    return summarize(results);
  } finally {
    await api.close();
  }
}

type RequestFunction = (
  path: string,
  init?: RequestInit & { json?: unknown; token?: string },
) => Promise<Response>;

async function post(request: RequestFunction, path: string, body: unknown, token: string): Promise<unknown> {
  const response = await request(path, { method: "POST", json: body, token });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

function summarize(results: ItemResult[]): EvalReport {
  const byIntent: Record<string, Tally> = {};
  const overall: Tally = { correct: 0, total: 0 };
  const frenchAndSpanish: Tally = { correct: 0, total: 0 };
  const languageGuessed: Tally = { correct: 0, total: 0 };
  for (const result of results) {
    const tally = byIntent[result.item.intent] ?? { correct: 0, total: 0 };
    byIntent[result.item.intent] = tally;
    const add = (target: Tally, isCorrect: boolean) => {
      target.total += 1;
      if (isCorrect) target.correct += 1;
    };
    add(tally, result.isCorrect);
    add(overall, result.isCorrect);
    if (result.item.language !== "en") add(frenchAndSpanish, result.isCorrect);
    if (result.item.intent !== "unknown") add(languageGuessed, result.language === result.item.language);
  }
  return { results, byIntent, overall, frenchAndSpanish, languageGuessed };
}

const percent = (tally: Tally) => `${(rate(tally) * 100).toFixed(1)}%`.padStart(6);

/** The report as text: accuracy per intent, overall and for French and Spanish, then the misses. */
export function formatReport(report: EvalReport): string {
  const lines = [`Ask evaluation (POST /v1/ask over the evaluation catalogue, now = ${EVAL_NOW})`, ""];
  for (const [intent, tally] of Object.entries(report.byIntent).sort()) {
    lines.push(`  ${intent.padEnd(16)} ${percent(tally)}  (${tally.correct}/${tally.total})`);
  }
  lines.push("");
  lines.push(
    `  ${"overall".padEnd(16)} ${percent(report.overall)}  (${report.overall.correct}/${report.overall.total})`,
  );
  lines.push(
    `  ${"French + Spanish".padEnd(16)} ${percent(report.frenchAndSpanish)}  (${report.frenchAndSpanish.correct}/${report.frenchAndSpanish.total})`,
  );
  lines.push(
    `  ${"language guessed".padEnd(16)} ${percent(report.languageGuessed)}  (${report.languageGuessed.correct}/${report.languageGuessed.total})`,
  );
  const misses = report.results.filter((result) => !result.isCorrect);
  if (misses.length > 0) {
    lines.push("", `Misses (${misses.length}):`);
    for (const miss of misses) {
      const expected = `${miss.item.intent} [${(miss.item.ids ?? []).join(", ")}]${miss.item.fallback !== undefined ? ` fallback=${miss.item.fallback}` : ""}`;
      const got = `${miss.intent} [${miss.ids.slice(0, 6).join(", ")}${miss.ids.length > 6 ? ", …" : ""}] fallback=${miss.fallback}`;
      lines.push(`  “${miss.item.question}”${miss.item.hard ? ` (hard: ${miss.item.hard})` : ""}`);
      lines.push(`      expected ${expected}`);
      lines.push(`      got      ${got}`);
    }
  }
  return lines.join("\n");
}

export function meetsBars(report: EvalReport): boolean {
  return rate(report.overall) >= BARS.overall && rate(report.frenchAndSpanish) >= BARS.frenchAndSpanish;
}

async function main(): Promise<void> {
  const report = await runEvaluation();
  console.log(formatReport(report));
  if (!meetsBars(report)) {
    console.error(
      `\nBelow the bars: ${BARS.overall * 100}% overall and ${BARS.frenchAndSpanish * 100}% for French and Spanish.`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
