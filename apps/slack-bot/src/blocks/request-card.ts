import { countryName, isCountryCode, REQUEST_TYPE_LABELS, type Request } from "@bsi/domain";
import { context, mrkdwnSections } from "./elements.js";
import { formatDate, formatRequestStatus } from "./format.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock } from "./types.js";

/** Moves shown with a request's history; earlier ones are counted. */
const HISTORY_ON_CARD = 5;

/** "Requester: Alice Ndiaye · Ministry of the Interior · alice@example.org", escaped and bounded. */
function requesterLine(request: Request): string {
  const { name, organization, email } = request.requester;
  return `Requester: ${escapeAndTruncate([name, organization, email].filter(Boolean).join(" · "), 700)}`;
}

/**
 * A request as a short card: reference, status, summary, then type, Member State and date filed;
 * with `withHistory`, its last five moves with their notes whole; with `withRequester`, who filed
 * it and how to reach them (for triagers, in private replies: a public triage card leaves it out).
 */
export function renderRequestCard(
  request: Request,
  options: { withHistory?: boolean; withRequester?: boolean } = {},
): KnownBlock[] {
  const memberState = isCountryCode(request.memberState)
    ? countryName(request.memberState)
    : request.memberState;
  const filedOn = request.createdAt.slice(0, 10);
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${escapeMrkdwn(request.reference)}* · ${escapeMrkdwn(formatRequestStatus(request.status))}\n${escapeAndTruncate(request.summary, 500)}`,
      },
    },
    context(
      [
        escapeMrkdwn(REQUEST_TYPE_LABELS[request.type] ?? request.type),
        escapeMrkdwn(memberState),
        /^\d{4}-\d{2}-\d{2}$/.test(filedOn) ? `Filed ${formatDate(filedOn)}` : "",
      ].filter(Boolean),
    ),
  ];
  if (options.withRequester) blocks.push(context([requesterLine(request)]));
  const history = options.withHistory ? (request.history ?? []) : [];
  if (history.length > 0) {
    const lines = history.slice(-HISTORY_ON_CARD).map((entry) => {
      const day = entry.at.slice(0, 10);
      const when = /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day) : entry.at;
      const note = entry.note ? ` — ${entry.note}` : "";
      return `• ${when}: ${formatRequestStatus(entry.to)}${note}`;
    });
    const earlier = history.length - HISTORY_ON_CARD;
    if (earlier > 0) lines.unshift(`• … and ${earlier} earlier`);
    blocks.push(...mrkdwnSections(escapeMrkdwn(lines.join("\n"))));
  }
  return blocks;
}
