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

/** The scopes manifest.yaml asks for, without the two that let the bot describe a channel. */
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
const PRIVATE_TRIAGE: FakeSlackOptions = {
  channels: [{ id: TRIAGE_CHANNEL, name: "bsi-triage", isPrivate: true }],
};
const PUBLIC_TRIAGE: FakeSlackOptions = { channels: [{ id: TRIAGE_CHANNEL, name: "bsi-triage" }] };
const CONNECT_TRIAGE: FakeSlackOptions = {
  channels: [{ id: TRIAGE_CHANNEL, name: "bsi-triage", isPrivate: true, shared: "external" }],
};
const ADVICE = "use a private channel that is not shared";

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
  env: Record<string, string> = {},
): Promise<{ harness: BotHarness; slack: FakeSlack; logs: CapturedLogs }> {
  const slack = await new FakeSlack(slackOptions).start();
  const logs = captureLogs();
  const harness = await startBotHarness({
    apiUrl: api.url,
    slack,
    logger: logs.logger,
    env: { BSI_API_TOKEN: botKey, SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL, ...env },
  });
  running.push({ harness, slack });
  return { harness, slack, logs };
}

async function cardOf(harness: BotHarness, reference: string): Promise<StoredMessage> {
  await eventually(() => expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1));
  const [card] = findCard(harness, TRIAGE_CHANNEL, reference);
  if (!card) throw new Error("no card");
  return card;
}

/** A triager clicks a move on the card, and the card is updated to show it. */
async function moveFromCard(harness: BotHarness, reference: string, to: "under_review" | "accepted") {
  const card = await cardOf(harness, reference);
  const button = findButton(card as never, moveActionId(to));
  if (!button) throw new Error(`no ${to} button on ${readableText(card as never)}`);
  const updates = harness.slack.callsTo("chat.update").length;
  await harness.driver.blockAction({
    user: TRIAGER,
    actionId: moveActionId(to),
    value: button.value ?? "",
    container: { type: "message", channel: card.channel, messageTs: card.ts, isEphemeral: false },
    message: { ts: card.ts, text: card.text, blocks: card.blocks },
  });
  await eventually(() => expect(harness.slack.callsTo("chat.update").length).toBeGreaterThan(updates));
}

/** Every message the bot posted or edited, anywhere, as Slack received it. */
function postsAndEdits(slack: FakeSlack) {
  return slack.calls.filter((call) => call.method === "chat.postMessage" || call.method === "chat.update");
}

describe("requesters' email on triage cards", () => {
  it.each([
    // A summary of its own each: the same form in another workspace would replay the first filing.
    ["a private", PRIVATE_TRIAGE, "Advice on e-gates for Dakar airport"],
    ["a public", PUBLIC_TRIAGE, "Training on document fraud at the border"],
    ["a Slack Connect", CONNECT_TRIAGE, "Biometrics equipment for Nouakchott"],
  ])(
    "never appears on a card or its updates in %s channel; a triager sees it privately with /bsi status",
    async (_kind, slackOptions, summary) => {
      const { harness, slack } = await startBot(slackOptions);
      const reference = await fileThroughSlack(harness, "U0ALICE", summary);
      const card = readableText((await cardOf(harness, reference)) as never);
      expect(card).toContain("Alice Ndiaye");
      expect(card).toContain(`Triagers see them privately with \`/bsi status ${reference}\``);
      await moveFromCard(harness, reference, "under_review");
      await moveFromCard(harness, reference, "accepted");
      expect(readableText((await cardOf(harness, reference)) as never)).toContain("*Accepted*");

      const { responseUrl } = await harness.driver.command({ text: `status ${reference}`, user: TRIAGER });
      const reply = await slack.waitForResponse((post) => responseUrl.endsWith(post.id));
      expect(reply.body.response_type).toBe("ephemeral");
      expect(readableText(reply.body)).toContain(`Requester: Alice Ndiaye · ${ALICE_EMAIL}`);

      const posted = postsAndEdits(slack);
      expect(posted.filter((call) => call.params.channel === TRIAGE_CHANNEL)).toHaveLength(3);
      for (const call of posted) expect(JSON.stringify(call.params)).not.toContain(ALICE_EMAIL);
      for (const message of slack.messagesIn(TRIAGE_CHANNEL))
        expect(JSON.stringify(message)).not.toContain(ALICE_EMAIL);
    },
  );
});

describe("the triage channel check", () => {
  it("warns of nothing for a private channel that is not shared", async () => {
    const { slack, logs } = await startBot(PRIVATE_TRIAGE);
    expect(slack.callsTo("conversations.info")[0]?.params.channel).toBe(TRIAGE_CHANNEL);
    expect(logs.messages("warn")).toEqual([]);
    expect(logs.messages("info")).toContain(
      `SLACK_TRIAGE_CHANNEL ${TRIAGE_CHANNEL} (#bsi-triage) is private and not shared`,
    );
  });

  it.each([
    [
      "that is public",
      PUBLIC_TRIAGE,
      "is public: summaries and requesters' names on triage cards are visible to anyone in the workspace",
    ],
    [
      "shared through Slack Connect",
      CONNECT_TRIAGE,
      "is shared with other organizations (Slack Connect): summaries and requesters' names on triage cards are visible to everyone in it, other organizations included",
    ],
    [
      "shared with the organization's other workspaces",
      { channels: [{ id: TRIAGE_CHANNEL, name: "bsi-triage", isPrivate: true, shared: "organization" }] },
      "is shared with other workspaces of the organization: summaries and requesters' names on triage cards are visible to everyone in it, other workspaces included",
    ],
  ] as const)(
    "warns once at start-up of a channel %s, and says what to use",
    async (_kind, slackOptions, said) => {
      const { logs } = await startBot(slackOptions as FakeSlackOptions);
      expect(logs.messages("warn")).toEqual([
        `SLACK_TRIAGE_CHANNEL ${TRIAGE_CHANNEL} (#bsi-triage) ${said}; ${ADVICE}`,
      ]);
    },
  );

  it.each([
    ["missing_scope", { ...PUBLIC_TRIAGE, scopes: SCOPES_WITHOUT_READ }, "channels:read and groups:read"],
    ["channel_not_found", { channels: [] }, "invite the bot"],
  ])("says what to fix when Slack refuses to describe the channel (%s)", async (code, slackOptions, fix) => {
    const { logs } = await startBot(slackOptions);
    const warnings = logs.messages("warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(code);
    expect(warnings[0]).toContain(fix);
  });

  it("warns at the next check once the channel is made public mid-run, and only once", async () => {
    const { slack, logs } = await startBot(PRIVATE_TRIAGE, { BSI_WEBHOOK_CHECK_MS: "100" });
    expect(logs.messages("warn")).toEqual([]);

    slack.setChannelPrivacy(TRIAGE_CHANNEL, false);
    await eventually(() =>
      expect(logs.messages("warn")).toContainEqual(expect.stringContaining("(#bsi-triage) is public")),
    );
    const checks = slack.callsTo("conversations.info").length;
    await eventually(() => expect(slack.callsTo("conversations.info").length).toBeGreaterThan(checks + 2));
    expect(logs.messages("warn")).toHaveLength(1);
  });
});
