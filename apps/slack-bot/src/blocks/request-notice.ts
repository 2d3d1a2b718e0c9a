import { ALLOWED_TRANSITIONS, type Request, type RequestStatus } from "@bsi/domain";
import { button, context, mrkdwnSections } from "./elements.js";
import { ACTION_IDS, BLOCK_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import { REQUEST_WORDS, statusLabel } from "./request-words.js";
import type { Button, KnownBlock, SlackMessage } from "./types.js";
import { type Language, WORDS } from "./words.js";

/** A move as the requester hears of it. */
export interface Move {
  from: RequestStatus | null;
  to: RequestStatus;
  actor: string;
  note: string | null;
}

/** What the Withdraw button carries. */
export interface WithdrawValue {
  reference: string;
}

function withdrawButton(reference: string, language: Language): Button {
  const words = REQUEST_WORDS[language].notice;
  const value: WithdrawValue = { reference };
  const element = button({
    text: words.withdraw,
    actionId: ACTION_IDS.withdrawRequest,
    value: JSON.stringify(value),
    style: "danger",
  });
  element.confirm = {
    title: { type: "plain_text", text: words.confirmTitle },
    text: { type: "mrkdwn", text: words.confirmText(escapeMrkdwn(reference)) },
    confirm: { type: "plain_text", text: words.withdraw },
    deny: { type: "plain_text", text: words.keepIt },
  };
  return element;
}

/** The Withdraw button while the lifecycle still allows it. */
function withdrawActions(request: Request, language: Language): KnownBlock[] {
  if (!ALLOWED_TRANSITIONS[request.status].includes("withdrawn")) return [];
  return [
    {
      type: "actions",
      block_id: BLOCK_IDS.receiptActions,
      elements: [withdrawButton(request.reference, language)],
    },
  ];
}

/** The receipt DM'd to the requester once a request is filed, in their language. */
export function renderReceipt(request: Request, language: Language = "en"): SlackMessage {
  const words = REQUEST_WORDS[language].receipt;
  const reference = escapeMrkdwn(request.reference);
  const status = escapeMrkdwn(statusLabel(request.status, language));
  return {
    text: words.text(request.reference, request.summary),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${words.filedAs(reference, status)}\n${escapeAndTruncate(request.summary, 500)}`,
        },
      },
      context([words.followUp(reference)]),
      ...withdrawActions(request, language),
    ],
  };
}

/** The DM telling the requester about a move, with the note the triager wrote, in their language. */
export function renderMoveNotice(request: Request, move: Move, language: Language = "en"): SlackMessage {
  const words = REQUEST_WORDS[language].notice;
  const reference = escapeMrkdwn(request.reference);
  const status = statusLabel(move.to, language);
  const byRequester = move.actor === request.requester.slackUserId;
  const lead =
    move.to === "withdrawn" && byRequester
      ? words.youWithdrew(reference)
      : words.isNow(reference, escapeMrkdwn(status));
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${lead} ${words.whatHappens[move.to] ?? ""}\n${escapeAndTruncate(request.summary, 500)}`.trim(),
      },
    },
  ];
  if (move.note) {
    const line = move.to === "declined" ? words.reason : words.note;
    blocks.push(...mrkdwnSections(line(escapeMrkdwn(move.note))));
  }
  blocks.push(context([words.history(reference)]), ...withdrawActions(request, language));
  return { text: words.text(request.reference, status, move.note).slice(0, 3000), blocks };
}

/**
 * A failure told to the requester in their language, with what they typed shown back (as the
 * answers' notices do in English).
 */
export function renderRequestFailure(text: string, language: Language, echo?: string): SlackMessage {
  const blocks: KnownBlock[] = mrkdwnSections(escapeMrkdwn(text)).slice(0, 5);
  if (echo) blocks.push(context([WORDS[language].youAsked(escapeAndTruncate(echo, 1000))]));
  return { text: escapeAndTruncate(text, SLACK_LIMITS.sectionText), blocks };
}

/** Reads a Withdraw button's value. */
export function decodeWithdrawValue(value: unknown): WithdrawValue | undefined {
  if (typeof value !== "string" || value.length > 500) return undefined;
  try {
    const parsed = JSON.parse(value) as { reference?: unknown };
    return typeof parsed.reference === "string" ? { reference: parsed.reference } : undefined;
  } catch {
    return undefined;
  }
}
