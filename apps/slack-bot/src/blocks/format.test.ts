import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatPlace, formatRegistration } from "./format.js";

describe("dates", () => {
  it("writes a date with its weekday", () => {
    expect(formatDate("2026-03-03")).toBe("Tuesday 3 March 2026");
  });

  it("shares the month and year of a range within one month", () => {
    expect(formatDateRange("2026-09-14", "2026-09-16")).toBe("Monday 14 – Wednesday 16 September 2026");
  });

  it("spells both months of a range across months, and both years across years", () => {
    expect(formatDateRange("2026-09-28", "2026-10-02")).toBe("Monday 28 September – Friday 2 October 2026");
    expect(formatDateRange("2026-12-30", "2027-01-02")).toBe(
      "Wednesday 30 December 2026 – Saturday 2 January 2027",
    );
  });

  it("writes a one-day event once", () => {
    expect(formatDateRange("2026-02-28", "2026-02-28")).toBe("Saturday 28 February 2026");
  });
});

describe("places and registration", () => {
  it("names the city and country, online, both, or neither", () => {
    expect(formatPlace({ city: "Dakar", country: "SN", online: false })).toBe("Dakar, Senegal");
    expect(formatPlace({ city: null, country: null, online: true })).toBe("Online");
    expect(formatPlace({ city: "Vienna", country: "AT", online: true })).toBe("Vienna, Austria and online");
    expect(formatPlace({ city: null, country: null, online: false })).toBe("Venue to be confirmed");
  });

  it("says until when registration is open", () => {
    expect(formatRegistration({ status: "open", deadline: "2026-09-04" })).toBe(
      "Registration open until Friday 4 September 2026",
    );
    expect(formatRegistration({ status: "invitation_only", deadline: null })).toBe("By invitation only");
  });
});

describe("in French and Spanish", () => {
  it("writes dates and ranges with weekdays as each language does", () => {
    expect(formatDateRange("2026-12-19", "2026-12-20", "fr")).toBe("samedi 19 – dimanche 20 décembre 2026");
    expect(formatDateRange("2026-12-30", "2027-01-02", "fr")).toBe(
      "mercredi 30 décembre 2026 – samedi 2 janvier 2027",
    );
    expect(formatDateRange("2026-12-19", "2026-12-20", "es")).toBe(
      "sábado, 19 de diciembre – domingo, 20 de diciembre de 2026",
    );
    expect(formatDate("2026-03-03", "es")).toBe("martes, 3 de marzo de 2026");
  });

  it("names countries, online and an unknown venue in the answer's language", () => {
    expect(formatPlace({ city: "Dakar", country: "SN", online: false }, "fr")).toBe("Dakar, Sénégal");
    expect(formatPlace({ city: "Viena", country: "AT", online: true }, "es")).toBe(
      "Viena, Austria y en línea",
    );
    expect(formatPlace({ city: null, country: null, online: true }, "fr")).toBe("En ligne");
    expect(formatPlace({ city: null, country: null, online: true }, "es")).toBe("En línea");
    expect(formatPlace({ city: null, country: null, online: false }, "fr")).toBe("Lieu à confirmer");
  });

  it("says how registration stands", () => {
    expect(formatRegistration({ status: "open", deadline: "2026-09-04" }, "fr")).toBe(
      "Inscriptions ouvertes jusqu'au vendredi 4 septembre 2026",
    );
    expect(formatRegistration({ status: "open", deadline: "2026-09-04" }, "es")).toBe(
      "Inscripción abierta hasta el viernes, 4 de septiembre de 2026",
    );
    expect(formatRegistration({ status: "not_open", deadline: null }, "es")).toBe(
      "Inscripción aún no abierta",
    );
  });
});
