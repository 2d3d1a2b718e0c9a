import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BsiClient } from "@bsi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_BLOCK_IDS } from "../blocks/ids.js";
import { FakeSlack, type RecordedCall } from "../test/fake-slack.js";
import {
  BOT_SCOPES,
  freePort,
  SIGNING_SECRET,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
} from "../test/harness.js";
import { readableText } from "../test/messages.js";
import { prefilledEmail, validEntries } from "../test/request-flow.js";
import { SlackDriver } from "../test/slack-driver.js";

/**
 * Slack misbehaving under a running bot: 429s with Retry-After, then 500s. The bot is the built
 * one (`dist/app.js`) in its own process, so a crash would show as an exit; the API is real, on a
 * temporary SQLite file, with its webhook dispatcher on.
 */

const BOT_SCRIPT = fileURLToPath(new URL("../../dist/app.js", import.meta.url));

let api: TestApi;
let operator: BsiClient;
let slack: FakeSlack;
let driver: SlackDriver;
let bot: ChildProcess;
let botOutput = "";
let botBaseUrl = "";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  api = await startTestApi({ webhooks: true });
  operator = await api.clientWith(["requests:read"]);
  slack = await new FakeSlack().start();
  const port = await freePort();
  botBaseUrl = `http://127.0.0.1:${port}`;
  bot = spawn(process.execPath, [BOT_SCRIPT], {
    env: {
      ...process.env,
      BSI_API_URL: api.url,
      BSI_API_TOKEN: await api.createKey(BOT_SCOPES),
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL,
      SLACK_TRIAGERS: "U0TRIAGER",
      BOT_PORT: String(port),
      HOST: "127.0.0.1",
      BOT_PUBLIC_URL: botBaseUrl,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stdout?.on("data", (chunk) => {
    botOutput += chunk;
  });
  bot.stderr?.on("data", (chunk) => {
    botOutput += chunk;
  });
  const deadline = Date.now() + 30_000;
  while (!botOutput.includes("listening for Slack")) {
    if (bot.exitCode !== null) throw new Error(`the bot exited: ${botOutput}`);
    if (Date.now() > deadline) throw new Error(`the bot did not start: ${botOutput}`);
    await sleep(50);
  }
  driver = new SlackDriver({ botUrl: `${botBaseUrl}/slack/events`, signingSecret: SIGNING_SECRET, slack });
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const exited = new Promise((resolve) => bot.once("exit", resolve));
    bot.kill("SIGTERM");
    await exited;
  }
  await slack?.stop();
  await api?.close();
});

/** Every chat.postMessage the bot attempted in a thread (429s and 500s included), in order. */
function attemptsIn(threadTs: string): RecordedCall[] {
  return slack.callsTo("chat.postMessage").filter((call) => call.params.thread_ts === threadTs);
}

async function expectBotUp(): Promise<void> {
  expect(bot.exitCode).toBeNull();
  const health = await fetch(`${botBaseUrl}/health`);
  expect(health.status).toBe(200);
  const { ts } = await driver.mention({ user: "U0BOB", channel: "C0GENERAL", text: "help" });
  const answer = await slack.waitFor(
    "chat.postMessage",
    (call) => call.params.thread_ts === ts && call.status === 200,
    15_000,
  );
  expect(readableText(answer.params)).toContain("/bsi events");
}

describe("Slack rate-limiting the bot, then failing", () => {
  it("waits out Retry-After on a 429 before posting the answer", async () => {
    slack.rateLimitNext("chat.postMessage", 2);
    const { ts } = await driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "what's next?" });
    const answer = await slack.waitFor(
      "chat.postMessage",
      (call) => call.params.thread_ts === ts && call.status === 200,
      15_000,
    );
    const [limited] = attemptsIn(ts);
    expect(limited?.status).toBe(429);
    expect(answer.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1990);
    const [next] = (await operator.listEvents({ upcoming: true, limit: 1 })).items;
    expect(readableText(answer.params)).toContain(next?.title.replace(/&/g, "&amp;"));
    expect(attemptsIn(ts).filter((call) => call.status === 200)).toHaveLength(1);
  });

  it("keeps trying through a 429 and then 500s, and answers once", async () => {
    slack.rateLimitNext("chat.postMessage", 1);
    slack.httpErrorNext("chat.postMessage", 500, 2);
    const { ts } = await driver.mention({
      user: "U0ALICE",
      channel: "C0GENERAL",
      text: "workshops on biometrics",
    });
    await slack.waitFor(
      "chat.postMessage",
      (call) => call.params.thread_ts === ts && call.status === 200,
      20_000,
    );
    await sleep(500);
    expect(attemptsIn(ts).map((call) => call.status)).toEqual([429, 500, 500, 200]);
  });

  it("gives up on an answer when Slack fails past the retries, logs it, and stays up", async () => {
    slack.httpErrorNext("chat.postMessage", 500, 50);
    const { ts } = await driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "events in Dakar" });
    const deadline = Date.now() + 20_000;
    while (attemptsIn(ts).length < 4 && Date.now() < deadline) await sleep(100);
    await sleep(3000);
    expect(attemptsIn(ts).map((call) => call.status)).toEqual([500, 500, 500, 500]);
    expect(botOutput).toContain("a listener failed");
    slack.clearFaults();
    await expectBotUp();
  });

  it("opens the request form once views.open's Retry-After passes within Slack's 3 s trigger", async () => {
    slack.rateLimitNext("views.open", 1);
    const { triggerId } = await driver.command({
      text: "request Advice on API/PNR legislation",
      user: "U0ALICE",
    });
    const opened = await slack.waitFor(
      "views.open",
      (call) => call.params.trigger_id === triggerId && call.response.ok === true,
      10_000,
    );
    const limited = slack.callsTo("views.open").find((call) => call.params.trigger_id === triggerId);
    expect(limited?.status).toBe(429);
    expect(opened.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("tells the user to run /bsi request again when the wait outlasts the trigger", async () => {
    slack.rateLimitNext("views.open", 4);
    const { triggerId, responseUrl } = await driver.command({
      text: "request Training for airport police",
      user: "U0BOB",
    });
    const reply = await slack.waitForResponse((post) => responseUrl.endsWith(post.id), 15_000);
    expect(readableText(reply.body)).toContain("couldn't open the request form — run `/bsi request` again");
    expect(readableText(reply.body)).toContain("Training for airport police");
    const attempts = slack.callsTo("views.open").filter((call) => call.params.trigger_id === triggerId);
    expect(attempts.map((call) => call.response.error ?? "ok")).toEqual([
      "ratelimited",
      "expired_trigger_id",
    ]);
  });

  it("gets a new request its card and receipt once Slack stops failing: the API retries the webhook", async () => {
    const summary = "Filed while Slack was failing";
    const { triggerId } = await driver.command({ text: `request ${summary}`, user: "U0ALICE" });
    const opened = await slack.waitFor("views.open", (call) => call.params.trigger_id === triggerId, 10_000);
    const viewId = String((opened.response.view as { id: string }).id);
    // Alice's profile, read for an earlier form, is put in at once; otherwise it follows.
    if (!prefilledEmail(opened.params.view)) {
      await slack.waitFor("views.update", (call) => call.params.view_id === viewId, 10_000);
    }
    slack.rateLimitNext("conversations.history", 1);
    slack.httpErrorNext("chat.postMessage", 500, 6);
    const { answer } = await driver.viewSubmission({
      user: "U0ALICE",
      viewId,
      entries: validEntries(summary, { [FORM_BLOCK_IDS.type]: "training" }),
    });
    expect(answer?.response_action).toBe("update");
    const reference =
      /BSI-\d{4}-\d{4,}/.exec(readableText(answer?.view as Record<string, unknown>))?.[0] ?? "";
    expect((await operator.getRequest(reference)).summary).toBe(summary);

    const receipt = await slack.waitFor(
      "chat.postMessage",
      (call) =>
        call.params.channel === "D0ALICE" &&
        call.status === 200 &&
        readableText(call.params).includes(`${reference} is filed`),
      60_000,
    );
    expect(receipt.response.ok).toBe(true);
    await sleep(1000);
    const cards = slack
      .messagesIn(TRIAGE_CHANNEL)
      .filter(
        (message) =>
          (message.metadata?.event_payload as { reference?: string } | undefined)?.reference === reference,
      );
    expect(cards).toHaveLength(1);
    const receipts = slack
      .callsTo("chat.postMessage")
      .filter((call) => call.status === 200 && readableText(call.params).includes(`${reference} is filed`));
    expect(receipts).toHaveLength(1);
    expect(slack.callsTo("chat.postMessage").some((call) => call.status === 500)).toBe(true);
  });

  it("is still up at the end: /health answers and a later mention is answered", async () => {
    await expectBotUp();
  });
});
