import { ALLOWED_TRANSITIONS, type Request, type RequestStatus } from "@bsi/domain";
import { button, context, mrkdwnSections } from "./elements.js";
import { formatRequestStatus } from "./format.js";
import { ACTION_IDS, BLOCK_IDS } from "./ids.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { Button, KnownBlock, SlackMessage } from "./types.js";

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

const WHAT_HAPPENS: Partial<Record<RequestStatus, string>> = {
  under_review: "The BSI team is reviewing it.",
  accepted: "The BSI team accepted it and will plan the work with you.",
  declined: "The BSI team declined it.",
  in_progress: "The BSI team has started the work.",
  completed: "The BSI team has completed it.",
  withdrawn: "It is withdrawn: nothing more will happen on it.",
};

function withdrawButton(reference: string): Button {
  const value: WithdrawValue = { reference };
  const element = button({
    text: "Withdraw",
    actionId: ACTION_IDS.withdrawRequest,
    value: JSON.stringify(value),
    style: "danger",
  });
  element.confirm = {
    title: { type: "plain_text", text: "Withdraw this request?" },
    text: { type: "mrkdwn", text: `${escapeMrkdwn(reference)} will be withdrawn; this cannot be undone.` },
    confirm: { type: "plain_text", text: "Withdraw" },
    deny: { type: "plain_text", text: "Keep it" },
  };
  return element;
}

/** The Withdraw button while the lifecycle still allows it. */
function withdrawActions(request: Request): KnownBlock[] {
  if (!ALLOWED_TRANSITIONS[request.status].includes("withdrawn")) return [];
  return [
    { type: "actions", block_id: BLOCK_IDS.receiptActions, elements: [withdrawButton(request.reference)] },
  ];
}

/** The receipt DM'd to the requester once a request is filed. */
export function renderReceipt(request: Request): SlackMessage {
  const reference = escapeMrkdwn(request.reference);
  return {
    text: `Your request ${request.reference} is filed: ${request.summary}`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:inbox_tray: Your request is filed as *${reference}* (${escapeMrkdwn(formatRequestStatus(request.status))}).\n${escapeAndTruncate(request.summary, 500)}`,
        },
      },
      context([
        `The BSI triage team has it; you will hear here about every move. \`/bsi status ${reference}\` shows where it stands.`,
      ]),
      ...withdrawActions(request),
    ],
  };
}

/** The DM telling the requester about a move, with the note the triager wrote. */
export function renderMoveNotice(request: Request, move: Move): SlackMessage {
  const reference = escapeMrkdwn(request.reference);
  const status = formatRequestStatus(move.to);
  const byRequester = move.actor === request.requester.slackUserId;
  const lead =
    move.to === "withdrawn" && byRequester
      ? `You withdrew *${reference}*.`
      : `*${reference}* is now *${escapeMrkdwn(status)}*.`;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${lead} ${WHAT_HAPPENS[move.to] ?? ""}\n${escapeAndTruncate(request.summary, 500)}`.trim(),
      },
    },
  ];
  if (move.note) {
    blocks.push(
      ...mrkdwnSections(`${move.to === "declined" ? "*Reason*" : "*Note*"}: ${escapeMrkdwn(move.note)}`),
    );
  }
  blocks.push(context([`\`/bsi status ${reference}\` shows its history.`]), ...withdrawActions(request));
  const note = move.note ? ` — ${move.note}` : "";
  return { text: `${request.reference} is now ${status}${note}`.slice(0, 3000), blocks };
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
