import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNREACHABLE_TEXT } from "../answers/failures.js";
import { type ApiProxy, startApiProxy, unusedLoopbackUrl } from "../test/api-proxy.js";
import { type BotHarness, startBotHarness, startTestApi, type TestApi } from "../test/harness.js";
import { readableText } from "../test/messages.js";
import { SlackDriver } from "../test/slack-driver.js";

let api: TestApi;
let proxy: ApiProxy;
let harness: BotHarness;

beforeAll(async () => {
  api = await startTestApi();
  proxy = await startApiProxy(api.url);
  harness = await startBotHarness({ apiUrl: proxy.url });
});

afterAll(async () => {
  await harness?.close();
  await proxy?.close();
  await api?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bot still answers a plain command: the process is up and its listeners work. */
async function expectBotAnswers(): Promise<void> {
  const { response } = await harness.driver.command({ text: "help", user: "U0ALICE" });
  expect(response.status).toBe(200);
  expect(readableText(JSON.parse(response.body))).toContain("/bsi next");
}

describe("requests that are not from Slack", () => {
  it.each([
    ["forged (signed with another secret)", { secret: "not-our-secret" }],
    ["unsigned", { unsigned: true }],
    ["stale (signed six minutes ago)", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ["signed with a made-up signature", { signature: "v0=deadbeef" }],
  ])("are refused with 401 when %s, and change nothing", async (_label, options) => {
    const callsBefore = harness.slack.calls.length;
    const postsBefore = harness.slack.responsePosts.length;
    const command = await harness.driver.command({ text: "next", user: "U0ALICE" }, options);
    const mention = await harness.driver.mention(
      { user: "U0ALICE", channel: "C0GENERAL", text: "next event?" },
      options,
    );
    const action = await harness.driver.blockAction(
      {
        user: "U0ALICE",
        actionId: "answer.share",
        value: '{"kind":"next"}',
        container: { type: "message", channel: "C0GENERAL", messageTs: "1.000001", isEphemeral: true },
      },
      options,
    );
    expect([command.response.status, mention.response.status, action.response.status]).toEqual([
      401, 401, 401,
    ]);
    await sleep(300);
    expect(harness.slack.calls.length).toBe(callsBefore);
    expect(harness.slack.responsePosts.length).toBe(postsBefore);
  });
});

describe("Events API retries", () => {
  it("answers a mention once even when Slack redelivers it with X-Slack-Retry-Num", async () => {
    const first = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "help" });
    await harness.slack.waitFor("chat.postMessage", (call) => call.params.thread_ts === first.ts);
    for (const retryNum of [1, 2]) {
      const retry = await harness.driver.mention(
        { user: "U0ALICE", channel: "C0GENERAL", text: "help", ts: first.ts },
        { eventId: first.eventId, retryNum, retryReason: "http_timeout" },
      );
      expect(retry.response.status).toBe(200);
    }
    await sleep(300);
    const answers = harness.slack
      .callsTo("chat.postMessage")
      .filter((call) => call.params.thread_ts === first.ts);
    expect(answers).toHaveLength(1);
  });

  it("answers once when the retry arrives while the first delivery is still being answered", async () => {
    proxy.delayMs = 400;
    try {
      const ts = harness.driver.nextTs();
      const eventId = "EvCONCURRENT01";
      await Promise.all([
        harness.driver.mention(
          { user: "U0BOB", channel: "C0GENERAL", text: "next workshop?", ts },
          { eventId },
        ),
        harness.driver.mention(
          { user: "U0BOB", channel: "C0GENERAL", text: "next workshop?", ts },
          { eventId, retryNum: 1, retryReason: "http_timeout" },
        ),
      ]);
      await harness.slack.waitFor("chat.postMessage", (call) => call.params.thread_ts === ts);
      await sleep(600);
      expect(
        harness.slack.callsTo("chat.postMessage").filter((call) => call.params.thread_ts === ts),
      ).toHaveLength(1);
    } finally {
      proxy.delayMs = 0;
    }
  });
});

describe("messages that are not questions", () => {
  it("ignores the bot's own messages, other bots, edits and joins — and still answers a person", async () => {
    const slack = harness.slack;
    const ignored = [
      { user: slack.botUserId, text: "my own answer" },
      { user: "U0ALICE", text: "bot says hi", extra: { bot_id: "B0OTHER", subtype: "bot_message" } },
      { user: slack.botUserId, text: "echo", extra: { bot_id: slack.botId } },
      {
        user: "U0ALICE",
        text: "edited",
        extra: { subtype: "message_changed", message: { text: "what's next?", user: "U0ALICE" } },
      },
      { user: "U0ALICE", text: "<@U0ALICE> has joined the channel", extra: { subtype: "channel_join" } },
      { user: "U0ALICE", text: "gone", extra: { subtype: "message_deleted" } },
    ];
    const sent: string[] = [];
    for (const message of ignored) sent.push((await harness.driver.directMessage(message)).ts);
    const person = await harness.driver.directMessage({ user: "U0ALICE", text: "help" });
    await slack.waitFor("chat.postMessage", (call) => call.params.thread_ts === person.ts);
    await sleep(200);
    const answeredIgnored = slack
      .callsTo("chat.postMessage")
      .filter((call) => sent.includes(String(call.params.thread_ts)));
    expect(answeredIgnored).toEqual([]);
  });
});

describe("Slack's three seconds", () => {
  it("acks a command at once, before the slow work, and the answer follows", async () => {
    proxy.delayMs = 800;
    try {
      const started = Date.now();
      const { response, responseUrl } = await harness.driver.command({ text: "next", user: "U0ALICE" });
      expect(response.status).toBe(200);
      const acked = Date.now() - started;
      const reply = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
      const answered = reply.at - started;
      expect(acked).toBeLessThan(answered);
      expect(answered).toBeGreaterThanOrEqual(800);
      expect(readableText(reply.body)).toContain("The next BSI event");
    } finally {
      proxy.delayMs = 0;
    }
  });

  it("acks a button click at once, before re-running the query", async () => {
    proxy.delayMs = 800;
    try {
      const started = Date.now();
      const { response, responseUrl } = await harness.driver.blockAction({
        user: "U0ALICE",
        actionId: "answer.show_more",
        value: '{"kind":"next"}',
        container: { type: "message", channel: "C0GENERAL", messageTs: "1.000002", isEphemeral: true },
      });
      expect(response.status).toBe(200);
      const acked = Date.now() - started;
      const reply = await harness.slack.waitForResponse((post) => (responseUrl ?? "").endsWith(post.id));
      expect(acked).toBeLessThan(reply.at - started);
    } finally {
      proxy.delayMs = 0;
    }
  });
});

describe("an API that is slow or down", () => {
  it("tells the user within 3 seconds that the catalogue can't be reached when the API hangs", async () => {
    proxy.delayMs = 10_000;
    try {
      const started = Date.now();
      const { responseUrl } = await harness.driver.command({ text: "events workshop", user: "U0ALICE" });
      const reply = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id), 5000);
      expect(reply.at - started).toBeLessThan(3000);
      const text = readableText(reply.body);
      expect(text).toContain(UNREACHABLE_TEXT);
      expect(text).toContain("events workshop");
    } finally {
      proxy.delayMs = 0;
    }
    await expectBotAnswers();
  });

  it("answers a mention with the same message, in its thread, within 3 seconds", async () => {
    proxy.delayMs = 10_000;
    try {
      const started = Date.now();
      const { ts } = await harness.driver.mention({
        user: "U0BOB",
        channel: "C0BORDERS",
        text: "any workshop in Dakar?",
      });
      const answer = await harness.slack.waitFor(
        "chat.postMessage",
        (call) => call.params.thread_ts === ts,
        5000,
      );
      expect(answer.at - started).toBeLessThan(3000);
      expect(readableText(answer.params)).toContain(UNREACHABLE_TEXT);
    } finally {
      proxy.delayMs = 0;
    }
  });

  it("says the same when nothing listens at BSI_API_URL, and keeps running", async () => {
    const down = await startBotHarness({ apiUrl: await unusedLoopbackUrl() });
    try {
      const started = Date.now();
      const { responseUrl } = await down.driver.command({ text: "next", user: "U0ALICE" });
      const reply = await down.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
      expect(reply.at - started).toBeLessThan(3000);
      expect(readableText(reply.body)).toContain(UNREACHABLE_TEXT);
      await down.driver.appHomeOpened("U0ALICE");
      const home = await down.slack.waitFor("views.publish");
      expect(readableText(home.params.view as Record<string, unknown>)).toContain(
        "can't reach its catalogue",
      );
      const { response } = await down.driver.command({ text: "help", user: "U0ALICE" });
      expect(response.status).toBe(200);
    } finally {
      await down.close();
    }
  });
});

describe("Slack Web API trouble", () => {
  it("waits out a 429 with Retry-After and still delivers the answer", async () => {
    harness.slack.rateLimitNext("chat.postMessage", 1);
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "help" });
    const delivered = await harness.slack.waitFor(
      "chat.postMessage",
      (call) => call.params.thread_ts === ts && call.status === 200,
      6000,
    );
    const limited = harness.slack
      .callsTo("chat.postMessage")
      .filter((call) => call.params.thread_ts === ts && call.status === 429);
    expect(limited).toHaveLength(1);
    expect(delivered.at - (limited[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it("still answers in plain text if Slack rejects the blocks", async () => {
    harness.slack.failNext("chat.postMessage", "invalid_blocks");
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "help" });
    const fallback = await harness.slack.waitFor(
      "chat.postMessage",
      (call) => call.params.thread_ts === ts && call.response.ok === true,
    );
    expect(fallback.params.blocks).toBeUndefined();
    expect(String(fallback.params.text)).toContain("BSI Desk help");
  });

  it("answers Slack's URL verification challenge", async () => {
    const response = await harness.driver.send(
      JSON.stringify({
        token: "x",
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        type: "url_verification",
      }),
      "application/json",
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });

  it("survives ok:false errors from Slack and answers the next question", async () => {
    harness.slack.failNext("chat.postMessage", "channel_not_found");
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "help" });
    await harness.slack.waitFor("chat.postMessage", (call) => call.params.thread_ts === ts);
    await expectBotAnswers();
  });
});

describe.concurrent("malformed payloads", () => {
  const signedBodies: [string, string, string][] = [
    ["invalid JSON", "{not json", "application/json"],
    ["JSON that is not an object", "[1,2,3]", "application/json"],
    ["an event_callback without an event", '{"type":"event_callback","event_id":"Ev1"}', "application/json"],
    ["an event that is null", '{"type":"event_callback","event_id":"Ev2","event":null}', "application/json"],
    [
      "a mention without user, channel or text",
      '{"type":"event_callback","event_id":"Ev3","team_id":"T0FAKETEAM","event":{"type":"app_mention"}}',
      "application/json",
    ],
    [
      "a DM whose text is a number",
      '{"type":"event_callback","event_id":"Ev4","team_id":"T0FAKETEAM","event":{"type":"message","channel_type":"im","channel":"D0ALICE","user":"U0ALICE","ts":"1.1","text":42}}',
      "application/json",
    ],
    ["a payload field that is not JSON", "payload=%7Bnope", "application/x-www-form-urlencoded"],
    [
      "block_actions without actions",
      `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U0ALICE"},"team":{"id":"T0FAKETEAM"}}')}`,
      "application/x-www-form-urlencoded",
    ],
    [
      "a Show more whose value is garbage",
      `payload=${encodeURIComponent(
        JSON.stringify({
          type: "block_actions",
          user: { id: "U0ALICE" },
          team: { id: "T0FAKETEAM" },
          container: { type: "message", channel_id: "C0GENERAL", message_ts: "1.2", is_ephemeral: true },
          response_url: "http://127.0.0.1:9/nowhere",
          actions: [
            {
              type: "button",
              action_id: "answer.show_more",
              block_id: "b",
              value: '{"kind":"ask","offset":-1}',
            },
          ],
        }),
      )}`,
      "application/x-www-form-urlencoded",
    ],
    [
      "a command without text or user",
      "command=%2Fbsi&team_id=T0FAKETEAM",
      "application/x-www-form-urlencoded",
    ],
    [
      "an options load for an unknown action",
      `payload=${encodeURIComponent('{"type":"block_suggestion","action_id":"nope","block_id":"x","value":"a","team":{"id":"T0FAKETEAM"},"user":{"id":"U0ALICE"}}')}`,
      "application/x-www-form-urlencoded",
    ],
  ];

  it.each(signedBodies)("never crash the bot: %s", async (_label, body, contentType) => {
    const response = await harness.driver.send(body, contentType);
    expect(response.status).toBeLessThan(600);
    await expectBotAnswers();
  });

  it("never crash the bot, whatever signed JSON arrives", async () => {
    const driver = new SlackDriver({
      botUrl: harness.bot.url ?? "",
      signingSecret: "8f742231b10e8888abcd99yyyzzz85a5",
      slack: harness.slack,
    });
    const eventShape = fc.record({
      type: fc.constantFrom(
        "event_callback",
        "block_actions",
        "view_submission",
        "block_suggestion",
        "url_verification",
        "x",
      ),
      event_id: fc.option(fc.string(), { nil: undefined }),
      team_id: fc.constantFrom("T0FAKETEAM", "", undefined),
      event: fc.option(
        fc.record({
          type: fc.constantFrom("app_mention", "message", "app_home_opened", "reaction_added"),
          user: fc.option(fc.constantFrom("U0ALICE", "U0BSIDESK", ""), { nil: undefined }),
          channel: fc.option(fc.constantFrom("C0GENERAL", "D0ALICE", "nope"), { nil: undefined }),
          channel_type: fc.option(fc.constantFrom("im", "channel"), { nil: undefined }),
          text: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
          ts: fc.option(fc.string(), { nil: undefined }),
          tab: fc.option(fc.constantFrom("home", "messages"), { nil: undefined }),
          view: fc.option(fc.record({ private_metadata: fc.string() }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    });
    // Sent in concurrent batches: a body no listener acks is only answered after Bolt's 3 s.
    await fc.assert(
      fc.asyncProperty(fc.array(eventShape, { minLength: 25, maxLength: 25 }), async (shapes) => {
        const responses = await Promise.all(
          shapes.map((shape) => driver.send(JSON.stringify(shape), "application/json")),
        );
        for (const response of responses) expect(response.status).toBeLessThan(600);
      }),
      { numRuns: 3 },
    );
    await expectBotAnswers();
  });
});
