/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function parseIso(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function shiftDays(date: string, days: number): string {
  const { year, month, day } = parseIso(date);
  return isoDate(year, month, day + days);
}

export function monthRange(year: number, month: number): { from: string; to: string } {
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

export function monthsRange(
  year: number,
  firstMonth: number,
  lastMonth: number,
): { from: string; to: string } {
  return { from: isoDate(year, firstMonth, 1), to: isoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

export function yearRange(year: number): { from: string; to: string } {
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

/** Adds calendar months; the day is clamped to the target month's length (31 Jan + 1 month = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIso(date);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const targetYear = target.getUTCFullYear();
  const targetMonth = target.getUTCMonth() + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Monday of the ISO week that holds `date`. */
export function startOfWeek(date: string): string {
  const { year, month, day } = parseIso(date);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return shiftDays(date, -weekday);
}

/** True when the range covers exactly whole calendar months (for wording: "in March 2027"). */
export function isWholeMonths(range: { from: string; to: string }): boolean {
  const from = parseIso(range.from);
  const to = parseIso(range.to);
  return from.day === 1 && to.day === daysInMonth(to.year, to.month);
}
