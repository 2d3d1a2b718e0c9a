import { describe, expect, it } from "vitest";
import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  type Event,
  EventPatchSchema,
  EventSchema,
  isUpcoming,
  type NewEvent,
  NewEventSchema,
  validateEventRules,
} from "./events.js";
import { issuesToFieldErrors } from "./problem.js";
import { fieldErrorsOf, invalidFieldsOf } from "./test/field-errors.js";

/** The least a client must send to create an event. */
function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: "2026-03-niamey-regional-workshop",
    title: "Regional workshop on border communities",
    kind: "workshop",
    startsOn: "2026-03-10",
    endsOn: "2026-03-12",
    ...overrides,
  };
}

/** An event as the API stores it. */
function storedEvent(overrides: Partial<Event> = {}): Event {
  return {
    ...NewEventSchema.parse(newEvent({ city: "Niamey", country: "NE", timeZone: "Africa/Niamey" })),
    createdAt: "2026-01-05T09:00:00.000Z",
    updatedAt: "2026-01-05T09:00:00.000Z",
    ...overrides,
  };
}

describe("NewEventSchema", () => {
  it("fills in the defaults for every field the client leaves out", () => {
    expect(NewEventSchema.parse(newEvent())).toEqual({
      ...newEvent(),
      status: "planned",
      timeZone: "UTC",
      city: null,
      country: null,
      online: false,
      region: null,
      organizers: [],
      partners: [],
      themes: [],
      summary: "",
      registration: { status: "not_open", deadline: null },
      sourceUrl: null,
      sample: false,
    });
  });

  it("keeps the values the client gives", () => {
    const input = newEvent({
      status: "confirmed",
      timeZone: "Africa/Niamey",
      city: "Niamey",
      country: "NE",
      region: "sahel",
      organizers: ["UNOCT"],
      partners: ["INTERPOL"],
      themes: ["community-engagement", "cross-border-cooperation"],
      summary: "Two days on community border policing.",
      registration: { status: "open", deadline: "2026-03-01" },
      sourceUrl: "https://www.un.org/counterterrorism/bsi",
      sample: true,
    });
    expect(NewEventSchema.parse(input)).toEqual({ ...input, online: false });
  });

  it("trims the title and the summary", () => {
    const event = NewEventSchema.parse(newEvent({ title: "  Vienna seminar  ", summary: " Two days. " }));
    expect(event.title).toBe("Vienna seminar");
    expect(event.summary).toBe("Two days.");
  });

  it("rejects an event that ends before it starts, on endsOn", () => {
    expect(fieldErrorsOf(NewEventSchema, newEvent({ startsOn: "2026-03-12", endsOn: "2026-03-10" }))).toEqual(
      [{ field: "endsOn", message: "must be on or after startsOn" }],
    );
  });

  it("accepts an event that starts and ends on the same day", () => {
    expect(NewEventSchema.safeParse(newEvent({ startsOn: "2026-03-10", endsOn: "2026-03-10" })).success).toBe(
      true,
    );
  });

  it("compares dates across months and years, not as day numbers", () => {
    expect(NewEventSchema.safeParse(newEvent({ startsOn: "2026-12-30", endsOn: "2027-01-02" })).success).toBe(
      true,
    );
    expect(
      invalidFieldsOf(NewEventSchema, newEvent({ startsOn: "2027-01-02", endsOn: "2026-12-30" })),
    ).toEqual(["endsOn"]);
  });

  it.each([
    ["startsOn", "2026-02-30"],
    ["endsOn", "2026-13-45"],
    ["startsOn", "10/03/2026"],
  ] as const)("rejects %s %j, which is not a real date", (field, date) => {
    expect(fieldErrorsOf(NewEventSchema, newEvent({ [field]: date }))).toContainEqual({
      field,
      message: "must be a real date written YYYY-MM-DD",
    });
  });

  it("rejects a registration deadline after the event ends, on registration.deadline", () => {
    const input = newEvent({ registration: { status: "open", deadline: "2026-03-13" } });
    expect(fieldErrorsOf(NewEventSchema, input)).toEqual([
      { field: "registration.deadline", message: "must not be after the event ends" },
    ]);
  });

  it("accepts a registration deadline on the last day of the event", () => {
    const input = newEvent({ registration: { status: "open", deadline: "2026-03-12" } });
    expect(NewEventSchema.safeParse(input).success).toBe(true);
  });

  it("rejects a registration without a status", () => {
    const input = { ...newEvent(), registration: { deadline: null } };
    expect(invalidFieldsOf(NewEventSchema, input)).toEqual(["registration.status"]);
  });

  it("rejects a city without a country for an event held in person, on country", () => {
    expect(fieldErrorsOf(NewEventSchema, newEvent({ city: "Niamey" }))).toEqual([
      { field: "country", message: "is required when a city is given" },
    ]);
  });

  it("accepts a city without a country for an online event", () => {
    expect(NewEventSchema.safeParse(newEvent({ city: "Niamey", online: true })).success).toBe(true);
  });

  it("rejects a field it does not know", () => {
    const errors = fieldErrorsOf(NewEventSchema, { ...newEvent(), venue: "Palais des congrès" });
    expect(errors).toEqual([{ field: "venue", message: "is not a known field" }]);
  });

  it("rejects a field it does not know inside the registration", () => {
    const input = { ...newEvent(), registration: { status: "open", deadline: null, fee: 0 } };
    expect(fieldErrorsOf(NewEventSchema, input)).toEqual([
      { field: "registration.fee", message: "is not a known field" },
    ]);
  });

  it("reports every broken rule at once, so the client can fix them together", () => {
    const input = { ...newEvent({ endsOn: "2026-03-01", city: "Niamey" }), venue: "x" };
    expect(invalidFieldsOf(NewEventSchema, input).sort()).toEqual(["country", "endsOn", "venue"]);
  });

  it.each([
    ["id", "not a slug", "Niamey Workshop"],
    ["title", "blank", "   "],
    ["title", "longer than 200 characters", "x".repeat(201)],
    ["kind", "not a kind of event", "party"],
    ["status", "not a status", "maybe"],
    ["timeZone", "not a time zone", "Africa/Atlantis"],
    ["city", "longer than 100 characters", "x".repeat(101)],
    ["country", "a code in lowercase", "ne"],
    ["country", "not a country", "XX"],
    ["region", "not a region BSI uses", "sub-saharan-africa"],
    ["themes", "not in the taxonomy", ["astrology"]],
    ["summary", "longer than 2000 characters", "x".repeat(2001)],
    ["sourceUrl", "not http(s)", "ftp://example.org/agenda.pdf"],
    ["sourceUrl", "not http(s)", "javascript:alert(1)"],
    ["sourceUrl", "not a URL", "not a url"],
    ["online", "not a boolean", "yes"],
  ] as const)("rejects a %s that is %s", (field, _why, value) => {
    const fields = invalidFieldsOf(NewEventSchema, { ...newEvent(), country: "NE", [field]: value });
    expect(fields.map((invalid) => invalid.split(".")[0])).toContain(field);
  });

  it("rejects more than 20 organizers", () => {
    const organizers = Array.from({ length: 21 }, (_, index) => `Organizer ${index}`);
    expect(invalidFieldsOf(NewEventSchema, newEvent({ organizers }))).toEqual(["organizers"]);
  });

  it("rejects an empty organizer name, naming its position", () => {
    expect(invalidFieldsOf(NewEventSchema, newEvent({ organizers: ["UNOCT", " "] }))).toEqual([
      "organizers.1",
    ]);
  });

  it("lists the kinds when it rejects one", () => {
    expect(fieldErrorsOf(NewEventSchema, newEvent({ kind: "party" as NewEvent["kind"] }))).toEqual([
      { field: "kind", message: `must be one of: ${EVENT_KINDS.join(", ")}` },
    ]);
  });

  it("accepts an http source URL as well as https", () => {
    expect(NewEventSchema.safeParse(newEvent({ sourceUrl: "http://example.org/agenda" })).success).toBe(true);
  });
});

describe("free text in an event", () => {
  it.each<[string, Partial<NewEvent>, string]>([
    ["title", { title: "\u200b\u2060" }, "must contain visible text"],
    ["city", { city: "\u3164", country: "NE" }, "must contain visible text"],
    ["organizers.0", { organizers: ["UNCCT\u202E"] }, "must not contain control characters"],
    ["partners.0", { partners: ["GCTF\u0000"] }, "must not contain control characters"],
    ["summary", { summary: "Two days\u001b" }, "must not contain control characters"],
    [
      "title",
      { title: "Workshop \ud83d" },
      "must be well-formed Unicode text (it has an unpaired surrogate)",
    ],
    [
      "sourceUrl",
      { sourceUrl: "https://www.un.org/\ud83d" },
      "must be well-formed Unicode text (it has an unpaired surrogate)",
    ],
  ])("refuses the %s in %j: %s", (field, overrides, message) => {
    expect(fieldErrorsOf(NewEventSchema, newEvent(overrides))).toEqual([{ field, message }]);
  });

  it("keeps the lines of a summary and trims invisible characters around the title", () => {
    const event = NewEventSchema.parse(
      newEvent({ title: "\u200bBorder workshop\ufeff", summary: "Day 1\nDay 2" }),
    );
    expect(event.title).toBe("Border workshop");
    expect(event.summary).toBe("Day 1\nDay 2");
  });

  it("applies the same text rules to a patch", () => {
    expect(fieldErrorsOf(EventPatchSchema, { title: "\u200b" })).toEqual([
      { field: "title", message: "must contain visible text" },
    ]);
  });
});

describe("EVENT_KIND_LABELS", () => {
  it("labels every kind", () => {
    expect(Object.keys(EVENT_KIND_LABELS).sort()).toEqual([...EVENT_KINDS].sort());
  });
});

describe("EventPatchSchema", () => {
  it("rejects an empty patch", () => {
    expect(fieldErrorsOf(EventPatchSchema, {})).toEqual([
      { field: "(root)", message: "must change at least one field" },
    ]);
  });

  it("changes only the fields sent, without filling in defaults that would overwrite the others", () => {
    expect(EventPatchSchema.parse({ title: "New title" })).toEqual({ title: "New title" });
    expect(EventPatchSchema.parse({ summary: "Moved online." })).toEqual({ summary: "Moved online." });
  });

  it("accepts a patch that sets a field to null", () => {
    expect(EventPatchSchema.parse({ city: null, country: null })).toEqual({ city: null, country: null });
  });

  it("rejects a change of id", () => {
    expect(fieldErrorsOf(EventPatchSchema, { id: "another-id" })).toContainEqual({
      field: "id",
      message: "is not a known field",
    });
  });

  it("rejects a field it does not know", () => {
    expect(EventPatchSchema.safeParse({ title: "x", venue: "y" }).success).toBe(false);
  });

  it.each([
    ["startsOn", "2026-02-30"],
    ["timeZone", "Africa/Atlantis"],
    ["status", "maybe"],
    ["registration", { status: "open" }],
  ] as const)("checks %s like a new event does", (field, value) => {
    expect(invalidFieldsOf(EventPatchSchema, { [field]: value })[0]?.split(".")[0]).toBe(field);
  });
});

describe("validateEventRules", () => {
  it("finds nothing wrong with a stored event that keeps the rules", () => {
    expect(validateEventRules(storedEvent())).toEqual([]);
  });

  it("finds an end date moved before the start", () => {
    expect(issuesToFieldErrors(validateEventRules(storedEvent({ endsOn: "2026-03-01" })))).toEqual([
      { field: "endsOn", message: "must be on or after startsOn" },
    ]);
  });

  it("finds an end date moved before the registration deadline", () => {
    const event = storedEvent({
      registration: { status: "open", deadline: "2026-03-05" },
      endsOn: "2026-03-04",
    });
    expect(issuesToFieldErrors(validateEventRules(event)).map((error) => error.field)).toContain(
      "registration.deadline",
    );
  });

  it("finds a country removed from an event that still has a city", () => {
    expect(issuesToFieldErrors(validateEventRules(storedEvent({ country: null })))).toEqual([
      { field: "country", message: "is required when a city is given" },
    ]);
  });
});

describe("EventSchema", () => {
  it("reads a stored event back", () => {
    const event = storedEvent();
    expect(EventSchema.parse(event)).toEqual(event);
  });
});

describe("isUpcoming", () => {
  it("counts an event that ends today as upcoming", () => {
    expect(isUpcoming({ endsOn: "2026-03-12" }, "2026-03-12")).toBe(true);
  });

  it("counts an event that has started but not ended as upcoming", () => {
    expect(isUpcoming(storedEvent({ startsOn: "2026-03-10", endsOn: "2026-03-12" }), "2026-03-11")).toBe(
      true,
    );
  });

  it("does not count an event that ended yesterday", () => {
    expect(isUpcoming({ endsOn: "2026-03-11" }, "2026-03-12")).toBe(false);
  });

  it("compares across a year boundary", () => {
    expect(isUpcoming({ endsOn: "2027-01-02" }, "2026-12-31")).toBe(true);
    expect(isUpcoming({ endsOn: "2026-12-31" }, "2027-01-02")).toBe(false);
  });
});
