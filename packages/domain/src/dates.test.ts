import { describe, expect, it } from "vitest";
import {
  addDays,
  IsoDateSchema,
  isIsoDate,
  isTimeZone,
  TimeZoneSchema,
  todayIn,
  weekdayOf,
} from "./dates.js";

describe("isIsoDate", () => {
  it.each(["2026-03-15", "2026-01-01", "2026-12-31", "1999-06-30"])("accepts the real date %s", (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    ["2026-02-30", "February never has 30 days"],
    ["2026-13-45", "there is no month 13"],
    ["2026-00-10", "there is no month 0"],
    ["2026-04-31", "April has 30 days"],
    ["2026-06-00", "there is no day 0"],
    ["2026-01-32", "January has 31 days"],
  ])("rejects %s because %s", (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it.each([
    ["2024-02-29", "divisible by 4"],
    ["2028-02-29", "divisible by 4"],
    ["2000-02-29", "divisible by 400"],
  ])("accepts 29 February in the leap year %s (%s)", (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    ["2026-02-29", "not divisible by 4"],
    ["2100-02-29", "a century not divisible by 400"],
    ["1900-02-29", "a century not divisible by 400"],
  ])("rejects 29 February in the common year %s (%s)", (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it.each([
    "2026-3-15",
    "26-03-15",
    "15/03/2026",
    "2026/03/15",
    "2026-03-15T00:00:00Z",
    " 2026-03-15",
    "2026-03-15 ",
    "",
    "March 15, 2026",
  ])("rejects %j, which is not written YYYY-MM-DD", (text) => {
    expect(isIsoDate(text)).toBe(false);
  });
});

describe("IsoDateSchema", () => {
  it("passes a real date through unchanged", () => {
    expect(IsoDateSchema.parse("2027-03-15")).toBe("2027-03-15");
  });

  it("says what a date must look like when it rejects one", () => {
    const result = IsoDateSchema.safeParse("2026-02-30");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must be a real date written YYYY-MM-DD");
  });
});

describe("isTimeZone", () => {
  it.each(["Africa/Dakar", "Africa/Nouakchott", "America/New_York", "Asia/Tokyo", "Europe/Vienna", "UTC"])(
    "accepts the IANA time zone %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
    },
  );

  it.each(["Africa/Atlantis", "Mars/Olympus_Mons", "Dakar", "not a zone", "Africa/Dakar "])(
    "rejects %j, which names no time zone",
    (zone) => {
      expect(isTimeZone(zone)).toBe(false);
    },
  );

  it("rejects an empty string", () => {
    expect(isTimeZone("")).toBe(false);
  });

  it("rejects anything longer than 64 characters without asking the runtime", () => {
    expect(isTimeZone(`Africa/${"A".repeat(58)}`)).toBe(false);
  });
});

describe("TimeZoneSchema", () => {
  it("gives an example of a time zone when it rejects one", () => {
    const result = TimeZoneSchema.safeParse("Africa/Atlantis");
    expect(result.error?.issues[0]?.message).toBe("must be an IANA time zone such as Africa/Dakar");
  });
});

describe("todayIn", () => {
  const lateEveningInUtc = new Date("2026-03-15T23:30:00Z");

  it("gives the UTC date in UTC", () => {
    expect(todayIn("UTC", lateEveningInUtc)).toBe("2026-03-15");
  });

  it("is already tomorrow in a zone east of UTC", () => {
    expect(todayIn("Asia/Tokyo", lateEveningInUtc)).toBe("2026-03-16");
  });

  it("is still today in a zone west of UTC", () => {
    expect(todayIn("America/Los_Angeles", lateEveningInUtc)).toBe("2026-03-15");
  });

  it("is yesterday west of UTC shortly after midnight UTC", () => {
    expect(todayIn("America/New_York", new Date("2026-03-16T02:00:00Z"))).toBe("2026-03-15");
  });

  it("matches UTC in Dakar, which keeps UTC all year", () => {
    expect(todayIn("Africa/Dakar", lateEveningInUtc)).toBe("2026-03-15");
  });

  it("crosses into the new year first at UTC+14", () => {
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-31T10:30:00Z"))).toBe("2027-01-01");
    expect(todayIn("UTC", new Date("2026-12-31T10:30:00Z"))).toBe("2026-12-31");
  });

  it("always answers with a valid ISO date", () => {
    expect(isIsoDate(todayIn("Africa/Nairobi"))).toBe(true);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-03-15", 1, "2026-03-16"],
    ["2026-03-15", 0, "2026-03-15"],
    ["2026-03-31", 1, "2026-04-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-02-29", 365, "2029-02-28"],
    ["2026-03-15", -30, "2026-02-13"],
  ])("moves %s by %i days to %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("is unaffected by the day daylight saving time starts in Europe", () => {
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
  });
});

describe("weekdayOf", () => {
  it("names the weekday in English", () => {
    expect(weekdayOf("2026-03-15")).toBe("Sunday");
    expect(weekdayOf("2026-03-16")).toBe("Monday");
  });

  it("names the weekday in another language when asked", () => {
    expect(weekdayOf("2026-03-15", "fr")).toBe("dimanche");
    expect(weekdayOf("2026-03-15", "es")).toBe("domingo");
  });

  it("knows leap days", () => {
    expect(weekdayOf("2028-02-29")).toBe("Tuesday");
  });
});
