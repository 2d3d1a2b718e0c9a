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

  it("gives a user's locale from users.info only when asked with include_locale, as Slack does", async () => {
    slack.addUser({
      id: "U0AMELIE",
      name: "amelie",
      realName: "Amélie Diallo",
      email: null,
      locale: "fr-FR",
    });
    const plain = await callForm("users.info", { user: "U0AMELIE" });
    expect(plain.body).toMatchObject({ ok: true, user: { id: "U0AMELIE" } });
    expect((plain.body.user as Record<string, unknown>).locale).toBeUndefined();
    const asked = await callForm("users.info", { user: "U0AMELIE", include_locale: "true" });
    expect(asked.body).toMatchObject({ ok: true, user: { id: "U0AMELIE", locale: "fr-FR" } });
    // Slack's default for a user who never chose a language; a JSON body says `true`.
    const alice = await callJson("users.info", { user: "U0ALICE", include_locale: true });
    expect(alice.body).toMatchObject({ ok: true, user: { locale: "en-US" } });
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

  it("returns a channel's history newest first, in pages, with metadata only when asked", async () => {
    slack.addChannel("C0HISTORY");
    const metadata = { event_type: "bsi_request_card", event_payload: { reference: "BSI-2026-0001" } };
    const first = await callForm("chat.postMessage", {
      channel: "C0HISTORY",
      text: "card",
      metadata: JSON.stringify(metadata),
    });
    await callForm("chat.postMessage", { channel: "C0HISTORY", text: "second" });
    await callForm("chat.postMessage", { channel: "C0HISTORY", text: "third" });
    const page = await callForm("conversations.history", { channel: "C0HISTORY", limit: "2" });
    const messages = page.body.messages as { text: string; metadata?: unknown }[];
    expect(messages.map((message) => message.text)).toEqual(["third", "second"]);
    expect(page.body.has_more).toBe(true);
    const cursor = (page.body.response_metadata as { next_cursor: string }).next_cursor;
    const next = await callForm("conversations.history", {
      channel: "C0HISTORY",
      limit: "2",
      cursor,
      include_all_metadata: "true",
    });
    expect(next.body.messages).toEqual([expect.objectContaining({ text: "card", metadata })]);
    expect(next.body.has_more).toBe(false);
    const windowed = await callForm("conversations.history", {
      channel: "C0HISTORY",
      oldest: String(first.body.ts),
      inclusive: "false",
    });
    expect((windowed.body.messages as unknown[]).length).toBe(2);
    expect((await callForm("conversations.history", { channel: "C0NOWHERE" })).body.error).toBe(
      "channel_not_found",
    );
  });

  it("describes a channel with conversations.info: public or private, as declared, and converted", async () => {
    const triage = await callForm("conversations.info", { channel: "C0TRIAGE" });
    expect(triage.body).toMatchObject({
      ok: true,
      channel: { id: "C0TRIAGE", name: "bsi-triage", is_channel: true, is_im: false, is_private: true },
    });
    const general = await callForm("conversations.info", { channel: "C0GENERAL" });
    expect(general.body).toMatchObject({ ok: true, channel: { name: "general", is_private: false } });
    slack.addChannel("G0LEGACY", { name: "old-triage", isPrivate: true });
    const legacy = await callForm("conversations.info", { channel: "G0LEGACY" });
    expect(legacy.body).toMatchObject({ channel: { is_channel: false, is_group: true, is_private: true } });
    slack.addChannel("C0OPEN", { name: "open-triage" });
    slack.setChannelPrivacy("C0OPEN", true);
    const converted = await callForm("conversations.info", { channel: "C0OPEN" });
    expect(converted.body).toMatchObject({ channel: { id: "C0OPEN", is_private: true } });
    const missing = await callForm("conversations.info", { channel: "C0NOWHERE" });
    expect(missing.body).toEqual({ ok: false, error: "channel_not_found" });
  });

  it("describes shared channels as Slack does: is_shared with is_ext_shared or is_org_shared", async () => {
    const unshared = await callForm("conversations.info", { channel: "C0TRIAGE" });
    expect(unshared.body).toMatchObject({
      channel: {
        is_shared: false,
        is_ext_shared: false,
        is_org_shared: false,
        shared_team_ids: ["T0FAKETEAM"],
      },
    });
    slack.addChannel("C0CONNECT", { isPrivate: true, shared: "external" });
    const external = await callForm("conversations.info", { channel: "C0CONNECT" });
    expect(external.body).toMatchObject({
      channel: { is_private: true, is_shared: true, is_ext_shared: true, is_org_shared: false },
    });
    slack.setChannelSharing("C0CONNECT", "organization");
    const grid = await callForm("conversations.info", { channel: "C0CONNECT" });
    expect(grid.body).toMatchObject({
      channel: { is_shared: true, is_ext_shared: false, is_org_shared: true },
    });
    slack.setChannelSharing("C0CONNECT", undefined);
    const unsharedAgain = await callForm("conversations.info", { channel: "C0CONNECT" });
    expect(unsharedAgain.body).toMatchObject({ channel: { is_shared: false, is_ext_shared: false } });
  });

  it("refuses conversations.info with missing_scope, naming the scope the channel's kind needs", async () => {
    const scoped = await new FakeSlack({ scopes: ["chat:write", "channels:read"] }).start();
    try {
      const call = (channel: string) =>
        fetch(`${scoped.apiUrl}conversations.info`, {
          method: "POST",
          headers: { authorization: `Bearer ${scoped.botToken}` },
          body: new URLSearchParams({ channel }),
        }).then((response) => response.json());
      expect(await call("C0TRIAGE")).toEqual({
        ok: false,
        error: "missing_scope",
        needed: "groups:read",
        provided: "chat:write,channels:read",
      });
      expect(await call("C0GENERAL")).toMatchObject({ ok: true, channel: { is_private: false } });
      scoped.setScopes(["chat:write", "channels:read", "groups:read"]);
      expect(await call("C0TRIAGE")).toMatchObject({ ok: true, channel: { is_private: true } });
    } finally {
      await scoped.stop();
    }
  });

  it("refuses a trigger_id older than 3 seconds, and a modal beyond Slack's input limits", async () => {
    const view = {
      type: "modal",
      title: { type: "plain_text", text: "Form" },
      submit: { type: "plain_text", text: "Submit" },
      blocks: [
        {
          type: "input",
          block_id: "summary",
          label: { type: "plain_text", text: "Summary" },
          element: {
            type: "plain_text_input",
            action_id: "value",
            max_length: 10,
            initial_value: "x".repeat(11),
          },
        },
      ],
    };
    const stale = await callJson("views.open", { trigger_id: `${Date.now() - 3500}.1.abc`, view });
    expect(stale.body.error).toBe("expired_trigger_id");
    const tooLong = await callJson("views.open", { trigger_id: `${Date.now()}.1.abc`, view });
    expect(tooLong.body.error).toBe("invalid_arguments");
    expect(JSON.stringify(tooLong.body)).toContain("initial_value");
    const noSubmit = await callJson("views.open", {
      trigger_id: `${Date.now()}.1.abc`,
      view: {
        ...view,
        submit: undefined,
        blocks: [{ ...view.blocks[0], element: { type: "plain_text_input", action_id: "v" } }],
      },
    });
    expect(JSON.stringify(noSubmit.body)).toContain("submit is required");
  });

  it("applies an app's answer to a view submission as Slack does", async () => {
    const view = {
      type: "modal",
      title: { type: "plain_text", text: "Form" },
      submit: { type: "plain_text", text: "Submit" },
      blocks: [
        {
          type: "input",
          block_id: "summary",
          label: { type: "plain_text", text: "Summary" },
          element: { type: "plain_text_input", action_id: "value" },
        },
      ],
    };
    const opened = await callJson("views.open", { trigger_id: `${Date.now()}.1.abc`, view });
    const viewId = String((opened.body.view as { id: string }).id);
    expect(slack.applyViewResponse(viewId, { response_action: "errors", errors: { nowhere: "x" } })).toEqual([
      "errors names nowhere, which is not an input block of the view",
    ]);
    expect(
      slack.applyViewResponse(viewId, { response_action: "errors", errors: { summary: "Too long." } }),
    ).toEqual([]);
    expect(slack.modalErrors.get(viewId)).toEqual({ summary: "Too long." });
    expect(
      slack.applyViewResponse(viewId, { response_action: "update", view: { ...view, blocks: [] } }),
    ).toEqual([]);
    expect(slack.modals.get(viewId)?.blocks).toEqual([]);
    expect(slack.applyViewResponse(viewId, undefined)).toEqual([]);
    expect(slack.closedModals.has(viewId)).toBe(true);
  });

  it("times out a waitFor that nothing satisfies, naming what it saw", async () => {
    await expect(slack.waitFor("views.update", () => true, 50)).rejects.toThrow(/no views.update call/);
  });
});
