import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveActionId } from "../blocks/ids.js";
import { FakeSlack, type FakeSlackOptions, type StoredMessage } from "../test/fake-slack.js";
import {
  BOT_SCOPES,
  type BotHarness,
  startBotHarness,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
  TRIAGER,
} from "../test/harness.js";
import { type CapturedLogs, captureLogs } from "../test/logs.js";
import { findButton, readableText } from "../test/messages.js";
import { eventually, fileThroughSlack, findCard } from "../test/request-flow.js";

/** The scopes manifest.yaml asked for before the bot checked the triage channel. */
const SCOPES_WITHOUT_READ = [
  "app_mentions:read",
  "channels:history",
  "chat:write",
  "commands",
  "groups:history",
  "im:history",
  "im:read",
  "im:write",
  "users:read",
  "users:read.email",
];
const ALICE_EMAIL = "alice@example.org";

let api: TestApi;
let botKey: string;
const running: Array<{ harness: BotHarness; slack: FakeSlack }> = [];

beforeAll(async () => {
  api = await startTestApi();
  botKey = await api.createKey(BOT_SCOPES);
});

afterAll(async () => {
  for (const { harness, slack } of running) {
    await harness.close();
    await slack.stop();
  }
  await api?.close();
});

/** The bot with its own fake Slack workspace (channels and scopes as given) and its logs kept. */
async function startBot(
  slackOptions: FakeSlackOptions,
  options: { env?: Record<string, string>; beforeStart?: (slack: FakeSlack) => void } = {},
): Promise<{ harness: BotHarness; slack: FakeSlack; logs: CapturedLogs }> {
  const slack = await new FakeSlack(slackOptions).start();
  options.beforeStart?.(slack);
  const logs = captureLogs();
  const harness = await startBotHarness({
    apiUrl: api.url,
    slack,
    logger: logs.logger,
    env: { BSI_API_TOKEN: botKey, SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL, ...options.env },
  });
  running.push({ harness, slack });
  return { harness, slack, logs };
}

const PUBLIC_TRIAGE = { channels: [{ id: TRIAGE_CHANNEL, name: "bsi-triage" }] };

async function cardOf(harness: BotHarness, reference: string): Promise<StoredMessage> {
  await eventually(() => expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1));
  const [card] = findCard(harness, TRIAGE_CHANNEL, reference);
  if (!card) throw new Error("no card");
  return card;
}

function cardText(card: StoredMessage): string {
  return readableText(card as unknown as Record<string, unknown>);
}

describe("the triage channel's privacy", () => {
  it("shows the requester's email on cards in a private triage channel", async () => {
    const { harness, slack, logs } = await startBot({});
    expect(slack.callsTo("conversations.info")[0]?.params.channel).toBe(TRIAGE_CHANNEL);
    expect(logs.messages("warn")).toEqual([]);
    const reference = await fileThroughSlack(harness, "U0ALICE", "Advice on e-gates for Dakar airport");
    const text = cardText(await cardOf(harness, reference));
    expect(text).toContain(`Alice Ndiaye · ${ALICE_EMAIL}`);
    expect(text).not.toContain("Contact details hidden");
  });

  it("leaves the email out of cards in a public channel, says so on the card and in the log, and triagers find it with /bsi status", async () => {
    const { harness, logs } = await startBot(PUBLIC_TRIAGE);
    expect(logs.messages("warn")).toContainEqual(
      expect.stringContaining(`SLACK_TRIAGE_CHANNEL ${TRIAGE_CHANNEL} (#bsi-triage) is a public channel`),
    );
    const reference = await fileThroughSlack(harness, "U0ALICE", "Training on document fraud at the border");
    const text = cardText(await cardOf(harness, reference));
    expect(text).toContain("Alice Ndiaye");
    expect(text).not.toContain(ALICE_EMAIL);
    expect(text).toContain(
      `Contact details hidden: this channel is public. Triagers see them privately with \`/bsi status ${reference}\``,
    );

    const { responseUrl } = await harness.driver.command({ text: `status ${reference}`, user: TRIAGER });
    const reply = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
    expect(reply.body.response_type).toBe("ephemeral");
    expect(readableText(reply.body)).toContain(`Requester: Alice Ndiaye · ${ALICE_EMAIL}`);
  });

  it.each([
    ["missing_scope", { ...PUBLIC_TRIAGE, scopes: SCOPES_WITHOUT_READ }, "channels:read and groups:read"],
    ["channel_not_found", { channels: [] }, "invite the bot"],
  ])(
    "treats the channel as public when Slack refuses to describe it (%s), and says what to do",
    async (code, slackOptions, fix) => {
      const { logs } = await startBot(slackOptions);
      const warning = logs.messages("warn").find((message) => message.includes(code));
      expect(warning).toContain(fix);
      expect(warning).toContain("leave out requesters' email");
    },
  );

  it("shows the email again once the app is granted groups:read, at the next check", async () => {
    const { harness, slack, logs } = await startBot(
      { scopes: SCOPES_WITHOUT_READ },
      { env: { BSI_WEBHOOK_CHECK_MS: "100" } },
    );
    expect(logs.messages("warn")).toContainEqual(expect.stringContaining("missing_scope"));
    const reference = await fileThroughSlack(harness, "U0ALICE", "Expert advice on API/PNR legislation");
    const card = await cardOf(harness, reference);
    expect(cardText(card)).not.toContain(ALICE_EMAIL);

    slack.setScopes([...SCOPES_WITHOUT_READ, "channels:read", "groups:read"]);
    await eventually(() =>
      expect(logs.messages("info")).toContainEqual(
        expect.stringContaining(
          `${TRIAGE_CHANNEL} (#bsi-triage) is private: triage cards show requesters' email`,
        ),
      ),
    );
    // The card shows the email from its next update on: a triager's click.
    const button = findButton(card as unknown as Record<string, unknown>, moveActionId("under_review"));
    await harness.driver.blockAction({
      user: TRIAGER,
      actionId: moveActionId("under_review"),
      value: button?.value ?? "",
      container: { type: "message", channel: card.channel, messageTs: card.ts, isEphemeral: false },
      message: { ts: card.ts, text: card.text, blocks: card.blocks },
    });
    await eventually(() => {
      const text = cardText(findCard(harness, TRIAGE_CHANNEL, reference)[0] as StoredMessage);
      expect(text).toContain("*Under review*");
      expect(text).toContain(`Alice Ndiaye · ${ALICE_EMAIL}`);
    });
  });

  it("leaves the email out of the next card once the channel is made public mid-run", async () => {
    const { harness, slack, logs } = await startBot({}, { env: { BSI_WEBHOOK_CHECK_MS: "100" } });
    const before = await fileThroughSlack(harness, "U0ALICE", "Biometrics equipment for Nouakchott");
    expect(cardText(await cardOf(harness, before))).toContain(ALICE_EMAIL);

    slack.setChannelPrivacy(TRIAGE_CHANNEL, false);
    await eventually(() =>
      expect(logs.messages("warn")).toContainEqual(expect.stringContaining("is a public channel")),
    );
    const after = await fileThroughSlack(harness, "U0ALICE", "Biometrics training for Nouakchott");
    const text = cardText(await cardOf(harness, after));
    expect(text).not.toContain(ALICE_EMAIL);
    expect(text).toContain("Contact details hidden");
  });

  it("checks before the first card when Slack could not be asked at start-up", async () => {
    const { harness, slack, logs } = await startBot(
      {},
      { beforeStart: (fake) => fake.httpErrorNext("conversations.info", 503) },
    );
    expect(logs.messages("warn")).toContainEqual(expect.stringContaining("could not reach Slack"));
    expect(slack.callsTo("conversations.info")).toHaveLength(1);
    const reference = await fileThroughSlack(harness, "U0ALICE", "Seats at the Tunis workshop");
    expect(cardText(await cardOf(harness, reference))).toContain(`Alice Ndiaye · ${ALICE_EMAIL}`);
    expect(slack.callsTo("conversations.info")).toHaveLength(2);
  });
});
