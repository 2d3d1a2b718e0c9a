import { countryName, isCountryCode, REQUEST_TYPE_LABELS, type Request } from "@bsi/domain";
import { context } from "./elements.js";
import { formatDate, formatRequestStatus } from "./format.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock } from "./types.js";

/** A request as a short card: reference, status, summary, then type, Member State and date filed. */
export function renderRequestCard(request: Request, options: { withHistory?: boolean } = {}): KnownBlock[] {
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
  if (options.withHistory && request.history && request.history.length > 0) {
    const lines = request.history
      .slice(-5)
      .map((entry) => {
        const day = entry.at.slice(0, 10);
        const when = /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day) : entry.at;
        const note = entry.note ? ` — ${entry.note}` : "";
        return `• ${when}: ${formatRequestStatus(entry.to)}${note}`;
      })
      .join("\n");
    blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeAndTruncate(lines, 3000) } });
  }
  return blocks;
}
