import { button, context, header, mrkdwnSections, plainContext } from "./elements.js";
import { ACTION_IDS, BLOCK_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock, SlackMessage } from "./types.js";
import { type Language, WORDS } from "./words.js";

/** Cards shown at once; more come behind a "Show more" button. */
export const CARDS_PER_PAGE = 6;

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

export type MoreLink =
  /** The caller can re-run the same query from any offset into `units`. */
  | { kind: "offset"; value: (nextOffset: number) => string }
  /** The API gave a cursor for the next page; `units` is the whole current page. */
  | { kind: "cursor"; value: string };

export interface AnswerInput {
  heading?: string;
  /** Plain text: escaped here, split into as many sections as it needs. */
  lead?: string;
  /** What the user typed, shown back under the answer so it is never lost. */
  echo?: string;
  /** Each card is one unit: it is shown whole or left for the next page. */
  units: readonly KnownBlock[][];
  offset?: number;
  pageSize?: number;
  more?: MoreLink;
  /** Button value for "Share in channel" on ephemeral replies. */
  share?: string;
  /** The user who shared this reply into the channel. */
  sharedBy?: string;
  /** Shown when there are no cards at all. */
  empty?: string;
  /** Plain text about how the answer was found (words to leave out given alone), on the first page. */
  note?: string;
  /** The lead's language, for the buttons and lines the answer adds around it (default English). */
  language?: Language;
}

export interface RenderedAnswer {
  message: SlackMessage;
  /** Offset of the first unit not shown, when some remain. */
  nextOffset: number | undefined;
}

/**
 * Lays an answer out within Slack's limits: at most 50 blocks, 3,000 characters a section, and a
 * "Show more" button instead of dropping what does not fit.
 */
export function renderAnswer(input: AnswerInput): RenderedAnswer {
  const offset = Math.max(0, input.offset ?? 0);
  const pageSize = input.pageSize ?? CARDS_PER_PAGE;
  const words = WORDS[input.language ?? "en"];
  const top: KnownBlock[] = [];
  if (input.heading) top.push(header(input.heading));
  if (input.lead && offset === 0) top.push(...mrkdwnSections(escapeMrkdwn(input.lead)));
  if (offset > 0) top.push(context([words.continuedFrom(offset + 1)]));
  const note = input.note && offset === 0 ? plainContext(input.note) : undefined;
  // Under the lead; with no cards, under the line that says so.
  if (note && input.units.length > 0) top.push(note);

  const bottom: KnownBlock[] = [];
  if (input.echo) bottom.push(context([words.youAsked(escapeAndTruncate(input.echo, 1000))]));
  if (input.sharedBy && SLACK_USER_ID.test(input.sharedBy)) {
    bottom.push(context([words.sharedBy(`<@${input.sharedBy}>`)]));
  }
  const reserveForActions = 1;
  let budget = SLACK_LIMITS.blocksPerMessage - bottom.length - reserveForActions;
  const lead = top.slice(0, Math.max(1, budget - 4));
  budget -= lead.length;

  const shown: KnownBlock[] = [];
  let index = offset;
  let count = 0;
  while (index < input.units.length && count < pageSize) {
    const unit = input.units[index] ?? [];
    if (unit.length > budget) break;
    shown.push(...unit);
    budget -= unit.length;
    index += 1;
    count += 1;
  }
  const remaining = index < input.units.length;
  const nextOffset = remaining ? index : undefined;

  const blocks: KnownBlock[] = [...lead];
  if (input.units.length === 0 && input.empty)
    blocks.push(...mrkdwnSections(escapeMrkdwn(input.empty)).slice(0, 1));
  if (note && input.units.length === 0) blocks.push(note);
  blocks.push(...shown, ...bottom);

  const buttons = [];
  let moreValue: string | undefined;
  if (input.more?.kind === "cursor") moreValue = input.more.value;
  else if (input.more?.kind === "offset" && nextOffset !== undefined)
    moreValue = input.more.value(nextOffset);
  if (moreValue !== undefined && moreValue.length <= SLACK_LIMITS.buttonValue) {
    buttons.push(button({ text: words.showMore, actionId: ACTION_IDS.showMore, value: moreValue }));
  }
  if (input.share !== undefined && input.share.length <= SLACK_LIMITS.buttonValue) {
    buttons.push(button({ text: words.shareInChannel, actionId: ACTION_IDS.share, value: input.share }));
  }
  if (buttons.length > 0)
    blocks.push({ type: "actions", block_id: BLOCK_IDS.answerActions, elements: buttons });

  const base = input.lead ?? input.heading ?? input.empty ?? "BSI Desk";
  const summary = offset > 0 ? words.moreResults(base) : base;
  return {
    message: { text: escapeAndTruncate(summary, SLACK_LIMITS.sectionText), blocks },
    nextOffset,
  };
}

/** A one-section reply: a notice, an error, the text for a subcommand that is not ready yet. */
export function renderNotice(text: string, options: { echo?: string; detail?: string } = {}): SlackMessage {
  const blocks: KnownBlock[] = mrkdwnSections(escapeMrkdwn(text)).slice(0, 5);
  if (options.detail) blocks.push(context([escapeAndTruncate(options.detail, 2000)]));
  if (options.echo) blocks.push(context([`You asked: “${escapeAndTruncate(options.echo, 1000)}”`]));
  return { text: escapeAndTruncate(text, SLACK_LIMITS.sectionText), blocks };
}
