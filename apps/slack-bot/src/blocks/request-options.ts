import { type Event, searchCountries } from "@bsi/domain";
import { formatDate } from "./format.js";
import { SLACK_LIMITS } from "./limits.js";
import { truncateText } from "./mrkdwn.js";
import type { PlainTextOption } from "./types.js";

function option(text: string, value: string): PlainTextOption {
  return { text: { type: "plain_text", text: truncateText(text, SLACK_LIMITS.optionText) }, value };
}

/**
 * Member State options for what the user typed: every country whose code or name in English or
 * French (or another UN language the domain knows) matches, best first, at most Slack's 100. Each
 * reads "Germany (Allemagne)" when the French name differs.
 */
export function countryOptions(typed: string): PlainTextOption[] {
  return searchCountries(typed, SLACK_LIMITS.optionsPerSelect).map((country) => {
    const { en, fr } = country.names;
    return option(fr && fr !== en ? `${en} (${fr})` : en, country.code);
  });
}

/** "14 Sep 2026" from "2026-09-14" (formatDate gives "Monday 14 September 2026"). */
function shortDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const [, day = "", month = "", year = ""] = formatDate(date).split(" ");
  return `${day} ${month.slice(0, 3)} ${year}`;
}

/** Upcoming events as options: the date first (it tells events apart), then the title, cut to fit. */
export function eventOptions(events: readonly Event[]): PlainTextOption[] {
  return events
    .slice(0, SLACK_LIMITS.optionsPerSelect)
    .filter((event) => event.id.length <= SLACK_LIMITS.optionValue)
    .map((event) => option(`${shortDate(event.startsOn)} · ${event.title}`, event.id));
}
