import {
  PRIORITIES,
  type Priority,
  REQUEST_LIMITS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type Request,
  THEMES,
} from "@bsi/domain";
import type { types } from "@slack/bolt";
import { context } from "./elements.js";
import { ACTION_IDS, CALLBACK_IDS, FORM_BLOCK_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn, mrkdwnLink, truncateText } from "./mrkdwn.js";
import type { KnownBlock, PlainTextOption } from "./types.js";

export type ModalView = types.ModalView;

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};

/** What the form carries from opening to submission, in the view's private_metadata. */
export interface RequestFormMetadata {
  /** The requester's name from their Slack profile (read after the form opens). */
  name?: string;
  /** The message a shortcut filed, and its permalink once known. */
  source?: { channel: string; ts: string };
  permalink?: string;
}

export interface RequestFormInput {
  summary?: string;
  details?: string;
  email?: string;
  metadata: RequestFormMetadata;
}

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

function option(text: string, value: string): PlainTextOption {
  return { text: plain(truncateText(text, SLACK_LIMITS.optionText)), value };
}

function input(
  blockId: string,
  label: string,
  element: types.InputBlockElement,
  options: { hint?: string; optional?: boolean } = {},
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    element,
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plain(options.hint) } : {}),
  };
}

/** Cuts text to what an input of `max` characters accepts (Slack refuses a longer initial value). */
export function fitInput(text: string | undefined, max: number): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return Array.from(trimmed).length <= max ? trimmed : truncateText(trimmed, max);
}

/**
 * The request form. Limits are the domain's (REQUEST_LIMITS), enforced by Slack through
 * `max_length` and shown as hints; Member State and related event are type-aheads answered by
 * options loads (more than Slack's 100 static options, searched as the user types).
 */
export function buildRequestForm(input_: RequestFormInput): ModalView {
  const summary = fitInput(input_.summary, REQUEST_LIMITS.summary);
  const details = fitInput(input_.details, REQUEST_LIMITS.detailsInSlack);
  const email = input_.email?.trim() || undefined;
  const blocks: KnownBlock[] = [
    context([
      "Ask the BSI team at UNCCT for technical assistance, training, a workshop seat or expert advice. Only you and the BSI triage team see your request.",
    ]),
    input(FORM_BLOCK_IDS.type, "Type of request", {
      type: "static_select",
      action_id: ACTION_IDS.input,
      placeholder: plain("Choose a type"),
      options: REQUEST_TYPES.map((type) => option(REQUEST_TYPE_LABELS[type], type)),
    }),
    input(
      FORM_BLOCK_IDS.memberState,
      "Member State",
      {
        type: "external_select",
        action_id: ACTION_IDS.memberState,
        placeholder: plain("Type a country"),
        min_query_length: 1,
      },
      { hint: "Type its name in English or French (Sénégal, Germany, Allemagne) or its ISO code (SN)." },
    ),
    input(
      FORM_BLOCK_IDS.agency,
      "Agency",
      {
        type: "plain_text_input",
        action_id: ACTION_IDS.input,
        max_length: REQUEST_LIMITS.agency,
        placeholder: plain("e.g. Border police, customs"),
      },
      { optional: true, hint: `At most ${REQUEST_LIMITS.agency} characters.` },
    ),
    input(
      FORM_BLOCK_IDS.themes,
      "Themes",
      {
        type: "multi_static_select",
        action_id: ACTION_IDS.input,
        placeholder: plain("Choose themes"),
        options: THEMES.map((theme) => option(theme.label, theme.code)),
      },
      { optional: true },
    ),
    input(
      FORM_BLOCK_IDS.relatedEvent,
      "Related event",
      {
        type: "external_select",
        action_id: ACTION_IDS.relatedEvent,
        placeholder: plain("Type to search upcoming events"),
        min_query_length: 0,
      },
      { optional: true, hint: "Required for workshop participation: the event you want a seat at." },
    ),
    input(
      FORM_BLOCK_IDS.summary,
      "Summary",
      {
        type: "plain_text_input",
        action_id: ACTION_IDS.input,
        max_length: REQUEST_LIMITS.summary,
        placeholder: plain("What do you need, in one line?"),
        ...(summary ? { initial_value: summary } : {}),
      },
      { hint: `At most ${REQUEST_LIMITS.summary} characters.` },
    ),
    input(
      FORM_BLOCK_IDS.details,
      "Details",
      {
        type: "plain_text_input",
        action_id: ACTION_IDS.input,
        multiline: true,
        max_length: REQUEST_LIMITS.detailsInSlack,
        placeholder: plain("Context, people involved, dates, what has been tried"),
        ...(details ? { initial_value: details } : {}),
      },
      { optional: true, hint: `At most ${REQUEST_LIMITS.detailsInSlack.toLocaleString("en")} characters.` },
    ),
  ];
  if (input_.metadata.permalink) {
    blocks.push(
      context([
        `Filed from ${mrkdwnLink(input_.metadata.permalink, "a Slack message")}: the link is added to the details.`,
      ]),
    );
  }
  blocks.push(
    input(FORM_BLOCK_IDS.priority, "Priority", {
      type: "static_select",
      action_id: ACTION_IDS.input,
      options: PRIORITIES.map((priority) => option(PRIORITY_LABELS[priority], priority)),
      initial_option: option(PRIORITY_LABELS.normal, "normal"),
    }),
    input(
      FORM_BLOCK_IDS.email,
      "Contact email",
      {
        type: "email_text_input",
        action_id: ACTION_IDS.input,
        placeholder: plain("name@example.org"),
        ...(email ? { initial_value: email } : {}),
      },
      { optional: true, hint: "Where the BSI team can write to you about this request." },
    ),
  );
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.requestForm,
    title: plain("File a BSI request"),
    submit: plain("Submit"),
    close: plain("Cancel"),
    private_metadata: encodeFormMetadata(input_.metadata),
    blocks,
  };
}

/** The metadata as JSON within Slack's 3,000 characters (a very long name or link is dropped). */
export function encodeFormMetadata(metadata: RequestFormMetadata): string {
  const encoded = JSON.stringify(metadata);
  if (encoded.length <= SLACK_LIMITS.privateMetadata) return encoded;
  const { source } = metadata;
  return JSON.stringify(source ? { source } : {});
}

/** Reads the form's private_metadata; anything odd reads as empty. */
export function decodeFormMetadata(text: unknown): RequestFormMetadata {
  if (typeof text !== "string" || text === "") return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const metadata: RequestFormMetadata = {};
    if (typeof parsed.name === "string" && parsed.name.trim()) metadata.name = parsed.name;
    if (typeof parsed.permalink === "string" && /^https:\/\//.test(parsed.permalink))
      metadata.permalink = parsed.permalink;
    const source = parsed.source as Record<string, unknown> | undefined;
    if (typeof source?.channel === "string" && typeof source.ts === "string")
      metadata.source = { channel: source.channel, ts: source.ts };
    return metadata;
  } catch {
    return {};
  }
}

/** The form turns into this once the request is filed (`response_action: "update"`). */
export function buildFiledView(request: Request, options: { hasTriageChannel: boolean }): ModalView {
  return {
    type: "modal",
    callback_id: "request.filed",
    title: plain("Request filed"),
    close: plain("Done"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:white_check_mark: Your request is filed as *${escapeMrkdwn(request.reference)}*.\n${escapeAndTruncate(request.summary, 500)}`,
        },
      },
      context([
        options.hasTriageChannel
          ? "The BSI triage team has it. A receipt is in your direct messages with BSI Desk, and you will hear there about every move."
          : "A receipt is in your direct messages with BSI Desk, and you will hear there about every move.",
        `Look it up any time with \`/bsi status ${escapeMrkdwn(request.reference)}\`.`,
      ]),
    ],
  };
}

/** The modal a triager fills to decline: the reason is required and sent to the requester. */
export function buildDeclineForm(input_: {
  reference: string;
  card: { channel: string; ts: string } | undefined;
}): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.declineForm,
    title: plain("Decline request"),
    submit: plain("Decline"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify({ reference: input_.reference, card: input_.card ?? null }),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `Declining *${escapeMrkdwn(input_.reference)}*. The requester is told the reason in a direct message.`,
        },
      },
      input(
        FORM_BLOCK_IDS.declineNote,
        "Why is it declined?",
        {
          type: "plain_text_input",
          action_id: ACTION_IDS.input,
          multiline: true,
          max_length: REQUEST_LIMITS.note,
          placeholder: plain("The requester is told this reason"),
        },
        { hint: `Sent to the requester. At most ${REQUEST_LIMITS.note.toLocaleString("en")} characters.` },
      ),
    ],
  };
}

/** Reads a decline form's private_metadata. */
export function decodeDeclineMetadata(
  text: unknown,
): { reference: string; card: { channel: string; ts: string } | undefined } | undefined {
  if (typeof text !== "string") return undefined;
  try {
    const parsed = JSON.parse(text) as { reference?: unknown; card?: { channel?: unknown; ts?: unknown } };
    if (typeof parsed.reference !== "string") return undefined;
    const card =
      typeof parsed.card?.channel === "string" && typeof parsed.card.ts === "string"
        ? { channel: parsed.card.channel, ts: parsed.card.ts }
        : undefined;
    return { reference: parsed.reference, card };
  } catch {
    return undefined;
  }
}
