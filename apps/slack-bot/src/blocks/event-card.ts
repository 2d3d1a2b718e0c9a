import type { Event } from "@bsi/domain";
import { button, context } from "./elements.js";
import { formatDateRange, formatKind, formatPlace, formatRegistration, formatThemes } from "./format.js";
import { ACTION_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock, SectionBlock } from "./types.js";
import { genderOf, type Language, WORDS } from "./words.js";

const SUMMARY_ON_CARD = 300;
/**
 * A card is read at a glance: an event may name 20 organizers and 50 partners of 120 characters
 * each, so the card names the first three of each ("and N more") in at most 300 characters a line;
 * the full lists are in the API.
 */
const NAMES_ON_CARD = 3;
const NAMES_TEXT = 300;

/** The iCalendar link the API serves for one event. */
export function calendarUrl(apiUrl: string, eventId: string): string {
  return `${apiUrl}/v1/events/${encodeURIComponent(eventId)}.ics`;
}

/** "Organised by UNCCT, GCTF", "En partenariat avec OIM …", escaped; undefined when none are known. */
function namesLine(lead: string, names: readonly string[], language: Language): string | undefined {
  const known = names.map((name) => name.trim()).filter(Boolean);
  if (known.length === 0) return undefined;
  const hidden = known.length - NAMES_ON_CARD;
  const more = hidden > 0 ? WORDS[language].andMore(hidden) : "";
  const prefix = `${lead} `;
  const shown = known.slice(0, NAMES_ON_CARD).join(", ");
  return `${prefix}${escapeAndTruncate(shown, NAMES_TEXT - prefix.length - more.length)}${more}`;
}

/**
 * An event as a card in the answer's language: title, kind and dates with weekdays, place,
 * organizers, partners, summary, an "Add to calendar" link, and a context line with the sample
 * mark, themes and registration. Titles and summaries are shown as the catalogue has them.
 */
export function renderEventCard(
  event: Event,
  options: { apiUrl: string; language?: Language },
): KnownBlock[] {
  const language = options.language ?? "en";
  const words = WORDS[language];
  const gender = genderOf(event.kind, language);
  const statusNote =
    event.status === "cancelled"
      ? ` — *${words.cancelled[gender]}*`
      : event.status === "postponed"
        ? ` — *${words.postponed[gender]}*`
        : "";
  const lines = [
    `*${escapeMrkdwn(event.title)}*${statusNote}`,
    `${escapeMrkdwn(formatKind(event.kind, language))} · ${formatDateRange(event.startsOn, event.endsOn, language)}`,
    escapeMrkdwn(formatPlace(event, language)),
  ];
  const organizers = namesLine(words.organisedBy[gender], event.organizers, language);
  if (organizers) lines.push(organizers);
  const partners = namesLine(words.inPartnershipWith, event.partners, language);
  if (partners) lines.push(partners);
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
      text: words.addToCalendar,
      actionId: ACTION_IDS.addToCalendar,
      value: event.id.slice(0, SLACK_LIMITS.buttonValue),
      url: calendarUrl(options.apiUrl, event.id),
    }),
  };
  const details: string[] = [];
  if (event.sample) details.push(words.sampleMark);
  if (event.themes.length > 0) {
    details.push(words.themes(escapeAndTruncate(formatThemes(event.themes, language), 1000)));
  }
  details.push(escapeMrkdwn(formatRegistration(event.registration, language)));
  return [section, context(details)];
}
