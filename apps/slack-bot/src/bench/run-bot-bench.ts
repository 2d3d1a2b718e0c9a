import { runBotBench } from "./bot-bench.js";

/** `npm run bench -w @bsi/slack-bot [-- seconds]`: the bot benchmark alone, as JSON. */
const seconds = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 10);
const result = await runBotBench({ durationSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 10 });
console.log(JSON.stringify(result, null, 2));
