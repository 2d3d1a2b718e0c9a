import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBotFromEnvironment } from "../app.js";
import { FakeSlack } from "../test/fake-slack.js";
import {
  SIGNING_SECRET,
  startBotHarness,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
} from "../test/harness.js";
import { captureLogs } from "../test/logs.js";
import { readableText } from "../test/messages.js";

let api: TestApi;
let slack: FakeSlack;

beforeAll(async () => {
  api = await startTestApi();
  slack = await new FakeSlack().start();
});

afterAll(async () => {
  await slack?.stop();
  await api?.close();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

describe("starting the bot", () => {
  it("without Slack credentials, prints one line saying what to set and how to try the chat, and exits 0", async () => {
    const { out, err, io } = capture();
    const outcome = await runBotFromEnvironment({ BSI_API_URL: api.url }, io);
    expect(outcome).toEqual({ exitCode: 0 });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/SLACK_BOT_TOKEN.*SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN.*npm run chat/);
    expect(err).toEqual([]);
  });

  it("stops with one line naming the variable when a value is bad", async () => {
    const { err, io } = capture();
    const outcome = await runBotFromEnvironment(
      { BOT_PORT: "http", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" },
      io,
    );
    expect(outcome).toEqual({ exitCode: 2 });
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("BOT_PORT");
  });

  it("stops with one line when Slack refuses the bot token", async () => {
    const { err, io } = capture();
    const outcome = await runBotFromEnvironment(
      {
        SLACK_BOT_TOKEN: "xoxb-revoked",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        BOT_PORT: "0",
        LOG_LEVEL: "silent",
      },
      io,
    );
    expect(outcome).toEqual({ exitCode: 1 });
    expect(err).toEqual([expect.stringContaining("Slack refused SLACK_BOT_TOKEN (invalid_auth)")]);
  });

  it("in HTTP mode, listens on BOT_PORT/HOST for /slack/events and answers /health", async () => {
    const { out, io } = capture();
    const outcome = await runBotFromEnvironment(
      {
        BSI_API_URL: api.url,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        BOT_PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
      },
      io,
    );
    if (!("bot" in outcome)) throw new Error(`did not start: ${JSON.stringify(outcome)}`);
    try {
      expect(outcome.bot.mode).toBe("http");
      expect(outcome.bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
      expect(out[0]).toContain(outcome.bot.url);
      const health = await fetch(String(outcome.bot.url).replace("/slack/events", "/health"));
      expect(health.status).toBe(200);
      const unsigned = await fetch(String(outcome.bot.url), { method: "POST", body: "{}" });
      expect(unsigned.status).toBe(401);
    } finally {
      await outcome.bot.stop();
    }
  });
});

describe("start-up warnings", () => {
  it("warns when SLACK_TRIAGERS is empty, since nobody could move a request, and not when it lists someone", async () => {
    const messages: string[][] = [];
    for (const triagers of ["", "U0TRIAGER"]) {
      const logs = captureLogs();
      const harness = await startBotHarness({
        apiUrl: api.url,
        slack,
        logger: logs.logger,
        env: { SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL, SLACK_TRIAGERS: triagers },
      });
      await harness.close();
      messages.push(logs.messages("warn"));
    }
    expect(messages[0]).toContainEqual(expect.stringContaining("SLACK_TRIAGERS is empty"));
    expect(messages[1]).toEqual([]);
  });
});

describe("Socket Mode", () => {
  it("connects with SLACK_APP_TOKEN, acks envelopes over the socket and answers through the Web API", async () => {
    const { io } = capture();
    const outcome = await runBotFromEnvironment(
      {
        BSI_API_URL: api.url,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_APP_TOKEN: slack.appToken,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: "silent",
      },
      io,
    );
    if (!("bot" in outcome)) throw new Error(`did not start: ${JSON.stringify(outcome)}`);
    try {
      expect(outcome.bot.mode).toBe("socket");
      await slack.waitForSocketConnection();
      expect(slack.callsTo("apps.connections.open")[0]?.token).toBe(slack.appToken);

      const responseUrl = slack.createResponseUrl();
      slack.sendOverSocket({
        envelope_id: "env-command-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          team_id: slack.teamId,
          channel_id: "C0GENERAL",
          user_id: "U0ALICE",
          command: "/bsi",
          text: "next",
          api_app_id: "A0BSIDESK",
          response_url: responseUrl,
          trigger_id: "1.2.3",
        },
      });
      expect(await slack.waitForSocketAck("env-command-1")).toMatchObject({ envelope_id: "env-command-1" });
      const reply = await slack.waitForResponse((post) => responseUrl.endsWith(post.id));
      expect(readableText(reply.body)).toContain("The next BSI event");

      slack.sendOverSocket({
        envelope_id: "env-event-1",
        type: "events_api",
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: "",
        payload: {
          type: "event_callback",
          team_id: slack.teamId,
          api_app_id: "A0BSIDESK",
          event_id: "EvSOCKET1",
          event_time: Math.floor(Date.now() / 1000),
          event: {
            type: "app_mention",
            user: "U0BOB",
            channel: "C0GENERAL",
            text: `<@${slack.botUserId}> help`,
            ts: "1700000000.000900",
            event_ts: "1700000000.000900",
          },
        },
      });
      await slack.waitForSocketAck("env-event-1");
      const answer = await slack.waitFor(
        "chat.postMessage",
        (call) => call.params.thread_ts === "1700000000.000900",
      );
      expect(readableText(answer.params)).toContain("/bsi events");
    } finally {
      await outcome.bot.stop();
    }
  });
});
