import {
  countryName,
  type Event,
  getTheme,
  isThemeCode,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  weekdayOf,
} from "@bsi/domain";
import { type Language, LOCALES, WORDS } from "./words.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function parts(date: string): { year: string; month: string; day: number } {
  const [year = "", month = "1", day = "1"] = date.split("-");
  return { year, month: MONTHS[Number(month) - 1] ?? month, day: Number(day) };
}

/** "Monday 14 September 2026", "lundi 14 septembre 2026", "lunes, 14 de septiembre de 2026". */
export function formatDate(date: string, language: Language = "en"): string {
  if (language !== "en") return localDateFormat(language).format(utcDate(date));
  const { year, month, day } = parts(date);
  return `${weekdayOf(date)} ${day} ${month} ${year}`;
}

/**
 * A date range with weekdays, sharing what the two ends share:
 * "Monday 14 – Wednesday 16 September 2026", "Monday 28 September – Friday 2 October 2026",
 * "samedi 19 – dimanche 20 décembre 2026" (French and Spanish as Intl writes them).
 */
export function formatDateRange(startsOn: string, endsOn: string, language: Language = "en"): string {
  if (startsOn === endsOn) return formatDate(startsOn, language);
  if (language !== "en") {
    // Intl puts thin spaces around the dash; plain ones read the same and match the English cards.
    return localDateFormat(language)
      .formatRange(utcDate(startsOn), utcDate(endsOn))
      .replace(/\s*–\s*/gu, " – ");
  }
  const start = parts(startsOn);
  const end = parts(endsOn);
  const startWeekday = weekdayOf(startsOn);
  if (start.year !== end.year) return `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
  if (start.month !== end.month) {
    return `${startWeekday} ${start.day} ${start.month} – ${formatDate(endsOn)}`;
  }
  return `${startWeekday} ${start.day} – ${formatDate(endsOn)}`;
}

const localDateFormats = new Map<Language, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one: one per language. */
function localDateFormat(language: Language): Intl.DateTimeFormat {
  let format = localDateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    localDateFormats.set(language, format);
  }
  return format;
}

function utcDate(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** "Dakar, Senegal", "Online", "Vienna, Austria and online", "Venue to be confirmed"; in French, "Dakar, Sénégal"… */
export function formatPlace(
  event: Pick<Event, "city" | "country" | "online">,
  language: Language = "en",
): string {
  const words = WORDS[language];
  const country = event.country ? countryName(event.country, language) : null;
  const place = [event.city, country].filter(Boolean).join(", ");
  if (place && event.online) return words.placeAndOnline(place);
  if (place) return place;
  if (event.online) return words.online;
  return words.venueToBeConfirmed;
}

export function formatKind(kind: Event["kind"], language: Language = "en"): string {
  return WORDS[language].kinds[kind] ?? kind;
}

/** Theme labels for codes; unknown codes (a newer API) are shown as sent. */
export function formatThemes(codes: readonly string[], language: Language = "en"): string {
  return codes
    .map((code) => {
      if (!isThemeCode(code)) return code;
      const theme = getTheme(code);
      return language === "en" ? theme.label : theme.labels[language];
    })
    .join(", ");
}

export function formatRegistration(registration: Event["registration"], language: Language = "en"): string {
  const words = WORDS[language];
  switch (registration.status) {
    case "open":
      return registration.deadline
        ? words.registrationOpenUntil(formatDate(registration.deadline, language))
        : words.registrationOpen;
    case "closed":
      return words.registrationClosed;
    case "invitation_only":
      return words.invitationOnly;
    default:
      return words.registrationNotOpen;
  }
}

export function formatRequestStatus(status: string): string {
  return REQUEST_STATUS_LABELS[status as RequestStatus] ?? status;
}
