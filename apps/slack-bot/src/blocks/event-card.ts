import type { Event } from "@bsi/domain";
import { button, context } from "./elements.js";
import { formatDateRange, formatKind, formatPlace, formatRegistration, formatThemes } from "./format.js";
import { ACTION_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock, SectionBlock } from "./types.js";

const SUMMARY_ON_CARD = 300;

/** The iCalendar link the API serves for one event. */
export function calendarUrl(apiUrl: string, eventId: string): string {
  return `${apiUrl}/v1/events/${encodeURIComponent(eventId)}.ics`;
}

/** The visible mark on anything from the sample programme. */
export const SAMPLE_MARK = "*Sample* — illustrative data, not a real BSI record";

/**
 * An event as a card: title, kind and dates with weekdays, place, summary, an "Add to calendar"
 * link, and a context line with themes, registration and the sample mark.
 */
export function renderEventCard(event: Event, options: { apiUrl: string }): KnownBlock[] {
  const statusNote =
    event.status === "cancelled" ? " — *Cancelled*" : event.status === "postponed" ? " — *Postponed*" : "";
  const lines = [
    `*${escapeMrkdwn(event.title)}*${statusNote}`,
    `${escapeMrkdwn(formatKind(event.kind))} · ${formatDateRange(event.startsOn, event.endsOn)}`,
    escapeMrkdwn(formatPlace(event)),
  ];
  const summary = event.summary.trim();
  let text = lines.join("\n");
  if (summary) {
    const withSummary = `${text}\n${escapeAndTruncate(summary, SUMMARY_ON_CARD)}`;
    if (withSummary.length <= SLACK_LIMITS.sectionText) text = withSummary;
  }
  const section: SectionBlock = {
    type: "section",
    text: { type: "mrkdwn", text: text.slice(0, SLACK_LIMITS.sectionText) },
    accessory: button({
      text: "Add to calendar",
      actionId: ACTION_IDS.addToCalendar,
      value: event.id.slice(0, SLACK_LIMITS.buttonValue),
      url: calendarUrl(options.apiUrl, event.id),
    }),
  };
  const details: string[] = [];
  if (event.sample) details.push(SAMPLE_MARK);
  if (event.themes.length > 0) details.push(`Themes: ${escapeAndTruncate(formatThemes(event.themes), 1000)}`);
  details.push(escapeMrkdwn(formatRegistration(event.registration)));
  return [section, context(details)];
}
