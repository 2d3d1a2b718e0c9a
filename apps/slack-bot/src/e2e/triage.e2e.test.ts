import type { BsiClient } from "@bsi/client";
import type { RequestStatus } from "@bsi/domain";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS, FORM_BLOCK_IDS, moveActionId } from "../blocks/ids.js";
import { NOT_A_TRIAGER } from "../listeners/actions/move-request.js";
import { makeRequest } from "../test/fixtures.js";
import {
  BOT_SCOPES,
  type BotHarness,
  freePort,
  startBotHarness,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
  TRIAGER,
} from "../test/harness.js";
import { findButton, readableText } from "../test/messages.js";
import {
  directMessagesTo,
  eventually,
  fileThroughSlack,
  findCard,
  waitForDirectMessage,
  waitForNext,
} from "../test/request-flow.js";

let api: TestApi;
let operator: BsiClient;
let botKey: string;
let harness: BotHarness;

beforeAll(async () => {
  api = await startTestApi({ webhooks: true });
  operator = await api.clientWith(["requests:read", "requests:manage", "webhooks:manage"]);
  botKey = await api.createKey(BOT_SCOPES);
  harness = await startBotHarness({
    apiUrl: api.url,
    webhooks: true,
    env: { BSI_API_TOKEN: botKey, SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL },
  });
});

afterAll(async () => {
  await harness?.close();
  await api?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function cardOf(bot: BotHarness, reference: string) {
  await eventually(() => expect(findCard(bot, TRIAGE_CHANNEL, reference)).toHaveLength(1));
  const [card] = findCard(bot, TRIAGE_CHANNEL, reference);
  if (!card) throw new Error("no card");
  return card;
}

/** Clicks a button of a bot message (a card in the triage channel, a DM) as `user`. */
async function click(
  bot: BotHarness,
  user: string,
  message: { channel: string; ts: string; text: string; blocks: unknown[] },
  actionId: string,
) {
  const button = findButton(message as unknown as Record<string, unknown>, actionId);
  if (!button) throw new Error(`no ${actionId} on ${readableText(message as never)}`);
  const { response, responseUrl } = await bot.driver.blockAction({
    user,
    actionId,
    value: button.value ?? "",
    container: { type: "message", channel: message.channel, messageTs: message.ts, isEphemeral: false },
    message: { ts: message.ts, text: message.text, blocks: message.blocks },
  });
  expect(response.status).toBe(200);
  return responseUrl ?? "";
}

describe("triage in Slack", () => {
  it("refuses a move by someone who is not a triager, privately, and changes nothing", async () => {
    const reference = await fileThroughSlack(harness, "U0ALICE", "Expert advice on biometric passports");
    const card = await cardOf(harness, reference);
    const cardBefore = JSON.stringify(card.blocks);
    const updatesBefore = harness.slack.callsTo("chat.update").length;
    for (const to of ["under_review"] as RequestStatus[]) {
      const responseUrl = await click(harness, "U0BOB", card, moveActionId(to));
      const refusal = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
      expect(refusal.body.response_type).toBe("ephemeral");
      expect(readableText(refusal.body)).toContain(NOT_A_TRIAGER);
    }
    // The requester cannot triage their own request either.
    const ownUrl = await click(harness, "U0ALICE", card, moveActionId("under_review"));
    await harness.slack.waitForResponse((post) => ownUrl.endsWith(post.id));
    await sleep(300);
    expect((await operator.getRequest(reference)).status).toBe("submitted");
    expect(harness.slack.callsTo("chat.update").length).toBe(updatesBefore);
    expect(JSON.stringify(findCard(harness, TRIAGE_CHANNEL, reference)[0]?.blocks)).toBe(cardBefore);
    expect(
      directMessagesTo(harness, "U0ALICE").filter((call) =>
        readableText(call.params).includes(`${reference} is now`),
      ),
    ).toEqual([]);
  });

  it("declines with a reason asked in a modal; the requester gets the reason", async () => {
    const reference = await fileThroughSlack(harness, "U0ALICE", "A seat for two officers at a seminar");
    await operator.transitionRequest(reference, { to: "under_review", actor: "tess@un.example" });
    await waitForDirectMessage(harness, "U0ALICE", reference, "Under review");
    await eventually(async () =>
      expect(findButton((await cardOf(harness, reference)) as never, moveActionId("declined"))).toBeDefined(),
    );
    const card = await cardOf(harness, reference);
    // A non-triager gets no form.
    const mark = harness.slack.calls.length;
    const refusedUrl = await click(harness, "U0BOB", card, moveActionId("declined"));
    await harness.slack.waitForResponse((post) => refusedUrl.endsWith(post.id));
    expect(harness.slack.calls.slice(mark).some((call) => call.method === "views.open")).toBe(false);

    const openMark = harness.slack.calls.length;
    await click(harness, TRIAGER, card, moveActionId("declined"));
    const opened = await waitForNext(harness, "views.open", () => true, openMark);
    const viewId = String((opened.response.view as { id: string }).id);
    const empty = await harness.driver.viewSubmission({ user: TRIAGER, viewId, entries: {} });
    expect(empty.answer?.response_action).toBe("errors");
    expect(Object.keys(empty.answer?.errors as object)).toEqual([FORM_BLOCK_IDS.declineNote]);
    expect((await operator.getRequest(reference)).status).toBe("under_review");

    const reason = "The seminar is full; we will keep your officers in mind for the next one.";
    const done = await harness.driver.viewSubmission({
      user: TRIAGER,
      viewId,
      entries: { [FORM_BLOCK_IDS.declineNote]: reason },
    });
    expect(done.problems).toEqual([]);
    expect(harness.slack.closedModals.has(viewId)).toBe(true);
    const stored = await operator.getRequest(reference);
    expect(stored.status).toBe("declined");
    expect(stored.history.at(-1)).toMatchObject({ actor: TRIAGER, note: reason });
    const notice = await waitForDirectMessage(harness, "U0ALICE", reference, "Declined", reason);
    expect(findButton(notice.params, ACTION_IDS.withdrawRequest)).toBeUndefined();
    await eventually(() => {
      const text = readableText(findCard(harness, TRIAGE_CHANNEL, reference)[0] as never);
      expect(text).toContain("*Declined*");
      expect(text).toContain(reason);
    });
  });

  it("tells the requester about a move made through the API by another tool, and updates the card", async () => {
    const reference = await fileThroughSlack(harness, "U0BOB", "Legal framework review for API/PNR data");
    await cardOf(harness, reference);
    await operator.transitionRequest(reference, {
      to: "under_review",
      actor: "case-tracker",
      note: "Assigned to the legal team",
    });
    const dm = await waitForDirectMessage(
      harness,
      "U0BOB",
      reference,
      "Under review",
      "Assigned to the legal team",
    );
    expect(findButton(dm.params, ACTION_IDS.withdrawRequest)).toBeDefined();
    await eventually(() => {
      const text = readableText(findCard(harness, TRIAGE_CHANNEL, reference)[0] as never);
      expect(text).toContain("*Under review* by case-tracker");
      expect(
        findButton(findCard(harness, TRIAGE_CHANNEL, reference)[0] as never, moveActionId("accepted")),
      ).toBeDefined();
    });
    expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1);
  });

  it("lets the requester withdraw from the receipt; anyone else reads it as not found", async () => {
    const reference = await fileThroughSlack(
      harness,
      "U0ALICE",
      "Community engagement workshop for border villages",
    );
    const receipt = await waitForDirectMessage(harness, "U0ALICE", reference, "filed");
    const stored = harness.slack.messages.find(
      (message) => message.channel === receipt.params.channel && message.ts === receipt.response.ts,
    );
    if (!stored) throw new Error("no receipt message");

    const strangerUrl = await click(harness, "U0BOB", stored, ACTION_IDS.withdrawRequest);
    const refusal = await harness.slack.waitForResponse((post) => strangerUrl.endsWith(post.id));
    expect(readableText(refusal.body)).toContain(`No request ${reference} was found`);
    expect((await operator.getRequest(reference)).status).toBe("submitted");

    await click(harness, "U0ALICE", stored, ACTION_IDS.withdrawRequest);
    await eventually(async () => expect((await operator.getRequest(reference)).status).toBe("withdrawn"));
    await eventually(() => expect(readableText(stored as never)).toContain(`You withdrew *${reference}*`));
    expect(findButton(stored as never, ACTION_IDS.withdrawRequest)).toBeUndefined();
    await eventually(() => {
      const card = findCard(harness, TRIAGE_CHANNEL, reference)[0];
      expect(readableText(card as never)).toContain("*Withdrawn*");
      expect(findButton(card as never, moveActionId("under_review"))).toBeUndefined();
    });
  });

  it("answers a stale button with where the request stands, and shows it on the card", async () => {
    const reference = await fileThroughSlack(harness, "U0BOB", "Border surveillance equipment advice");
    const card = await cardOf(harness, reference);
    const staleCard = { ...card, blocks: [...card.blocks] };
    await operator.transitionRequest(reference, { to: "withdrawn", actor: "U0BOB" });
    await eventually(() =>
      expect(readableText(findCard(harness, TRIAGE_CHANNEL, reference)[0] as never)).toContain("*Withdrawn*"),
    );
    const responseUrl = await click(harness, TRIAGER, staleCard, moveActionId("under_review"));
    const answer = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
    expect(readableText(answer.body)).toContain(`${reference} is already Withdrawn`);
    expect((await operator.getRequest(reference)).status).toBe("withdrawn");
  });
});

describe("the webhook endpoint", () => {
  const signed = (secret: string, id: string, body: string, at = new Date()) => ({
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  });

  async function deliveryFor(reference: string) {
    const request = await operator.getRequest(reference);
    return JSON.stringify({
      type: "request.status_changed",
      timestamp: new Date().toISOString(),
      data: {
        activity: {
          id: "999999",
          type: "request.status_changed",
          at: new Date().toISOString(),
          subject: reference,
          data: {
            request,
            from: "submitted",
            to: request.status,
            actor: "replayer",
            note: "a note only a forger or a repeat would send",
          },
        },
      },
    });
  }

  it("refuses deliveries that are unsigned, forged or stale, and handles each webhook-id once", async () => {
    const url = harness.bot.statusUpdates.url ?? "";
    const secret = harness.bot.statusUpdates.secret() ?? "";
    expect(url).toMatch(/\/bsi\/webhooks$/);
    const reference = await fileThroughSlack(harness, "U0ALICE", "Webhook checks");
    const body = await deliveryFor(reference);
    const forged = `whsec_${Buffer.from("not the secret, not the secret!!").toString("base64")}`;
    const attempts = [
      { "content-type": "application/json" },
      signed(forged, "msg_forged", body),
      signed(secret, "msg_stale", body, new Date(Date.now() - 10 * 60_000)),
    ];
    for (const headers of attempts) {
      const response = await fetch(url, { method: "POST", headers, body });
      expect(response.status).toBe(401);
    }
    const headers = signed(secret, "msg_once", body);
    const first = await fetch(url, { method: "POST", headers, body });
    const repeat = await fetch(url, { method: "POST", headers: signed(secret, "msg_once", body), body });
    expect([first.status, repeat.status]).toEqual([200, 200]);
    expect(await repeat.json()).toEqual({ status: "duplicate" });
    await sleep(200);
    const notes = directMessagesTo(harness, "U0ALICE").filter((call) =>
      readableText(call.params).includes("a note only a forger or a repeat would send"),
    );
    expect(notes).toHaveLength(1);
  });
});

describe("deliveries arriving together", () => {
  it("a filing and a move delivered at once make one card, showing the move", async () => {
    const tool = await api.clientWith(["requests:write", "requests:manage"]);
    harness.slack.delayNext("chat.postMessage", 400);
    const filed = await tool.createRequest({
      type: "information",
      memberState: "MA",
      summary: "Filed and moved by another tool at once",
      requester: { name: "Bob Martin", slackUserId: "U0BOB", slackTeamId: "T0FAKETEAM" },
      source: "api",
    });
    await tool.transitionRequest(filed.reference, { to: "under_review", actor: "case-tracker" });
    await waitForDirectMessage(harness, "U0BOB", filed.reference, "is now *Under review*");
    await eventually(() => {
      const cards = findCard(harness, TRIAGE_CHANNEL, filed.reference);
      expect(cards).toHaveLength(1);
      expect(readableText(cards[0] as never)).toContain("*Under review*");
    }, 10_000);
    await sleep(500);
    expect(findCard(harness, TRIAGE_CHANNEL, filed.reference)).toHaveLength(1);
  });

  it("asks for a move to be sent again while its new request's card is not posted yet; an old request without a card gets one", async () => {
    const url = harness.bot.statusUpdates.url ?? "";
    const secret = harness.bot.statusUpdates.secret() ?? "";
    const send = (id: string, type: string, data: Record<string, unknown>) => {
      const body = JSON.stringify({ type, data: { activity: { type, data } } });
      const at = new Date();
      return fetch(url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": new Webhook(secret).sign(id, at, body),
        },
      });
    };
    const now = new Date().toISOString();
    const filed = makeRequest({
      reference: "BSI-2026-9901",
      status: "submitted",
      requester: { ...makeRequest().requester, slackUserId: "U0BOB" },
      createdAt: now,
      history: [{ at: now, actor: "U0BOB", from: null, to: "submitted", note: null }],
    });
    const moved = {
      ...filed,
      status: "under_review",
      history: [
        ...(filed.history ?? []),
        { at: now, actor: "case-tracker", from: "submitted", to: "under_review", note: null },
      ],
    };
    const move = { request: moved, from: "submitted", to: "under_review", actor: "case-tracker", note: null };
    expect((await send("msg_move_first", "request.status_changed", move)).status).toBe(503);
    expect(findCard(harness, TRIAGE_CHANNEL, filed.reference)).toHaveLength(0);
    expect((await send("msg_created_late", "request.created", { request: filed })).status).toBe(200);
    expect((await send("msg_move_first", "request.status_changed", move)).status).toBe(200);
    const [card, ...others] = findCard(harness, TRIAGE_CHANNEL, filed.reference);
    expect(others).toEqual([]);
    expect(readableText(card as never)).toContain("*Under review*");

    const old = new Date(Date.now() - 2 * 60 * 60_000).toISOString();
    const oldRequest = { ...moved, reference: "BSI-2026-9902", createdAt: old };
    const oldMove = { ...move, request: oldRequest };
    expect((await send("msg_old_move", "request.status_changed", oldMove)).status).toBe(200);
    expect(findCard(harness, TRIAGE_CHANNEL, "BSI-2026-9902")).toHaveLength(1);
  });
});

describe("the webhook secret across restarts (BSI_WEBHOOK_SECRET)", () => {
  it("hears, after a restart, about a move made while the bot was down", async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const webhook = await operator.createWebhook({
      url: `${publicUrl}/bsi/webhooks`,
      events: ["request.created", "request.status_changed"],
    });
    const env = {
      BSI_API_TOKEN: botKey,
      SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL,
      BSI_WEBHOOK_SECRET: webhook.secret ?? "",
    };
    const first = await startBotHarness({ apiUrl: api.url, webhooks: true, port, env });
    const slack = first.slack;
    let second: BotHarness | undefined;
    try {
      expect(first.bot.statusUpdates.isActive()).toBe(true);
      expect(first.bot.statusUpdates.secret()).toBe(webhook.secret);
      const reference = await fileThroughSlack(first, "U0ALICE", "Restart-proof status updates");
      await waitForDirectMessage(first, "U0ALICE", reference, "filed");
      await first.bot.stop();

      await operator.transitionRequest(reference, {
        to: "under_review",
        actor: "case-tracker",
        note: "Moved while the bot was down",
      });
      await sleep(300);
      second = await startBotHarness({ apiUrl: api.url, webhooks: true, port, env, slack });
      expect(second.bot.statusUpdates.isActive()).toBe(true);
      await waitForDirectMessage(second, "U0ALICE", reference, "Moved while the bot was down");
      expect((await operator.listWebhooks()).items.filter((item) => item.url === webhook.url)).toHaveLength(
        1,
      );
    } finally {
      await second?.bot.stop();
      await slack.stop();
      await operator.deleteWebhook(webhook.id);
    }
  });
});

describe("without BOT_PUBLIC_URL (no webhooks)", () => {
  it("still looks for an existing card before posting one when webhook deliveries may arrive (a secret set, no subscription confirmed)", async () => {
    const waiting = await startBotHarness({
      apiUrl: api.url,
      webhooks: true,
      env: {
        BSI_API_TOKEN: botKey,
        SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL,
        // No webhook in the API has this secret for this bot's address: the bot is not subscribed.
        BSI_WEBHOOK_SECRET: `whsec_${Buffer.from("not the secret of any webhook").toString("base64")}`,
      },
    });
    try {
      expect(waiting.bot.statusUpdates.isActive()).toBe(false);
      const reference = await fileThroughSlack(waiting, "U0BOB", "Request while webhooks may arrive");
      await eventually(() => expect(findCard(waiting, TRIAGE_CHANNEL, reference)).toHaveLength(1));
      expect(waiting.slack.callsTo("conversations.history").length).toBeGreaterThan(0);
    } finally {
      await waiting.close();
    }
  });

  it("posts the card and receipt itself, and tells the requester about moves made in Slack", async () => {
    const direct = await startBotHarness({
      apiUrl: api.url,
      env: { BSI_API_TOKEN: botKey, SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL },
    });
    try {
      expect(direct.bot.statusUpdates.isActive()).toBe(false);
      const reference = await fileThroughSlack(direct, "U0BOB", "Direct mode request");
      await waitForDirectMessage(direct, "U0BOB", reference, "filed");
      await eventually(() => expect(findCard(direct, TRIAGE_CHANNEL, reference)).toHaveLength(1));
      // A request this bot has just filed has no card yet: it posts one without reading the
      // channel's history for it.
      expect(direct.slack.callsTo("conversations.history")).toHaveLength(0);
      const card = findCard(direct, TRIAGE_CHANNEL, reference)[0];
      if (!card) throw new Error("no card");
      await click(direct, TRIAGER, card, moveActionId("under_review"));
      await waitForDirectMessage(direct, "U0BOB", reference, "is now *Under review*");
      await eventually(() =>
        expect(readableText(findCard(direct, TRIAGE_CHANNEL, reference)[0] as never)).toContain(
          "*Under review*",
        ),
      );
      await sleep(300);
      expect(findCard(direct, TRIAGE_CHANNEL, reference)).toHaveLength(1);
      expect(
        directMessagesTo(direct, "U0BOB").filter((call) => readableText(call.params).includes(reference)),
      ).toHaveLength(2);
    } finally {
      await direct.close();
    }
  });
});
