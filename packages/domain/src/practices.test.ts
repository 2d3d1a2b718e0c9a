import { describe, expect, it } from "vitest";
import {
  type NewPractice,
  NewPracticeSchema,
  PracticePatchSchema,
  PracticeReferenceSchema,
  PracticeSchema,
} from "./practices.js";
import { fieldErrorsOf, invalidFieldsOf } from "./test/field-errors.js";

function newPractice(overrides: Partial<NewPractice> = {}): NewPractice {
  return {
    id: "community-border-policing-committees",
    title: "Community border policing committees",
    themes: ["community-engagement"],
    summary: "Local committees that bring border officers and nomadic communities together.",
    ...overrides,
  };
}

describe("NewPracticeSchema", () => {
  it("fills in the defaults for every field the client leaves out", () => {
    expect(NewPracticeSchema.parse(newPractice())).toEqual({
      ...newPractice(),
      body: "",
      sourceEventIds: [],
      references: [],
      sample: false,
    });
  });

  it("keeps the values the client gives, trimmed", () => {
    const practice = NewPracticeSchema.parse(
      newPractice({
        title: " Community border policing committees ",
        body: " Longer text. ",
        sourceEventIds: ["2026-03-niamey-regional-workshop"],
        references: [" UNSCR 2396 (2017) "],
        sample: true,
      }),
    );
    expect(practice).toMatchObject({
      title: "Community border policing committees",
      body: "Longer text.",
      sourceEventIds: ["2026-03-niamey-regional-workshop"],
      references: ["UNSCR 2396 (2017)"],
      sample: true,
    });
  });

  it("requires at least one theme", () => {
    expect(fieldErrorsOf(NewPracticeSchema, newPractice({ themes: [] }))).toEqual([
      { field: "themes", message: "must name at least one theme" },
    ]);
  });

  it("rejects a theme outside the taxonomy, naming its position", () => {
    const input = { ...newPractice(), themes: ["biometrics", "astrology"] };
    expect(invalidFieldsOf(NewPracticeSchema, input)).toEqual(["themes.1"]);
  });

  it("rejects a summary of 1001 characters and accepts one of 1000", () => {
    expect(fieldErrorsOf(NewPracticeSchema, newPractice({ summary: "x".repeat(1001) }))).toEqual([
      { field: "summary", message: "must be at most 1000 characters" },
    ]);
    expect(NewPracticeSchema.safeParse(newPractice({ summary: "x".repeat(1000) })).success).toBe(true);
  });

  it.each([
    ["title", "   ", "must contain visible text"],
    ["summary", "", "must contain visible text"],
    ["title", "x".repeat(201), "must be at most 200 characters"],
    ["body", "x".repeat(20_001), "must be at most 20000 characters"],
  ] as const)("rejects %s %#: %s", (field, value, message) => {
    expect(fieldErrorsOf(NewPracticeSchema, newPractice({ [field]: value }))).toEqual([{ field, message }]);
  });

  it("rejects a source event id that is not a slug", () => {
    expect(invalidFieldsOf(NewPracticeSchema, newPractice({ sourceEventIds: ["Niamey Workshop"] }))).toEqual([
      "sourceEventIds.0",
    ]);
  });

  it("rejects an empty reference", () => {
    expect(fieldErrorsOf(NewPracticeSchema, newPractice({ references: ["  "] }))).toEqual([
      { field: "references.0", message: "must contain visible text" },
    ]);
  });

  it("rejects a field it does not know", () => {
    expect(fieldErrorsOf(NewPracticeSchema, { ...newPractice(), author: "me" })).toEqual([
      { field: "author", message: "is not a known field" },
    ]);
  });

  it("rejects an id that is not a slug", () => {
    expect(invalidFieldsOf(NewPracticeSchema, newPractice({ id: "Community Policing" }))).toEqual(["id"]);
  });
});

describe("free text in a practice", () => {
  it.each<[string, Partial<NewPractice>, string]>([
    ["title", { title: "\u200b" }, "must contain visible text"],
    ["summary", { summary: "\n\u2060\n" }, "must contain visible text"],
    ["body", { body: "Step 1\u0000" }, "must not contain control characters"],
    ["references.0", { references: ["UNSCR 2396\u202E"] }, "must not contain control characters"],
    [
      "summary",
      { summary: "\udc00 pairs" },
      "must be well-formed Unicode text (it has an unpaired surrogate)",
    ],
  ])("refuses the %s in %j: %s", (field, overrides, message) => {
    expect(fieldErrorsOf(NewPracticeSchema, newPractice(overrides))).toEqual([{ field, message }]);
  });

  it("keeps the lines of a body", () => {
    expect(NewPracticeSchema.parse(newPractice({ body: "First.\n\nSecond." })).body).toBe(
      "First.\n\nSecond.",
    );
  });
});

describe("PracticeReferenceSchema", () => {
  it("rejects a reference longer than 200 characters", () => {
    expect(PracticeReferenceSchema.safeParse("x".repeat(201)).success).toBe(false);
  });
});

describe("PracticePatchSchema", () => {
  it("rejects an empty patch", () => {
    expect(fieldErrorsOf(PracticePatchSchema, {})).toEqual([
      { field: "(root)", message: "must change at least one field" },
    ]);
  });

  it("changes only the fields sent, without filling in defaults that would overwrite the others", () => {
    expect(PracticePatchSchema.parse({ title: "New title" })).toEqual({ title: "New title" });
  });

  it("rejects a change of id", () => {
    expect(PracticePatchSchema.safeParse({ id: "another-id" }).success).toBe(false);
  });

  it("still requires at least one theme when the themes change", () => {
    expect(invalidFieldsOf(PracticePatchSchema, { themes: [] })).toEqual(["themes"]);
  });
});

describe("PracticeSchema", () => {
  it("reads a stored practice back", () => {
    const practice = {
      ...NewPracticeSchema.parse(newPractice()),
      createdAt: "2026-01-05T09:00:00.000Z",
      updatedAt: "2026-01-05T09:00:00.000Z",
    };
    expect(PracticeSchema.parse(practice)).toEqual(practice);
  });
});
