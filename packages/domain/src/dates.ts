import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "must be a real date written YYYY-MM-DD" })
  .meta({ description: "Calendar date, YYYY-MM-DD", example: "2027-03-15" });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** True when `value` names an IANA time zone this runtime knows (`Africa/Dakar`, `UTC`). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, { message: "must be an IANA time zone such as Africa/Dakar" })
  .meta({ description: "IANA time zone", example: "Africa/Dakar" });

/** Today's date (YYYY-MM-DD) as seen in `timeZone`. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  if (timeZone === "UTC") return now.toISOString().slice(0, 10);
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // Building a formatter costs far more than using one; keep one per zone.
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Adds whole days to an ISO date, in UTC calendar arithmetic. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday name for an ISO date, in English unless another locale is given ("Monday", "lundi"). */
export function weekdayOf(date: IsoDate, locale = "en"): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  let formatter = weekdayFormatters.get(locale);
  if (!formatter) {
    // Building a formatter costs far more than using one; answers name many dates.
    formatter = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    weekdayFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(Date.UTC(year, month - 1, day)));
}
