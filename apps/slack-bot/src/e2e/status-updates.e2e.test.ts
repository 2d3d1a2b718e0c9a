import type { BsiClient } from "@bsi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiProxy } from "../test/api-proxy.js";
import {
  BOT_SCOPES,
  freePort,
  startBotHarness,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
} from "../test/harness.js";
import { captureLogs } from "../test/logs.js";
import { eventually, fileThroughSlack, findCard, waitForDirectMessage } from "../test/request-flow.js";

let api: TestApi;
let operator: BsiClient;
let botKey: string;

beforeAll(async () => {
  // A webhook whose deliveries fail for 300 ms is disabled, as one failing for a day is by default.
  api = await startTestApi({ webhooks: true, webhookDisableAfterMs: 300 });
  operator = await api.clientWith(["requests:read", "requests:write", "requests:manage", "webhooks:manage"]);
  botKey = await api.createKey(BOT_SCOPES);
});

afterAll(async () => {
  await api?.close();
});

describe("when the API's webhook stops reaching the bot mid-run", () => {
  it("announces new filings itself once the API has disabled the webhook, and leaves them to it again once it is back on", async () => {
    // The bot's public address goes through a proxy that can stop answering, as a broken route would.
    const port = await freePort();
    const front = await startApiProxy(`http://127.0.0.1:${port}`);
    const logs = captureLogs();
    const harness = await startBotHarness({
      apiUrl: api.url,
      webhooks: true,
      port,
      logger: logs.logger,
      env: {
        BSI_API_TOKEN: botKey,
        SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL,
        BOT_PUBLIC_URL: front.url,
        BSI_WEBHOOK_CHECK_MS: "200",
      },
    });
    try {
      expect(harness.bot.statusUpdates.isActive()).toBe(true);
      const [webhook] = (await operator.listWebhooks()).items.filter(
        (item) => item.url === `${front.url}/bsi/webhooks`,
      );
      if (!webhook) throw new Error("the bot did not subscribe");

      front.isDown = true;
      await operator.createRequest({
        type: "information",
        memberState: "TN",
        summary: "Filed by another tool while the bot cannot be reached",
        requester: { name: "Bob Martin", slackUserId: "U0BOB", slackTeamId: "T0FAKETEAM" },
        source: "api",
      });
      await eventually(async () => {
        const current = (await operator.listWebhooks()).items.find((item) => item.id === webhook.id);
        expect(current?.disabled).toBe(true);
      }, 15_000);
      front.isDown = false;
      await eventually(() =>
        expect(logs.messages("warn")).toContainEqual(expect.stringContaining("no longer reaches the bot")),
      );

      const reference = await fileThroughSlack(harness, "U0ALICE", "Filed while the webhook is disabled");
      await waitForDirectMessage(harness, "U0ALICE", reference, "filed");
      await eventually(() => expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1));

      await operator.enableWebhook(webhook.id);
      await eventually(() =>
        expect(logs.messages("warn")).toContainEqual(expect.stringMatching(/webhook .* again/)),
      );
      expect(harness.bot.statusUpdates.isActive()).toBe(true);
      // Deliveries announce again, moves made by other tools too.
      await operator.transitionRequest(reference, {
        to: "under_review",
        actor: "case-tracker",
        note: "Heard through the webhook again",
      });
      await waitForDirectMessage(harness, "U0ALICE", reference, "Heard through the webhook again");
      expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1);
    } finally {
      await harness.close();
      await front.close();
    }
  });
});
