import { countryName, isCountryCode, type Request } from "@bsi/domain";
import { context, mrkdwnSections } from "./elements.js";
import { formatDate } from "./format.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import { REQUEST_WORDS, statusLabel } from "./request-words.js";
import type { KnownBlock } from "./types.js";
import type { Language } from "./words.js";

/** Moves shown with a request's history; earlier ones are counted. */
const HISTORY_ON_CARD = 5;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Requester: Alice Ndiaye · Ministry of the Interior · alice@example.org", escaped and bounded. */
function requesterLine(request: Request, language: Language): string {
  const { name, organization, email } = request.requester;
  const who = escapeAndTruncate([name, organization, email].filter(Boolean).join(" · "), 700);
  return REQUEST_WORDS[language].card.requester(who);
}

/**
 * A request as a short card: reference, status, summary, then type, Member State and date filed;
 * with `withHistory`, its last five moves with their notes whole; with `withRequester`, who filed
 * it and how to reach them (for triagers, in private replies: a public triage card leaves it out).
 * In the reader's `language` (English by default); the summary and notes stay as written.
 */
export function renderRequestCard(
  request: Request,
  options: { withHistory?: boolean; withRequester?: boolean; language?: Language } = {},
): KnownBlock[] {
  const language = options.language ?? "en";
  const words = REQUEST_WORDS[language];
  const memberState = isCountryCode(request.memberState)
    ? countryName(request.memberState, language)
    : request.memberState;
  const filedOn = request.createdAt.slice(0, 10);
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${escapeMrkdwn(request.reference)}* · ${escapeMrkdwn(statusLabel(request.status, language))}\n${escapeAndTruncate(request.summary, 500)}`,
      },
    },
    context(
      [
        escapeMrkdwn(words.types[request.type] ?? request.type),
        escapeMrkdwn(memberState),
        ISO_DAY.test(filedOn) ? escapeMrkdwn(words.card.filedOn(formatDate(filedOn, language))) : "",
      ].filter(Boolean),
    ),
  ];
  if (options.withRequester) blocks.push(context([requesterLine(request, language)]));
  const history = options.withHistory ? (request.history ?? []) : [];
  if (history.length > 0) {
    const lines = history.slice(-HISTORY_ON_CARD).map((entry) => {
      const day = entry.at.slice(0, 10);
      const when = ISO_DAY.test(day) ? formatDate(day, language) : entry.at;
      return `• ${words.card.move(when, statusLabel(entry.to, language), entry.note)}`;
    });
    const earlier = history.length - HISTORY_ON_CARD;
    if (earlier > 0) lines.unshift(`• ${words.card.earlier(earlier)}`);
    blocks.push(...mrkdwnSections(escapeMrkdwn(lines.join("\n"))));
  }
  return blocks;
}
