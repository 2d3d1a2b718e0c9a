import { PRIORITIES, type Priority, REQUEST_LIMITS, REQUEST_TYPES, type Request, THEMES } from "@bsi/domain";
import type { types } from "@slack/bolt";
import { context } from "./elements.js";
import { ACTION_IDS, CALLBACK_IDS, FORM_BLOCK_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn, mrkdwnLink, truncateText } from "./mrkdwn.js";
import { formatCount, REQUEST_WORDS } from "./request-words.js";
import type { KnownBlock, PlainTextOption } from "./types.js";
import { type Language, languageOf } from "./words.js";

export type ModalView = types.ModalView;

/** Priorities in English, as the (staff-facing) triage card shows them. */
export const PRIORITY_LABELS: Record<Priority, string> = REQUEST_WORDS.en.priorities;

/** What the form carries from opening to submission, in the view's private_metadata. */
export interface RequestFormMetadata {
  /** The requester's name from their Slack profile (read after the form opens). */
  name?: string;
  /** The message a shortcut filed, and its permalink once known. */
  source?: { channel: string; ts: string };
  permalink?: string;
  /** The requester's language (their Slack locale), for the form's errors and confirmation. */
  language?: Language;
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
 * The request form, in the requester's language (`metadata.language`, English by default). Limits
 * are the domain's (REQUEST_LIMITS), enforced by Slack through `max_length` and shown as hints;
 * Member State and related event are type-aheads answered by options loads (more than Slack's 100
 * static options, searched as the user types).
 */
export function buildRequestForm(input_: RequestFormInput): ModalView {
  const language = input_.metadata.language ?? "en";
  const { form: words, types: typeLabels, priorities } = REQUEST_WORDS[language];
  const atMost = (max: number) => words.atMost(formatCount(max, language));
  const summary = fitInput(input_.summary, REQUEST_LIMITS.summary);
  const details = fitInput(input_.details, REQUEST_LIMITS.detailsInSlack);
  const email = input_.email?.trim() || undefined;
  const blocks: KnownBlock[] = [
    context([words.intro]),
    input(FORM_BLOCK_IDS.type, words.type, {
      type: "static_select",
      action_id: ACTION_IDS.input,
      placeholder: plain(words.chooseType),
      options: REQUEST_TYPES.map((type) => option(typeLabels[type], type)),
    }),
    input(
      FORM_BLOCK_IDS.memberState,
      words.memberState,
      {
        type: "external_select",
        action_id: ACTION_IDS.memberState,
        placeholder: plain(words.typeCountry),
        min_query_length: 1,
      },
      { hint: words.memberStateHint },
    ),
    input(
      FORM_BLOCK_IDS.agency,
      words.agency,
      {
        type: "plain_text_input",
        action_id: ACTION_IDS.input,
        max_length: REQUEST_LIMITS.agency,
        placeholder: plain(words.agencyExample),
      },
      { optional: true, hint: atMost(REQUEST_LIMITS.agency) },
    ),
    input(
      FORM_BLOCK_IDS.themes,
      words.themes,
      {
        type: "multi_static_select",
        action_id: ACTION_IDS.input,
        placeholder: plain(words.chooseThemes),
        options: THEMES.map((theme) => option(theme.labels[language], theme.code)),
      },
      { optional: true },
    ),
    input(
      FORM_BLOCK_IDS.relatedEvent,
      words.relatedEvent,
      {
        type: "external_select",
        action_id: ACTION_IDS.relatedEvent,
        placeholder: plain(words.searchEvents),
        min_query_length: 0,
      },
      { optional: true, hint: words.relatedEventHint },
    ),
    input(
      FORM_BLOCK_IDS.summary,
      words.summary,
      {
        type: "plain_text_input",
        action_id: ACTION_IDS.input,
        max_length: REQUEST_LIMITS.summary,
        placeholder: plain(words.summaryPlaceholder),
        ...(summary ? { initial_value: summary } : {}),
      },
      { hint: atMost(REQUEST_LIMITS.summary) },
    ),
    input(
      FORM_BLOCK_IDS.details,
      words.details,
      {
        type: "plain_text_input",
        action_id: ACTION_IDS.input,
        multiline: true,
        max_length: REQUEST_LIMITS.detailsInSlack,
        placeholder: plain(words.detailsPlaceholder),
        ...(details ? { initial_value: details } : {}),
      },
      { optional: true, hint: atMost(REQUEST_LIMITS.detailsInSlack) },
    ),
  ];
  const { permalink } = input_.metadata;
  if (permalink) blocks.push(context([words.filedFrom((text) => mrkdwnLink(permalink, text))]));
  blocks.push(
    input(FORM_BLOCK_IDS.priority, words.priority, {
      type: "static_select",
      action_id: ACTION_IDS.input,
      options: PRIORITIES.map((priority) => option(priorities[priority], priority)),
      initial_option: option(priorities.normal, "normal"),
    }),
    input(
      FORM_BLOCK_IDS.email,
      words.email,
      {
        type: "email_text_input",
        action_id: ACTION_IDS.input,
        placeholder: plain(words.emailExample),
        ...(email ? { initial_value: email } : {}),
      },
      { optional: true, hint: words.emailHint },
    ),
  );
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.requestForm,
    title: plain(words.title),
    submit: plain(words.submit),
    close: plain(words.close),
    private_metadata: encodeFormMetadata(input_.metadata),
    blocks,
  };
}

/** The metadata as JSON within Slack's 3,000 characters (a very long name or link is dropped). */
export function encodeFormMetadata(metadata: RequestFormMetadata): string {
  const encoded = JSON.stringify(metadata);
  if (encoded.length <= SLACK_LIMITS.privateMetadata) return encoded;
  const { source, language } = metadata;
  return JSON.stringify({ ...(source ? { source } : {}), ...(language ? { language } : {}) });
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
    if (parsed.language !== undefined) metadata.language = languageOf(parsed.language);
    return metadata;
  } catch {
    return {};
  }
}

/** The form turns into this once the request is filed (`response_action: "update"`). */
export function buildFiledView(
  request: Request,
  options: { hasTriageChannel: boolean; language?: Language },
): ModalView {
  const words = REQUEST_WORDS[options.language ?? "en"].filed;
  const reference = escapeMrkdwn(request.reference);
  return {
    type: "modal",
    callback_id: "request.filed",
    title: plain(words.title),
    close: plain(words.close),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${words.filedAs(reference)}\n${escapeAndTruncate(request.summary, 500)}`,
        },
      },
      context([options.hasTriageChannel ? words.withTriage : words.withoutTriage, words.lookUp(reference)]),
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
