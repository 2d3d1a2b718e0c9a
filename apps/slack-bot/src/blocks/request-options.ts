import { type Event, searchCountries } from "@bsi/domain";
import { formatDate } from "./format.js";
import { SLACK_LIMITS } from "./limits.js";
import { truncateText } from "./mrkdwn.js";
import type { PlainTextOption } from "./types.js";
import { type Language, LOCALES } from "./words.js";

function option(text: string, value: string): PlainTextOption {
  return { text: { type: "plain_text", text: truncateText(text, SLACK_LIMITS.optionText) }, value };
}

/** The other name an option shows a country by: French beside English, English beside the others. */
const SECOND_NAME: Record<Language, Language> = { en: "fr", fr: "en", es: "en" };

/**
 * Member State options for what the user typed: every country whose code or name in English or
 * French (or another UN language the domain knows) matches, best first, at most Slack's 100. Each
 * reads in the reader's language with a second name when it differs: "Germany (Allemagne)",
 * "Allemagne (Germany)", "Alemania (Germany)".
 */
export function countryOptions(typed: string, language: Language = "en"): PlainTextOption[] {
  return searchCountries(typed, SLACK_LIMITS.optionsPerSelect).map((country) => {
    const name = country.names[language] || country.names.en;
    const second = country.names[SECOND_NAME[language]];
    return option(second && second !== name ? `${name} (${second})` : name, country.code);
  });
}

const shortDateFormats = new Map<Language, Intl.DateTimeFormat>();

/** "14 Sep 2026", "14 sept. 2026", "14 sept 2026" from "2026-09-14" (formatDate gives it whole). */
function shortDate(date: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (language === "en") {
    const [, day = "", month = "", year = ""] = formatDate(date).split(" ");
    return `${day} ${month.slice(0, 3)} ${year}`;
  }
  let format = shortDateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    shortDateFormats.set(language, format);
  }
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}

/** Upcoming events as options: the date first (it tells events apart), then the title, cut to fit. */
export function eventOptions(events: readonly Event[], language: Language = "en"): PlainTextOption[] {
  return events
    .slice(0, SLACK_LIMITS.optionsPerSelect)
    .filter((event) => event.id.length <= SLACK_LIMITS.optionValue)
    .map((event) => option(`${shortDate(event.startsOn, language)} · ${event.title}`, event.id));
}
