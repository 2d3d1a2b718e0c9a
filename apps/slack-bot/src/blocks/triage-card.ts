import {
  ALLOWED_TRANSITIONS,
  countryName,
  type HistoryEntry,
  isCountryCode,
  REQUEST_TYPE_LABELS,
  type Request,
  type RequestStatus,
} from "@bsi/domain";
import type { types } from "@slack/bolt";
import { button, context, mrkdwnSections } from "./elements.js";
import { formatDate, formatRequestStatus, formatThemes } from "./format.js";
import { BLOCK_IDS, moveActionId, TRIAGE_CARD_EVENT_TYPE } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import { PRIORITY_LABELS } from "./request-form.js";
import type { Button, KnownBlock } from "./types.js";

export type MessageMetadata = types.MessageMetadata;

/** The triage moves, as buttons: the lifecycle decides which are offered. Withdrawing is the requester's. */
const MOVE_BUTTONS: Partial<Record<RequestStatus, { text: string; style?: "primary" | "danger" }>> = {
  under_review: { text: "Start review" },
  accepted: { text: "Accept", style: "primary" },
  declined: { text: "Decline", style: "danger" },
  in_progress: { text: "Start work" },
  completed: { text: "Complete", style: "primary" },
};

/** What a triage button carries: enough for any bot instance to make the move. */
export interface MoveValue {
  reference: string;
  to: RequestStatus;
}

export interface TriageCard {
  text: string;
  blocks: KnownBlock[];
  /** Finds the card again (conversations.history) without the bot remembering where it is. */
  metadata: MessageMetadata;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** "Monday 2 February 2026, 10:05 UTC". */
export function formatMoment(at: string): string {
  const day = at.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return at;
  const time = /T(\d{2}:\d{2})/.exec(at)?.[1];
  return time ? `${formatDate(day)}, ${time} UTC` : formatDate(day);
}

/** Who made a move, as the card shows it: "the requester", a Slack mention, or the name a tool gave. */
export function formatActor(
  request: Pick<Request, "requester">,
  actor: string,
  options: { mentions: boolean },
): string {
  const { slackUserId, email } = request.requester;
  if (
    actor === slackUserId ||
    (email && actor.toLowerCase() === email.toLowerCase()) ||
    actor === "requester"
  )
    return "the requester";
  if (SLACK_USER_ID.test(actor)) return options.mentions ? `<@${actor}>` : `\`${actor}\``;
  return escapeMrkdwn(actor.slice(0, 200));
}

function historyLine(request: Request, entry: HistoryEntry, mentions: boolean): string {
  const what =
    entry.from === null
      ? `Filed (${formatRequestStatus(entry.to)})`
      : `${formatRequestStatus(entry.from)} → *${formatRequestStatus(entry.to)}*`;
  // Whole: a note is at most 1,000 characters, and the history is split over sections as it grows.
  const note = entry.note ? `: “${escapeMrkdwn(entry.note)}”` : "";
  return `• ${formatMoment(entry.at)} — ${what} by ${formatActor(request, entry.actor, { mentions })}${note}`;
}

/** The next moves a triager may make from a status, in lifecycle order. */
export function triageMoves(status: RequestStatus): RequestStatus[] {
  return ALLOWED_TRANSITIONS[status].filter((to) => MOVE_BUTTONS[to] !== undefined);
}

/** Who filed it: name and organization. Never the email: anyone who can read the channel would see it. */
function requesterText(request: Request): string {
  const { name, organization } = request.requester;
  return [name, organization].filter(Boolean).join(" · ");
}

/** Said on a card whose requester left an email, so triagers know where to find it. */
function contactDetailsLine(reference: string): string {
  return `Contact details are not shown in the channel. Triagers see them privately with \`/bsi status ${escapeMrkdwn(reference)}\`.`;
}

export interface TriageCardOptions {
  /** Slack actors as mentions; only for edits (chat.update), which notify no one. */
  mentions?: boolean;
}

/**
 * The card in the triage channel: what was asked, by whom (never their email), the history, and a
 * button for each legal next move. A new card never mentions, so it never pings a triager for
 * their own move.
 */
export function renderTriageCard(request: Request, options: TriageCardOptions = {}): TriageCard {
  const mentions = options.mentions ?? false;
  const status = request.status as RequestStatus;
  const memberState = isCountryCode(request.memberState)
    ? countryName(request.memberState)
    : request.memberState;
  const requester = requesterText(request);
  const fields = [
    `*Type*\n${escapeMrkdwn(REQUEST_TYPE_LABELS[request.type] ?? request.type)}`,
    `*Member State*\n${escapeMrkdwn(memberState)}`,
    `*Priority*\n${escapeMrkdwn(PRIORITY_LABELS[request.priority] ?? request.priority)}`,
    `*Requester*\n${escapeAndTruncate(requester, 400)}`,
  ];
  if (request.agency) fields.push(`*Agency*\n${escapeAndTruncate(request.agency, 400)}`);
  if (request.themes.length > 0)
    fields.push(`*Themes*\n${escapeAndTruncate(formatThemes(request.themes), 1000)}`);
  if (request.relatedEventId) fields.push(`*Related event*\n${escapeMrkdwn(request.relatedEventId)}`);
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${escapeMrkdwn(request.reference)}* · *${escapeMrkdwn(formatRequestStatus(status))}*\n${escapeAndTruncate(request.summary, 500)}`,
      },
    },
    {
      type: "section",
      fields: fields.map((text) => ({ type: "mrkdwn" as const, text })),
    },
  ];
  if (request.requester.email) blocks.push(context([contactDetailsLine(request.reference)]));
  if (request.details.trim()) blocks.push(...mrkdwnSections(escapeMrkdwn(request.details)));
  const history = request.history ?? [];
  if (history.length > 0) {
    const lines = history.slice(-10).map((entry) => historyLine(request, entry, mentions));
    if (history.length > 10) lines.unshift(`• … ${history.length - 10} earlier moves`);
    blocks.push(...mrkdwnSections(lines.join("\n")));
  }
  const moves = triageMoves(status);
  if (moves.length > 0) {
    blocks.push({
      type: "actions",
      block_id: BLOCK_IDS.triageActions,
      elements: moves.map((to): Button => {
        const look = MOVE_BUTTONS[to] ?? { text: to };
        const value: MoveValue = { reference: request.reference, to };
        return button({
          text: look.text,
          actionId: moveActionId(to),
          value: JSON.stringify(value),
          ...(look.style ? { style: look.style } : {}),
        });
      }),
    });
  } else {
    blocks.push(context([`${escapeMrkdwn(formatRequestStatus(status))}: a final status, no more moves.`]));
  }
  return {
    text: `${request.reference} · ${formatRequestStatus(status)}: ${request.summary}`.slice(
      0,
      SLACK_LIMITS.messageText,
    ),
    blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage),
    metadata: {
      event_type: TRIAGE_CARD_EVENT_TYPE,
      event_payload: { reference: request.reference, status, version: history.length },
    },
  };
}

/** Reads a triage button's value; undefined for anything malformed (never throws). */
export function decodeMoveValue(value: unknown): MoveValue | undefined {
  if (typeof value !== "string" || value.length > 500) return undefined;
  try {
    const parsed = JSON.parse(value) as { reference?: unknown; to?: unknown };
    if (typeof parsed.reference !== "string" || typeof parsed.to !== "string") return undefined;
    if (!(parsed.to in ALLOWED_TRANSITIONS)) return undefined;
    return { reference: parsed.reference, to: parsed.to as RequestStatus };
  } catch {
    return undefined;
  }
}
