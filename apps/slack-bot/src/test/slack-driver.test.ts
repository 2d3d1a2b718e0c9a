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
});
