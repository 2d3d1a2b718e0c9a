import {
  countryName,
  EVENT_KIND_LABELS,
  type Event,
  getTheme,
  isThemeCode,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  weekdayOf,
} from "@bsi/domain";

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

/** "Monday 14 September 2026". */
export function formatDate(date: string): string {
  const { year, month, day } = parts(date);
  return `${weekdayOf(date)} ${day} ${month} ${year}`;
}

/**
 * A date range with weekdays, sharing what the two ends share:
 * "Monday 14 – Wednesday 16 September 2026", "Monday 28 September – Friday 2 October 2026".
 */
export function formatDateRange(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return formatDate(startsOn);
  const start = parts(startsOn);
  const end = parts(endsOn);
  const startWeekday = weekdayOf(startsOn);
  if (start.year !== end.year) return `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
  if (start.month !== end.month) {
    return `${startWeekday} ${start.day} ${start.month} – ${formatDate(endsOn)}`;
  }
  return `${startWeekday} ${start.day} – ${formatDate(endsOn)}`;
}

/** "Dakar, Senegal", "Online", "Vienna, Austria and online", "Venue to be confirmed". */
export function formatPlace(event: Pick<Event, "city" | "country" | "online">): string {
  const country = event.country ? countryName(event.country) : null;
  const place = [event.city, country].filter(Boolean).join(", ");
  if (place && event.online) return `${place} and online`;
  if (place) return place;
  if (event.online) return "Online";
  return "Venue to be confirmed";
}

export function formatKind(kind: Event["kind"]): string {
  return EVENT_KIND_LABELS[kind] ?? kind;
}

/** Theme labels for codes; unknown codes (a newer API) are shown as sent. */
export function formatThemes(codes: readonly string[]): string {
  return codes.map((code) => (isThemeCode(code) ? getTheme(code).label : code)).join(", ");
}

export function formatRegistration(registration: Event["registration"]): string {
  switch (registration.status) {
    case "open":
      return registration.deadline
        ? `Registration open until ${formatDate(registration.deadline)}`
        : "Registration open";
    case "closed":
      return "Registration closed";
    case "invitation_only":
      return "By invitation only";
    default:
      return "Registration not open yet";
  }
}

export function formatRequestStatus(status: string): string {
  return REQUEST_STATUS_LABELS[status as RequestStatus] ?? status;
}
