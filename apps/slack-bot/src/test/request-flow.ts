import { expect } from "vitest";
import { FORM_BLOCK_IDS } from "../blocks/ids.js";
import type { RecordedCall, StoredMessage } from "./fake-slack.js";
import type { BotHarness } from "./harness.js";
import { readableText } from "./messages.js";

/** What a user enters in the request form, by input block id (see SlackDriver.viewSubmission). */
export type FormEntries = Record<string, string | string[] | { value: string; text: string } | null>;

/** A complete, valid form: what a Senegalese liaison would file. */
export function validEntries(summary: string, overrides: FormEntries = {}): FormEntries {
  return {
    [FORM_BLOCK_IDS.type]: "technical_assistance",
    [FORM_BLOCK_IDS.memberState]: { value: "SN", text: "Senegal (Sénégal)" },
    [FORM_BLOCK_IDS.agency]: "Police aux frontières",
    [FORM_BLOCK_IDS.themes]: ["api-pnr", "biometrics"],
    [FORM_BLOCK_IDS.summary]: summary,
    [FORM_BLOCK_IDS.details]: "Twenty officers at Blaise Diagne airport; the PIU opens in March.",
    [FORM_BLOCK_IDS.priority]: "high",
    ...overrides,
  };
}

/**
 * Runs `/bsi request <text>` and resolves with the opened form's view id, once the profile's email
 * is in it (at once, or by views.update) when `waitForPrefill`.
 */
export async function openFormByCommand(
  harness: BotHarness,
  user: string,
  text = "",
  options: { waitForPrefill?: boolean } = {},
): Promise<{ viewId: string; opened: RecordedCall; commandElapsedMs: number }> {
  const before = harness.slack.callsTo("views.open").length;
  const { response, triggerId } = await harness.driver.command({ text: `request ${text}`.trim(), user });
  expect(response.status).toBe(200);
  const opened = await harness.slack.waitFor(
    "views.open",
    (call) =>
      call.params.trigger_id === triggerId && harness.slack.callsTo("views.open").indexOf(call) >= before,
  );
  expect(opened.response.ok, JSON.stringify(opened.response)).toBe(true);
  const viewId = String((opened.response.view as { id: string }).id);
  // The profile is in the form as it opens when Slack gave it in time (or it was read minutes
  // ago); otherwise it comes with views.update.
  if ((options.waitForPrefill ?? true) && !prefilledEmail(opened.params.view)) {
    await harness.slack.waitFor("views.update", (call) => call.params.view_id === viewId);
  }
  return { viewId, opened, commandElapsedMs: response.elapsedMs };
}

/** The email the form was sent with, if any (the view as the bot sent it, JSON or object). */
export function prefilledEmail(view: unknown): string | undefined {
  const parsed = (typeof view === "string" ? JSON.parse(view) : view) as {
    blocks?: Array<{ block_id?: string; element?: { initial_value?: string } }>;
  };
  return parsed?.blocks?.find((block) => block.block_id === FORM_BLOCK_IDS.email)?.element?.initial_value;
}

/** Submits the form and expects it filed: resolves with the reference the confirmation shows. */
export async function submitAndExpectFiled(
  harness: BotHarness,
  user: string,
  viewId: string,
  entries: FormEntries,
): Promise<string> {
  const { answer, problems } = await harness.driver.viewSubmission({ user, viewId, entries });
  expect(problems).toEqual([]);
  expect(answer?.response_action, JSON.stringify(answer)).toBe("update");
  const text = readableText(answer?.view as Record<string, unknown>);
  const reference = /BSI-\d{4}-\d{4,}/.exec(text)?.[0];
  expect(reference, text).toBeDefined();
  return reference ?? "";
}

/** Files a request through the whole form (command, prefill, submission). */
export async function fileThroughSlack(harness: BotHarness, user: string, summary: string): Promise<string> {
  const { viewId } = await openFormByCommand(harness, user, "");
  return submitAndExpectFiled(harness, user, viewId, validEntries(summary));
}

/** The triage card (top-level bot message with that reference in its metadata) in a channel. */
export function findCard(harness: BotHarness, channel: string, reference: string): StoredMessage[] {
  return harness.slack
    .messagesIn(channel)
    .filter(
      (message) =>
        (message.metadata?.event_payload as { reference?: unknown } | undefined)?.reference === reference,
    );
}

/** Waits until `check` passes (polling), for state that webhooks change in the background. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Resolves with the first call to `method` made after this is called (or the mark given) that matches. */
export function waitForNext(
  harness: BotHarness,
  method: string,
  predicate: (call: RecordedCall) => boolean = () => true,
  mark = harness.slack.calls.length,
): Promise<RecordedCall> {
  return harness.slack.waitFor(
    method,
    (call) => harness.slack.calls.indexOf(call) >= mark && predicate(call),
  );
}

/** The bot's DMs to a user (chat.postMessage calls to their DM channel), oldest first. */
export function directMessagesTo(harness: BotHarness, user: string): RecordedCall[] {
  const channel = `D${user.slice(1)}`;
  return harness.slack
    .callsTo("chat.postMessage")
    .filter((call) => call.params.channel === channel && call.response.ok === true);
}

/** Waits for a DM to the user whose text includes every given fragment. */
export async function waitForDirectMessage(
  harness: BotHarness,
  user: string,
  ...fragments: string[]
): Promise<RecordedCall> {
  const channel = `D${user.slice(1)}`;
  return harness.slack.waitFor(
    "chat.postMessage",
    (call) =>
      call.params.channel === channel &&
      call.response.ok === true &&
      fragments.every((fragment) => readableText(call.params).includes(fragment)),
  );
}
