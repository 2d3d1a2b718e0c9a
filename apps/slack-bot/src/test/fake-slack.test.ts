import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "./fake-slack.js";

let slack: FakeSlack;

beforeAll(async () => {
  slack = await new FakeSlack().start();
});

afterAll(async () => {
  await slack.stop();
});

async function callForm(method: string, fields: Record<string, string>, token = slack.botToken) {
  const response = await fetch(`${slack.apiUrl}${method}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${token}` },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function callJson(method: string, body: unknown, token: string | null = slack.botToken) {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${slack.apiUrl}${method}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the fake Slack Web API", () => {
  it("answers auth.test with the bot's identity", async () => {
    const { body } = await callForm("auth.test", {});
    expect(body).toMatchObject({
      ok: true,
      user_id: slack.botUserId,
      bot_id: slack.botId,
      team_id: slack.teamId,
    });
  });

  it("posts a form-encoded message with JSON blocks and records it", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "hello" } }];
    const { body } = await callForm("chat.postMessage", {
      channel: "C0GENERAL",
      text: "hi",
      blocks: JSON.stringify(blocks),
    });
    expect(body).toMatchObject({ ok: true, channel: "C0GENERAL" });
    const call = await slack.waitFor("chat.postMessage", (recorded) => recorded.params.text === "hi");
    expect(call.params.blocks).toEqual(blocks);
    expect(call.contentType).toContain("application/x-www-form-urlencoded");
  });

  it("accepts JSON bodies too", async () => {
    const { body } = await callJson("chat.postMessage", { channel: "C0GENERAL", text: "as json" });
    expect(body.ok).toBe(true);
  });

  it("refuses a wrong token with invalid_auth and a missing one with not_authed", async () => {
    expect((await callForm("auth.test", {}, "xoxb-wrong")).body).toEqual({
      ok: false,
      error: "invalid_auth",
    });
    expect((await callJson("auth.test", {}, null)).body).toEqual({ ok: false, error: "not_authed" });
  });

  it("reports channel_not_found for a channel the bot is not in", async () => {
    const { status, body } = await callForm("chat.postMessage", { channel: "C0NOWHERE", text: "x" });
    expect(status).toBe(200);
    expect(body).toEqual({ ok: false, error: "channel_not_found" });
  });

  it("rejects blocks beyond Slack's limits with invalid_blocks and a pointer", async () => {
    const tooLong = [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }];
    const { body } = await callForm("chat.postMessage", {
      channel: "C0GENERAL",
      text: "x",
      blocks: JSON.stringify(tooLong),
    });
    expect(body.error).toBe("invalid_blocks");
    expect(String((body.errors as string[])[0])).toContain("/blocks/0/text");
    const tooMany = Array.from({ length: 51 }, () => ({ type: "divider" }));
    const many = await callForm("chat.postMessage", {
      channel: "C0GENERAL",
      text: "x",
      blocks: JSON.stringify(tooMany),
    });
    expect(many.body.error).toBe("invalid_blocks");
  });

  it("rate limits on demand with HTTP 429 and Retry-After", async () => {
    slack.rateLimitNext("chat.postMessage", 7);
    const limited = await callForm("chat.postMessage", { channel: "C0GENERAL", text: "x" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await callForm("chat.postMessage", { channel: "C0GENERAL", text: "x" })).status).toBe(200);
  });

  it("fails on demand with the given error", async () => {
    slack.failNext("views.publish", "internal_error");
    expect(
      (await callJson("views.publish", { user_id: "U0ALICE", view: { type: "home", blocks: [] } })).body,
    ).toEqual({
      ok: false,
      error: "internal_error",
    });
  });

  it("keeps the Home each user was last shown", async () => {
    const view = { type: "home", blocks: [{ type: "divider" }], private_metadata: "m" };
    await callJson("views.publish", { user_id: "U0BOB", view });
    expect(slack.homeViews.get("U0BOB")).toMatchObject({ type: "home", private_metadata: "m" });
    expect((await callJson("views.publish", { user_id: "U0NOBODY", view })).body.error).toBe(
      "user_not_found",
    );
  });

  it("opens DMs, looks users up and updates only messages it has", async () => {
    const opened = await callForm("conversations.open", { users: "U0ALICE" });
    expect(opened.body).toMatchObject({ ok: true, channel: { id: "D0ALICE" } });
    const info = await callForm("users.info", { user: "U0ALICE" });
    expect(info.body).toMatchObject({ ok: true, user: { profile: { email: "alice@example.org" } } });
    const posted = await callForm("chat.postMessage", { channel: "D0ALICE", text: "first" });
    const updated = await callForm("chat.update", {
      channel: "D0ALICE",
      ts: String(posted.body.ts),
      text: "second",
    });
    expect(updated.body.ok).toBe(true);
    expect(
      (await callForm("chat.update", { channel: "D0ALICE", ts: "1.000000", text: "x" })).body.error,
    ).toBe("message_not_found");
    const permalink = await callForm("chat.getPermalink", {
      channel: "D0ALICE",
      message_ts: String(posted.body.ts),
    });
    expect(permalink.body.permalink).toContain("/archives/D0ALICE/p");
  });

  it("captures response_url posts and allows each URL five uses", async () => {
    const url = slack.createResponseUrl();
    for (let use = 0; use < 5; use += 1) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: `use ${use}` }),
      });
      expect(response.status).toBe(200);
    }
    const sixth = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(sixth.status).toBe(404);
    const post = await slack.waitForResponse((candidate) => candidate.body.text === "use 4");
    expect(url.endsWith(post.id)).toBe(true);
  });

  it("finds the mentions a message would notify for", () => {
    expect(
      FakeSlack.pingsInMessage({
        text: "hi <!channel>",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "&lt;!here&gt; <@U0BOB>" } }],
      }),
    ).toEqual(["<!channel>", "<@U0BOB>"]);
  });

  it("times out a waitFor that nothing satisfies, naming what it saw", async () => {
    await expect(slack.waitFor("views.open", () => true, 50)).rejects.toThrow(/no views.open call/);
  });
});
