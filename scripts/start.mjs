#!/usr/bin/env node
// `npm start`: serves the API (migrating and seeding the embedded SQLite database on first run) and
// starts the Slack bot when Slack credentials are set.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const children = [];

/**
 * Memory flags for the API (apps/api/node-flags.json, also used by the benchmarks): a small young
 * generation and a capped old generation keep its resident memory well under 150 MB under load.
 * Set NODE_OPTIONS to override.
 */
const API_NODE_FLAGS = process.env.NODE_OPTIONS
  ? []
  : JSON.parse(readFileSync(new URL("../apps/api/node-flags.json", import.meta.url), "utf8"));

function run(name, script, env, flags = []) {
  const child = spawn(process.execPath, [...flags, script], { cwd: root, env, stdio: "inherit" });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)),
  ).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

run("api", "apps/api/dist/server.js", process.env, API_NODE_FLAGS);

const hasHttpCredentials = Boolean(process.env.SLACK_BOT_TOKEN && process.env.SLACK_SIGNING_SECRET);
const hasSocketCredentials = Boolean(process.env.SLACK_BOT_TOKEN && process.env.SLACK_APP_TOKEN);
if (hasHttpCredentials || hasSocketCredentials) {
  const port = process.env.PORT ?? "8787";
  run("slack-bot", "apps/slack-bot/dist/app.js", {
    ...process.env,
    BSI_API_URL: process.env.BSI_API_URL ?? `http://127.0.0.1:${port}`,
  });
} else {
  console.log(
    "Slack bot not started: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) — meanwhile try the bot in a terminal with `npm run chat`.",
  );
}
