import { countryName, EVENT_KIND_LABELS, type Event } from "@bsi/domain";
import ical, { ICalEventStatus } from "ical-generator";

const STATUS: Partial<Record<Event["status"], ICalEventStatus>> = {
  planned: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
};

/**
 * A date-only value for ical-generator. All-day events are written as VALUE=DATE, which calendars
 * show on the same calendar days wherever the reader is; the library formats a Date in the
 * process's local time, so the Date is built in local time too (never shifted by the server's zone).
 */
function localDate(isoDate: string, addDays = 0): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day + addDays);
}

export function placeOf(event: Event): string {
  if (event.online && !event.city) return "Online";
  const parts = [event.city, event.country ? countryName(event.country) : null].filter(Boolean);
  return parts.join(", ") + (event.online ? " (and online)" : "");
}

/** An RFC 5545 calendar with one all-day VEVENT per event (DTEND is the day after the last day). */
export function renderCalendar(events: readonly Event[], options: { name: string; baseUrl: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "UNOCT Border Security Initiative", product: "BSI Desk", language: "EN" },
  });
  for (const event of events) {
    const sample = event.sample ? "[Sample] " : "";
    const lines = [
      `${EVENT_KIND_LABELS[event.kind]} · ${event.status}`,
      event.summary,
      event.organizers.length ? `Organizers: ${event.organizers.join(", ")}` : "",
      event.sample ? "This is sample data, not a real BSI event." : "",
      event.sourceUrl ? `Source: ${event.sourceUrl}` : "",
    ].filter(Boolean);
    calendar.createEvent({
      id: `${event.id}@bsi-desk`,
      start: localDate(event.startsOn),
      end: localDate(event.endsOn, 1),
      allDay: true,
      summary: `${sample}${event.title}`,
      description: lines.join("\n"),
      location: placeOf(event) || null,
      url: `${options.baseUrl}/v1/events/${event.id}`,
      status: STATUS[event.status] ?? null,
      stamp: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      lastModified: new Date(event.updatedAt),
      categories: [{ name: EVENT_KIND_LABELS[event.kind] }],
    });
  }
  return calendar.toString();
}
