import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySlackRequest } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "./fake-slack.js";
import { SlackDriver } from "./slack-driver.js";

const secret = "driver-test-secret";
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
    res.end("ok");
  });
});
let slack: FakeSlack;
let driver: SlackDriver;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  driver = new SlackDriver({ botUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret, slack });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await slack.stop();
});

function verify(index: number): void {
  const request = received[index];
  if (!request) throw new Error("nothing received");
  verifySlackRequest({
    signingSecret: secret,
    body: request.body,
    headers: {
      "x-slack-signature": String(request.headers["x-slack-signature"]),
      "x-slack-request-timestamp": Number(request.headers["x-slack-request-timestamp"]),
    },
  });
}

describe("the Slack driver", () => {
  it("signs event callbacks the way Bolt verifies them, with an event_id", async () => {
    const { eventId } = await driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "hello" });
    const last = received.length - 1;
    expect(() => verify(last)).not.toThrow();
    const body = JSON.parse(received[last]?.body ?? "{}");
    expect(body).toMatchObject({ type: "event_callback", event_id: eventId, event: { type: "app_mention" } });
    expect(body.event.text).toBe(`<@${slack.botUserId}> hello`);
  });

  it("sends slash commands form-encoded with a response_url", async () => {
    await driver.command({ text: "next", user: "U0ALICE" });
    const last = received.length - 1;
    expect(() => verify(last)).not.toThrow();
    expect(received[last]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(received[last]?.body);
    expect(form.get("command")).toBe("/bsi");
    expect(form.get("response_url")).toContain(slack.url);
  });

  it("sends interactions as a JSON payload field", async () => {
    await driver.blockAction({
      user: "U0ALICE",
      actionId: "answer.show_more",
      value: "x",
      container: { type: "message", channel: "C0GENERAL", messageTs: "1.000001", isEphemeral: true },
    });
    const payload = JSON.parse(new URLSearchParams(received.at(-1)?.body).get("payload") ?? "{}");
    expect(payload).toMatchObject({
      type: "block_actions",
      actions: [{ action_id: "answer.show_more", value: "x" }],
    });
  });

  it("adds retry headers when asked, and produces signatures Bolt rejects when forged or stale", async () => {
    await driver.mention(
      { user: "U0ALICE", channel: "C0GENERAL", text: "again" },
      { retryNum: 1, retryReason: "http_timeout" },
    );
    expect(received.at(-1)?.headers["x-slack-retry-num"]).toBe("1");
    expect(received.at(-1)?.headers["x-slack-retry-reason"]).toBe("http_timeout");
    await driver.mention(
      { user: "U0ALICE", channel: "C0GENERAL", text: "forged" },
      { secret: "not-the-secret" },
    );
    expect(() => verify(received.length - 1)).toThrow(/signature mismatch/);
    await driver.mention(
      { user: "U0ALICE", channel: "C0GENERAL", text: "stale" },
      { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    );
    expect(() => verify(received.length - 1)).toThrow(/stale/);
  });

  it("submits a modal with state.values built from its inputs: entries given, else their initial values", async () => {
    const opened = await fetch(`${slack.apiUrl}views.open`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${slack.botToken}` },
      body: JSON.stringify({
        trigger_id: `${Date.now()}.1.driver`,
        view: {
          type: "modal",
          callback_id: "form",
          title: { type: "plain_text", text: "Form" },
          submit: { type: "plain_text", text: "Submit" },
          private_metadata: "meta",
          blocks: [
            {
              type: "input",
              block_id: "kind",
              label: { type: "plain_text", text: "Kind" },
              element: {
                type: "static_select",
                action_id: "value",
                options: [{ text: { type: "plain_text", text: "Training" }, value: "training" }],
              },
            },
            {
              type: "input",
              block_id: "email",
              label: { type: "plain_text", text: "Email" },
              element: { type: "email_text_input", action_id: "value", initial_value: "a@example.org" },
            },
            {
              type: "input",
              block_id: "themes",
              label: { type: "plain_text", text: "Themes" },
              element: {
                type: "multi_static_select",
                action_id: "value",
                options: [{ text: { type: "plain_text", text: "PNR" }, value: "api-pnr" }],
              },
            },
          ],
        },
      }),
    }).then((response) => response.json() as Promise<{ view: { id: string } }>);
    await driver.viewSubmission({
      user: "U0ALICE",
      viewId: opened.view.id,
      entries: { kind: "training", themes: ["api-pnr"] },
    });
    const last = received.length - 1;
    expect(() => verify(last)).not.toThrow();
    const payload = JSON.parse(new URLSearchParams(received[last]?.body ?? "").get("payload") ?? "{}");
    expect(payload).toMatchObject({
      type: "view_submission",
      user: { id: "U0ALICE" },
      view: { id: opened.view.id, callback_id: "form", private_metadata: "meta" },
    });
    expect(payload.view.state.values).toEqual({
      kind: {
        value: {
          type: "static_select",
          selected_option: { text: { type: "plain_text", text: "Training", emoji: true }, value: "training" },
        },
      },
      email: { value: { type: "email_text_input", value: "a@example.org" } },
      themes: {
        value: {
          type: "multi_static_select",
          selected_options: [{ text: { type: "plain_text", text: "PNR", emoji: true }, value: "api-pnr" }],
        },
      },
    });
  });

  it("sends a message shortcut with the message, its channel and a trigger_id", async () => {
    const { triggerId } = await driver.messageShortcut({
      user: "U0ALICE",
      channel: "C0GENERAL",
      message: { ts: "1700000000.000100", text: "please help", user: "U0BOB" },
    });
    const payload = JSON.parse(new URLSearchParams(received.at(-1)?.body ?? "").get("payload") ?? "{}");
    expect(payload).toMatchObject({
      type: "message_action",
      callback_id: "file_bsi_request",
      trigger_id: triggerId,
      channel: { id: "C0GENERAL" },
      message: { ts: "1700000000.000100", text: "please help" },
    });
  });
});
