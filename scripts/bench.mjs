#!/usr/bin/env node
// `npm run bench`: every benchmark, each beside the bare node:http baseline measured in the same run,
// printed as one table. Load comes from autocannon; servers run as their own processes on loopback.
import { existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const rows = [];
let peakRssMb = 0;
const notes = [];

async function section(name, modulePath, exportName, options = {}) {
  const url = new URL(modulePath, import.meta.url);
  if (!existsSync(url)) {
    notes.push(`${name}: not built (${modulePath})`);
    return;
  }
  process.stderr.write(`running ${name}…\n`);
  const module = await import(url.href);
  const outcome = await module[exportName]({ durationSeconds, ...options });
  rows.push(...outcome.results.map((row) => ({ section: name, ...row })));
  peakRssMb = Math.max(peakRssMb, outcome.peakRssMb ?? 0);
  if (outcome.peakRssMb) notes.push(`${name}: API peak RSS ${outcome.peakRssMb} MB`);
  if (outcome.notes) notes.push(...outcome.notes);
}

const postgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";
async function postgresReachable() {
  try {
    const { default: pg } = await import(new URL("../node_modules/pg/lib/index.js", import.meta.url).href);
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const hasPostgres = await postgresReachable();
if (!hasPostgres)
  notes.push(`PostgreSQL figures skipped: no server at ${postgresUrl.replace(/:[^:@/]+@/, ":***@")}`);

const only = process.argv.slice(2);
const sections = [
  ["catalogue", "../apps/api/dist/bench/catalogue-bench.js", "runCatalogueBench"],
  ...(hasPostgres
    ? [
        [
          "catalogue-pg",
          "../apps/api/dist/bench/catalogue-bench.js",
          "runCatalogueBench",
          { postgresAdminUrl: postgresUrl },
        ],
      ]
    : []),
  ["ask", "../apps/api/dist/bench/ask-bench.js", "runAskBench"],
  ["requests", "../apps/api/dist/bench/requests-bench.js", "runRequestsBench"],
  ["slack-bot", "../apps/slack-bot/dist/bench/bot-bench.js", "runBotBench"],
];
for (const [name, path, exportName, options] of sections) {
  if (only.length && !only.includes(name)) continue;
  await section(name, path, exportName, options);
}

const pad = (text, width) => String(text).padEnd(width);
const header = ["section", "benchmark", "req/s", "p50 ms", "p99 ms", "× baseline", "bar", "ok"];
const table = rows.map((row) => [
  row.section,
  row.name,
  row.requestsPerSecond,
  row.p50Ms,
  row.p99Ms,
  row.ratio ?? "",
  row.bar ?? "",
  row.passed === undefined ? "" : row.passed ? "yes" : "NO",
]);
const widths = header.map((title, index) =>
  Math.max(title.length, ...table.map((cells) => String(cells[index]).length)),
);
const line = (cells) => `| ${cells.map((cell, index) => pad(cell, widths[index])).join(" | ")} |`;
console.log(
  `\nBSI Desk benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${durationSeconds} s per run\n`,
);
console.log(line(header));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
for (const cells of table) console.log(line(cells));
console.log(`\nAPI peak RSS: ${peakRssMb} MB (bar: under 150 MB)`);
for (const note of notes) console.log(`note: ${note}`);
const failed = rows.filter((row) => row.passed === false).length + (peakRssMb >= 150 ? 1 : 0);
process.exitCode = failed > 0 ? 1 : 0;
