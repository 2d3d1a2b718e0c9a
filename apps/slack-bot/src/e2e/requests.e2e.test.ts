import type { BsiClient } from "@bsi/client";
import { REQUEST_LIMITS } from "@bsi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS, FORM_BLOCK_IDS, moveActionId, TRIAGE_CARD_EVENT_TYPE } from "../blocks/ids.js";
import { PREFILL_WAIT_MS } from "../requests/open-request-form.js";
import { type ApiProxy, startApiProxy } from "../test/api-proxy.js";
import {
  BOT_SCOPES,
  type BotHarness,
  startBotHarness,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
  TRIAGER,
} from "../test/harness.js";
import { captureLogs } from "../test/logs.js";
import { findButton, readableText } from "../test/messages.js";
import {
  directMessagesTo,
  eventually,
  findCard,
  openFormByCommand,
  prefilledEmail,
  submitAndExpectFiled,
  validEntries,
  waitForDirectMessage,
  waitForNext,
} from "../test/request-flow.js";

let api: TestApi;
let proxy: ApiProxy;
let operator: BsiClient;
let harness: BotHarness;

beforeAll(async () => {
  api = await startTestApi({ webhooks: true });
  proxy = await startApiProxy(api.url);
  operator = await api.clientWith(["requests:read", "requests:manage"]);
  harness = await startBotHarness({
    apiUrl: proxy.url,
    webhooks: true,
    env: { BSI_API_TOKEN: await api.createKey(BOT_SCOPES), SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL },
  });
});

afterAll(async () => {
  await harness?.close();
  await proxy?.close();
  await api?.close();
});

async function requestsWithSummary(summary: string) {
  const page = await operator.listRequests({ limit: 100 });
  return page.items.filter((request) => request.summary === summary);
}

/** Clicks a triage button on the card, as `user`. */
async function clickOnCard(user: string, reference: string, to: string) {
  const [card] = findCard(harness, TRIAGE_CHANNEL, reference);
  if (!card) throw new Error(`no card for ${reference}`);
  const button = findButton(card as unknown as Record<string, unknown>, moveActionId(to as never));
  if (!button) throw new Error(`no ${to} button on the card of ${reference}: ${readableText(card as never)}`);
  const { response, responseUrl } = await harness.driver.blockAction({
    user,
    actionId: button.action_id,
    blockId: "triage_actions",
    value: button.value ?? "",
    container: { type: "message", channel: TRIAGE_CHANNEL, messageTs: card.ts, isEphemeral: false },
    message: { ts: card.ts, text: card.text, blocks: card.blocks },
  });
  expect(response.status).toBe(200);
  return { card, responseUrl };
}

describe("filing a request from Slack, end to end", () => {
  it("goes from /bsi request to the requester's DM after Complete", async () => {
    const summary = "Training for 20 border officers on API/PNR";
    const { viewId, opened, commandElapsedMs } = await openFormByCommand(harness, "U0ALICE", summary);
    expect(commandElapsedMs).toBeLessThan(3000);
    // The form opens with what was typed and the email from the profile, which Slack gave (with
    // the user's locale) before views.open: nothing left to update.
    const lookup = await harness.slack.waitFor("users.info", (call) => call.params.user === "U0ALICE");
    expect(lookup.params.include_locale).toBe("true");
    expect(lookup.at).toBeLessThanOrEqual(opened.at);
    expect(JSON.stringify(opened.params.view)).toContain(summary);
    expect(prefilledEmail(opened.params.view)).toBe("alice@example.org");
    expect(harness.slack.callsTo("views.update").some((call) => call.params.view_id === viewId)).toBe(false);

    // Type-aheads: Member State in English or French, upcoming events from the API.
    const suggest = async (field: "memberState" | "relatedEvent", typed: string) => {
      const answer = await harness.driver.blockSuggestion({
        user: "U0ALICE",
        actionId: ACTION_IDS[field],
        blockId: FORM_BLOCK_IDS[field],
        value: typed,
        view: harness.slack.modals.get(viewId) ?? {},
      });
      return (JSON.parse(answer.body) as { options: { value: string; text: { text: string } }[] }).options;
    };
    const countries = (typed: string) => suggest("memberState", typed);
    expect((await countries("Sénég"))[0]?.value).toBe("SN");
    expect((await countries("allemagne")).map((option) => option.value)).toContain("DE");
    expect((await countries("e")).length).toBeLessThanOrEqual(100);
    const events = async (typed: string) =>
      (await suggest("relatedEvent", typed)).map((option) => option.value);
    const upcoming = await operator.listEvents({ upcoming: true, limit: 1 });
    expect((await events(""))[0]).toBe(upcoming.items[0]?.id);
    // Punctuation typed in the search is not search syntax: the words still find the event.
    const maghreb = await operator.listEvents({ upcoming: true, q: "Tunis API", limit: 5 });
    expect(maghreb.items.length).toBeGreaterThan(0);
    expect(await events("Tunis: (API")).toEqual(maghreb.items.map((event) => event.id));

    const reference = await submitAndExpectFiled(harness, "U0ALICE", viewId, validEntries(summary));
    const stored = await operator.getRequest(reference);
    expect(stored).toMatchObject({
      status: "submitted",
      memberState: "SN",
      type: "technical_assistance",
      priority: "high",
      themes: ["api-pnr", "biometrics"],
      source: "slack",
      requester: { name: "Alice Ndiaye", email: "alice@example.org", slackUserId: "U0ALICE" },
    });

    // The receipt, and the card in the triage channel with the legal first moves only.
    const receipt = await waitForDirectMessage(harness, "U0ALICE", reference, "filed");
    expect(findButton(receipt.params, ACTION_IDS.withdrawRequest)).toBeDefined();
    await eventually(() => expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1));
    const [card] = findCard(harness, TRIAGE_CHANNEL, reference);
    expect(card?.metadata?.event_type).toBe(TRIAGE_CARD_EVENT_TYPE);
    const cardText = readableText(card as never);
    expect(cardText).toContain(summary);
    expect(cardText).toContain("Senegal");
    expect(findButton(card as never, moveActionId("under_review"))).toBeDefined();
    expect(findButton(card as never, moveActionId("accepted"))).toBeUndefined();

    const steps: [string, string][] = [
      ["under_review", "Under review"],
      ["accepted", "Accepted"],
      ["in_progress", "In progress"],
      ["completed", "Completed"],
    ];
    for (const [to, label] of steps) {
      await clickOnCard(TRIAGER, reference, to);
      await waitForDirectMessage(harness, "U0ALICE", reference, `is now *${label}*`);
      await eventually(() =>
        expect(readableText(findCard(harness, TRIAGE_CHANNEL, reference)[0] as never)).toContain(
          `*${label}*`,
        ),
      );
    }
    expect((await operator.getRequest(reference)).status).toBe("completed");
    const finalCard = findCard(harness, TRIAGE_CHANNEL, reference)[0];
    expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1);
    const finalText = readableText(finalCard as never);
    for (const [, label] of steps) expect(finalText).toContain(label);
    expect(finalText).toContain("a final status, no more moves");
    const moves = directMessagesTo(harness, "U0ALICE").filter((call) =>
      readableText(call.params).includes(reference),
    );
    // The receipt and one DM per move, each once.
    expect(moves).toHaveLength(1 + steps.length);
  });
});

describe("submitting the form", () => {
  it("files one request when Slack delivers the same submission twice, at once or one after the other", async () => {
    const summary = "Expert advice on a national border strategy";
    const { viewId } = await openFormByCommand(harness, "U0BOB");
    const entries = validEntries(summary, { [FORM_BLOCK_IDS.type]: "expert_advice" });
    const view = harness.slack.modals.get(viewId);
    // Two deliveries at once (a double click; a redelivery racing the first)…
    const [first, second] = await Promise.all([
      harness.driver.viewSubmission({ user: "U0BOB", viewId, entries }),
      harness.driver.viewSubmission({ user: "U0BOB", viewId, entries }),
    ]);
    const referenceOf = (answer: Record<string, unknown> | undefined) =>
      /BSI-\d{4}-\d{4,}/.exec(readableText((answer?.view ?? {}) as Record<string, unknown>))?.[0];
    expect(first.answer?.response_action).toBe("update");
    expect(second.answer?.response_action).toBe("update");
    const reference = referenceOf(first.answer);
    expect(reference).toBeDefined();
    expect(referenceOf(second.answer)).toBe(reference);
    // …and once more later, as a Slack retry of the original form would.
    if (view) harness.slack.modals.set(viewId, view);
    const third = await harness.driver.viewSubmission({ user: "U0BOB", viewId, entries });
    expect(referenceOf(third.answer)).toBe(reference);

    expect(await requestsWithSummary(summary)).toHaveLength(1);
    await waitForDirectMessage(harness, "U0BOB", reference ?? "", "filed");
    await eventually(() => expect(findCard(harness, TRIAGE_CHANNEL, reference ?? "")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(findCard(harness, TRIAGE_CHANNEL, reference ?? "")).toHaveLength(1);
    const receipts = directMessagesTo(harness, "U0BOB").filter((call) =>
      readableText(call.params).includes(`${reference} is filed`),
    );
    expect(receipts).toHaveLength(1);
  });

  it("shows every invalid field's error under it, and files nothing", async () => {
    const { viewId } = await openFormByCommand(harness, "U0ALICE");
    const before = (await operator.listRequests({ limit: 100 })).items.length;
    const first = await harness.driver.viewSubmission({
      user: "U0ALICE",
      viewId,
      entries: {
        [FORM_BLOCK_IDS.type]: null,
        [FORM_BLOCK_IDS.memberState]: null,
        [FORM_BLOCK_IDS.agency]: "A".repeat(REQUEST_LIMITS.agency + 1),
        [FORM_BLOCK_IDS.summary]: "   ",
        [FORM_BLOCK_IDS.details]: "d".repeat(REQUEST_LIMITS.detailsInSlack + 1),
        [FORM_BLOCK_IDS.email]: "not-an-email",
      },
    });
    expect(first.problems).toEqual([]);
    expect(first.answer).toEqual({
      response_action: "errors",
      errors: {
        [FORM_BLOCK_IDS.type]: "Choose the type of request.",
        [FORM_BLOCK_IDS.memberState]: "Choose the Member State: type its name and pick it from the list.",
        [FORM_BLOCK_IDS.agency]: "Must be at most 200 characters.",
        [FORM_BLOCK_IDS.summary]: "Write a one-line summary of what you need.",
        [FORM_BLOCK_IDS.details]: "Must be at most 3,000 characters.",
        [FORM_BLOCK_IDS.email]: "Must be an email address such as name@example.org.",
      },
    });
    expect(harness.slack.modalErrors.get(viewId)).toEqual(first.answer?.errors);

    const second = await harness.driver.viewSubmission({
      user: "U0ALICE",
      viewId,
      entries: validEntries("x".repeat(REQUEST_LIMITS.summary + 1), {
        [FORM_BLOCK_IDS.type]: "workshop_participation",
      }),
    });
    expect(second.answer).toEqual({
      response_action: "errors",
      errors: {
        [FORM_BLOCK_IDS.summary]: "Must be at most 150 characters.",
        [FORM_BLOCK_IDS.relatedEvent]:
          "Required for workshop participation: pick the event you want a seat at.",
      },
    });

    // An event the API does not know: the API's own field error lands under the event input.
    const third = await harness.driver.viewSubmission({
      user: "U0ALICE",
      viewId,
      entries: validEntries("A seat at the workshop", {
        [FORM_BLOCK_IDS.type]: "workshop_participation",
        [FORM_BLOCK_IDS.relatedEvent]: { value: "2099-01-no-such-event", text: "No such event" },
      }),
    });
    expect(third.problems).toEqual([]);
    expect(third.answer?.response_action).toBe("errors");
    const thirdErrors = (third.answer?.errors ?? {}) as Record<string, string>;
    expect(Object.keys(thirdErrors)).toEqual([FORM_BLOCK_IDS.relatedEvent]);
    expect(thirdErrors[FORM_BLOCK_IDS.relatedEvent]).toContain("names no event in the catalogue");

    expect((await operator.listRequests({ limit: 100 })).items).toHaveLength(before);
    expect(harness.slack.modals.has(viewId)).toBe(true);
  });

  it("keeps the form open with everything typed while the API is down; Submit again once it is back files exactly one", async () => {
    const summary = "Help setting up a passenger information unit";
    const { viewId } = await openFormByCommand(harness, "U0ALICE");
    const entries = validEntries(summary);
    const modal = JSON.stringify(harness.slack.modals.get(viewId));
    proxy.isDown = true;
    try {
      const down = await harness.driver.viewSubmission({ user: "U0ALICE", viewId, entries });
      expect(down.response.elapsedMs).toBeLessThan(3000);
      expect(down.problems).toEqual([]);
      expect(down.answer?.response_action).toBe("errors");
      const message = ((down.answer?.errors ?? {}) as Record<string, string>)[FORM_BLOCK_IDS.type];
      expect(message).toContain("Nothing you typed is lost");
      // Submitting again files once only because the key is made from the form as it is.
      expect(message).toContain(
        "press Submit again in a moment — if you leave the form as it is, it won't be filed twice",
      );
      // Still open, unchanged: what the user typed stays in Slack's form.
      expect(JSON.stringify(harness.slack.modals.get(viewId))).toBe(modal);
    } finally {
      proxy.isDown = false;
    }
    expect(await requestsWithSummary(summary)).toHaveLength(0);
    const reference = await submitAndExpectFiled(harness, "U0ALICE", viewId, entries);
    expect(await requestsWithSummary(summary)).toHaveLength(1);
    await waitForDirectMessage(harness, "U0ALICE", reference, "filed");
  });

  it("answers within 3 s when the API is slow, and files once when the API finishes later and the user submits again", async () => {
    const summary = "Training on document fraud for customs officers";
    const { viewId } = await openFormByCommand(harness, "U0BOB");
    const entries = validEntries(summary, { [FORM_BLOCK_IDS.type]: "training" });
    proxy.delayMs = 3200;
    let slow: Awaited<ReturnType<typeof harness.driver.viewSubmission>>;
    try {
      slow = await harness.driver.viewSubmission({ user: "U0BOB", viewId, entries });
    } finally {
      proxy.delayMs = 0;
    }
    expect(slow.response.elapsedMs).toBeLessThan(3000);
    expect(slow.answer?.response_action).toBe("errors");
    expect(JSON.stringify(slow.answer)).toContain("if you leave the form as it is, it won't be filed twice");
    // The API got the first attempt and files it once the delay is over: nothing is lost…
    await eventually(async () => expect(await requestsWithSummary(summary)).toHaveLength(1), 6000);
    const [filed] = await requestsWithSummary(summary);
    await waitForDirectMessage(harness, "U0BOB", filed?.reference ?? "?", "filed");
    // …and the second Submit finds that same request.
    const reference = await submitAndExpectFiled(harness, "U0BOB", viewId, entries);
    expect(reference).toBe(filed?.reference);
    expect(await requestsWithSummary(summary)).toHaveLength(1);
  });
});

describe("opening the form", () => {
  it("from the Home's File a request button", async () => {
    await harness.driver.appHomeOpened("U0BOB");
    const home = await harness.slack.waitFor("views.publish", (call) => call.params.user_id === "U0BOB");
    const button = findButton(home.params.view as Record<string, unknown>, ACTION_IDS.openRequestForm);
    expect(button).toBeDefined();
    const mark = harness.slack.calls.length;
    await harness.driver.blockAction({
      user: "U0BOB",
      actionId: ACTION_IDS.openRequestForm,
      blockId: "home_actions",
      value: button?.value ?? "",
      container: { type: "view", viewId: String((home.response.view as { id: string }).id) },
    });
    const opened = await waitForNext(harness, "views.open", () => true, mark);
    expect((opened.params.view as { callback_id?: string }).callback_id).toBe("request.file");
    const viewId = String((opened.response.view as { id: string }).id);
    // Bob filed earlier in this file, so his profile is put in at once; else it follows.
    const view =
      prefilledEmail(opened.params.view) !== undefined
        ? opened.params.view
        : (await waitForNext(harness, "views.update", (call) => call.params.view_id === viewId, mark)).params
            .view;
    expect(prefilledEmail(view)).toBe("bob@example.org");
  });

  it("from the File as BSI request shortcut, with the message's text and permalink in the details", async () => {
    const text =
      "The <https://example.org/piu|PIU> at Dakar airport needs API/PNR training\nfor 20 officers &amp; 2 analysts";
    const ts = harness.slack.addMessage({ channel: "C0BORDERS", user: "U0BOB", text });
    const { response, triggerId } = await harness.driver.messageShortcut({
      user: "U0ALICE",
      channel: "C0BORDERS",
      message: { ts, text, user: "U0BOB" },
    });
    expect(response.status).toBe(200);
    const opened = await harness.slack.waitFor("views.open", (call) => call.params.trigger_id === triggerId);
    const view = JSON.stringify(opened.params.view);
    expect(view).toContain("The PIU (https://example.org/piu) at Dakar airport needs API/PNR training");
    const viewId = String((opened.response.view as { id: string }).id);
    // The permalink, asked for with the profile, is in the form as it opens.
    const permalink = String((await harness.slack.waitFor("chat.getPermalink")).response.permalink);
    expect(view).toContain(permalink);

    const form = harness.slack.modals.get(viewId) as {
      blocks: { block_id?: string; element?: { initial_value?: string } }[];
    };
    const initial = (blockId: string) =>
      form.blocks.find((block) => block.block_id === blockId)?.element?.initial_value;
    const reference = await submitAndExpectFiled(harness, "U0ALICE", viewId, {
      ...validEntries(initial(FORM_BLOCK_IDS.summary) ?? ""),
      [FORM_BLOCK_IDS.details]: initial(FORM_BLOCK_IDS.details) ?? null,
    });
    const stored = await operator.getRequest(reference);
    expect(stored.summary).toBe("The PIU (https://example.org/piu) at Dakar airport needs API/PNR training");
    expect(stored.details).toContain("for 20 officers & 2 analysts");
    expect(stored.details).toContain(permalink);
  });

  it("still opens, without the email, when Slack refuses the profile (missing_scope)", async () => {
    // Someone who has not opened a form yet: no profile kept from earlier.
    harness.slack.addUser({
      id: "U0DORA",
      name: "dora",
      realName: "Dora Diallo",
      email: "dora@example.org",
      tz: "UTC",
    });
    harness.slack.failNext("users.info", "missing_scope");
    const { viewId } = await openFormByCommand(
      harness,
      "U0DORA",
      "Information on the next regional workshop",
      {
        waitForPrefill: false,
      },
    );
    await harness.slack.waitFor("users.info", (call) => call.response.error === "missing_scope");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.slack.callsTo("views.update").some((call) => call.params.view_id === viewId)).toBe(false);
    const summary = "Information on the next regional workshop";
    const reference = await submitAndExpectFiled(harness, "U0DORA", viewId, {
      ...validEntries(summary, { [FORM_BLOCK_IDS.type]: "information" }),
      [FORM_BLOCK_IDS.email]: null,
    });
    const stored = await operator.getRequest(reference);
    expect(stored.requester).toMatchObject({ email: null, name: "u0dora", slackUserId: "U0DORA" });
    // The refusal was not kept: the next form asks Slack again, and this time gets the profile.
    const again = await openFormByCommand(harness, "U0DORA", "");
    expect(prefilledEmail(harness.slack.modals.get(again.viewId))).toBe("dora@example.org");
  });

  it("opens the next form filled with a profile read minutes ago, without asking Slack again", async () => {
    harness.slack.addUser({
      id: "U0FARA",
      name: "fara",
      realName: "Fara Sow",
      email: "fara@example.org",
      tz: "UTC",
    });
    const first = await openFormByCommand(harness, "U0FARA", "");
    expect(prefilledEmail(harness.slack.modals.get(first.viewId))).toBe("fara@example.org");
    const lookups = harness.slack
      .callsTo("users.info")
      .filter((call) => call.params.user === "U0FARA").length;
    expect(lookups).toBe(1);

    const second = await openFormByCommand(harness, "U0FARA", "");
    expect(prefilledEmail(second.opened.params.view)).toBe("fara@example.org");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.slack.callsTo("users.info").filter((call) => call.params.user === "U0FARA")).toHaveLength(
      1,
    );
    expect(harness.slack.callsTo("views.update").some((call) => call.params.view_id === second.viewId)).toBe(
      false,
    );
    const reference = await submitAndExpectFiled(harness, "U0FARA", second.viewId, {
      ...validEntries("Expert advice on document examination", { [FORM_BLOCK_IDS.type]: "expert_advice" }),
      [FORM_BLOCK_IDS.email]: "fara@example.org",
    });
    const stored = await operator.getRequest(reference);
    expect(stored.requester).toMatchObject({
      name: "Fara Sow",
      email: "fara@example.org",
      slackUserId: "U0FARA",
    });
  });

  it("opens views.open within Slack's trigger window even when the profile is slow", async () => {
    harness.slack.addUser({
      id: "U0ERIN",
      name: "erin",
      realName: "Erin Ba",
      email: "erin@example.org",
      tz: "UTC",
    });
    harness.slack.delayNext("users.info", 1500);
    const started = Date.now();
    const { opened } = await openFormByCommand(harness, "U0ERIN", "", { waitForPrefill: false });
    // The form waits for the profile a moment only, then opens without it.
    expect(opened.at - started).toBeGreaterThanOrEqual(PREFILL_WAIT_MS - 50);
    expect(opened.at - started).toBeLessThan(PREFILL_WAIT_MS + 500);
    expect(prefilledEmail(opened.params.view)).toBeUndefined();
    const viewId = String((opened.response.view as { id: string }).id);
    const update = await harness.slack.waitFor("views.update", (call) => call.params.view_id === viewId);
    expect(update.at - started).toBeGreaterThanOrEqual(1400);
    expect(prefilledEmail(update.params.view)).toBe("erin@example.org");
  });
});

describe("when the API refuses the bot's key", () => {
  it("says BSI Desk is misconfigured when the key is revoked (401), and logs it for an operator", async () => {
    const key = await api.createKey(BOT_SCOPES);
    const logs = captureLogs();
    const revoked = await startBotHarness({
      apiUrl: api.url,
      logger: logs.logger,
      env: { BSI_API_TOKEN: key, SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL },
    });
    try {
      const { viewId } = await openFormByCommand(revoked, "U0ALICE");
      await api.revokeKey(key);
      const misconfigured = "BSI Desk is misconfigured (its API key is missing, not valid or revoked)";

      const filing = await revoked.driver.viewSubmission({
        user: "U0ALICE",
        viewId,
        entries: validEntries("Filed with a revoked key"),
      });
      const formErrors = JSON.stringify(filing.answer?.errors);
      expect(formErrors).toContain(misconfigured);
      expect(formErrors).toContain("please tell a BSI Desk operator");
      expect(formErrors).not.toContain("scope");

      const { responseUrl } = await revoked.driver.blockAction({
        user: TRIAGER,
        actionId: moveActionId("under_review"),
        blockId: "triage_actions",
        value: JSON.stringify({ reference: "BSI-2026-0001", to: "under_review" }),
        container: {
          type: "message",
          channel: TRIAGE_CHANNEL,
          messageTs: "1700000000.000900",
          isEphemeral: false,
        },
      });
      const moveReply = await revoked.slack.waitForResponse((post) => (responseUrl ?? "").endsWith(post.id));
      expect(readableText(moveReply.body)).toContain(`${misconfigured}, so BSI-2026-0001 was not changed`);

      await revoked.driver.appHomeOpened("U0ALICE");
      const home = await revoked.slack.waitFor("views.publish", (call) => call.params.user_id === "U0ALICE");
      const homeText = readableText(home.params.view as Record<string, unknown>);
      expect(homeText).toContain(`Your requests can't be shown: ${misconfigured}`);
      expect(homeText).not.toContain("scope");

      expect(logs.messages("error")).toContainEqual(expect.stringContaining("the API refuses BSI_API_TOKEN"));
    } finally {
      await revoked.close();
    }
  });

  it("names the missing scope when the key lacks it (403)", async () => {
    const readOnly = await startBotHarness({
      apiUrl: api.url,
      env: { BSI_API_TOKEN: await api.createKey(["requests:read"]), SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL },
    });
    try {
      const { viewId } = await openFormByCommand(readOnly, "U0ALICE");
      const filing = await readOnly.driver.viewSubmission({
        user: "U0ALICE",
        viewId,
        entries: validEntries("Filed with a read-only key"),
      });
      expect(JSON.stringify(filing.answer?.errors)).toContain("its API key lacks the requests:write scope");
    } finally {
      await readOnly.close();
    }
  });
});
