import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRuleIssue } from "./problem.js";
import {
  ALLOWED_TRANSITIONS,
  FINAL_STATUSES,
  findReference,
  formatReference,
  isFinalStatus,
  type NewRequest,
  NewRequestSchema,
  parseReference,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  RequesterSchema,
  RequestPatchSchema,
  RequestReferenceSchema,
  RequestSchema,
  type RequestStatus,
  TransitionRequestSchema,
  transition,
} from "./requests.js";
import { fieldErrorsOf, invalidFieldsOf } from "./test/field-errors.js";

/** The least a client must send to file a request. */
function newRequest(overrides: Partial<NewRequest> = {}): NewRequest {
  return {
    type: "technical_assistance",
    memberState: "SN",
    summary: "Support drafting a national border management strategy",
    requester: { name: "Aminata Diallo" },
    ...overrides,
  };
}

describe("NewRequestSchema", () => {
  it("fills in the defaults for every field the client leaves out", () => {
    expect(NewRequestSchema.parse(newRequest())).toEqual({
      ...newRequest(),
      agency: null,
      themes: [],
      relatedEventId: null,
      details: "",
      priority: "normal",
      source: "api",
      requester: {
        name: "Aminata Diallo",
        email: null,
        organization: null,
        slackUserId: null,
        slackTeamId: null,
      },
    });
  });

  it("keeps the values the client gives", () => {
    const input = newRequest({
      type: "training",
      memberState: "MR",
      agency: "Direction de la Sûreté",
      themes: ["biometrics", "international-databases"],
      relatedEventId: "2026-03-niamey-regional-workshop",
      details: "Twenty officers at Nouakchott airport.",
      priority: "high",
      source: "slack",
      requester: {
        name: "Aminata Diallo",
        email: "a.diallo@example.org",
        organization: "Ministry of the Interior",
        slackUserId: "U012ABCDEF",
        slackTeamId: "T012ABCDEF",
      },
    });
    expect(NewRequestSchema.parse(input)).toEqual(input);
  });

  it("rejects a workshop participation request without relatedEventId, on relatedEventId", () => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ type: "workshop_participation" }))).toEqual([
      {
        field: "relatedEventId",
        message: "is required for a workshop participation request: name the event",
      },
    ]);
  });

  it("rejects a workshop participation request whose relatedEventId is null", () => {
    const input = newRequest({ type: "workshop_participation", relatedEventId: null });
    expect(invalidFieldsOf(NewRequestSchema, input)).toEqual(["relatedEventId"]);
  });

  it("accepts a workshop participation request that names the event", () => {
    const input = newRequest({
      type: "workshop_participation",
      relatedEventId: "2026-03-niamey-regional-workshop",
    });
    expect(NewRequestSchema.safeParse(input).success).toBe(true);
  });

  it.each(REQUEST_TYPES.filter((type) => type !== "workshop_participation"))(
    "does not require an event for a %s request",
    (type) => {
      expect(NewRequestSchema.safeParse(newRequest({ type })).success).toBe(true);
    },
  );

  it("accepts a summary of 150 characters", () => {
    expect(NewRequestSchema.safeParse(newRequest({ summary: "x".repeat(150) })).success).toBe(true);
  });

  it("rejects a summary of 151 characters, saying the limit", () => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ summary: "x".repeat(151) }))).toEqual([
      { field: "summary", message: "must be at most 150 characters" },
    ]);
  });

  it("counts the summary's length after trimming the spaces around it", () => {
    const request = NewRequestSchema.parse(newRequest({ summary: `  ${"x".repeat(150)}  ` }));
    expect(request.summary).toBe("x".repeat(150));
  });

  it("rejects a blank summary", () => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ summary: "   " }))).toEqual([
      { field: "summary", message: "must contain visible text" },
    ]);
  });

  it("rejects details of 4001 characters and accepts 4000", () => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ details: "x".repeat(4001) }))).toEqual([
      { field: "details", message: "must be at most 4000 characters" },
    ]);
    expect(NewRequestSchema.safeParse(newRequest({ details: "x".repeat(4000) })).success).toBe(true);
  });

  it("rejects an agency of 201 characters", () => {
    expect(invalidFieldsOf(NewRequestSchema, newRequest({ agency: "x".repeat(201) }))).toEqual(["agency"]);
  });

  it.each(["not-an-email", "name@", "@example.org", "name example.org", "name@example"])(
    "rejects the malformed email %j, on requester.email",
    (email) => {
      const input = newRequest({ requester: { name: "Aminata Diallo", email } });
      expect(fieldErrorsOf(NewRequestSchema, input)).toEqual([
        { field: "requester.email", message: "must be an email address such as name@example.org" },
      ]);
    },
  );

  it.each([
    ["XX", "assigned to no country"],
    ["sn", "in lowercase"],
    ["SEN", "alpha-3"],
    ["Senegal", "a name"],
  ])("rejects the member state %j (%s)", (memberState) => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ memberState }))).toEqual([
      { field: "memberState", message: "must be an ISO 3166-1 alpha-2 country code in capitals, such as SN" },
    ]);
  });

  it("rejects a field it does not know", () => {
    expect(fieldErrorsOf(NewRequestSchema, { ...newRequest(), status: "accepted" })).toEqual([
      { field: "status", message: "is not a known field" },
    ]);
  });

  it("rejects a field it does not know in the requester", () => {
    const input = { ...newRequest(), requester: { name: "Aminata Diallo", phone: "+221 33 000 00 00" } };
    expect(fieldErrorsOf(NewRequestSchema, input)).toEqual([
      { field: "requester.phone", message: "is not a known field" },
    ]);
  });

  it.each([
    ["type", "funding"],
    ["priority", "critical"],
    ["source", "email"],
    ["themes", ["astrology"]],
    ["relatedEventId", "Niamey Workshop"],
  ] as const)("rejects the %s %j", (field, value) => {
    const fields = invalidFieldsOf(NewRequestSchema, { ...newRequest(), [field]: value });
    expect(fields.map((invalid) => invalid.split(".")[0])).toEqual([field]);
  });

  it("lists the request types when it rejects one", () => {
    expect(fieldErrorsOf(NewRequestSchema, { ...newRequest(), type: "funding" })).toEqual([
      { field: "type", message: `must be one of: ${REQUEST_TYPES.join(", ")}` },
    ]);
  });

  it("requires a requester with a name", () => {
    expect(invalidFieldsOf(NewRequestSchema, { ...newRequest(), requester: undefined })).toEqual([
      "requester",
    ]);
    expect(invalidFieldsOf(NewRequestSchema, newRequest({ requester: { name: "  " } }))).toEqual([
      "requester.name",
    ]);
  });
});

describe("free text in a request", () => {
  it.each([
    ["summary", { summary: "\u200b\u2060" }],
    ["requester.name", { requester: { name: "\u200b" } }],
  ] as const)("refuses %s of invisible characters only", (field, overrides) => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest(overrides))).toEqual([
      { field, message: "must contain visible text" },
    ]);
  });

  it.each([
    ["NUL", "Border\u0000strategy"],
    ["an escape sequence", "\u001b[2JBorder strategy"],
    ["a right-to-left override", "Invoice \u202Efdp.exe"],
    ["a left-to-right isolate", "Border \u2066strategy\u2069"],
  ])("refuses a summary with %s", (_what, summary) => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ summary }))).toEqual([
      { field: "summary", message: "must not contain control characters" },
    ]);
  });

  it("refuses a summary of lone surrogates, which could not be stored as sent", () => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest({ summary: "\ud83d".repeat(10) }))).toEqual([
      { field: "summary", message: "must be well-formed Unicode text (it has an unpaired surrogate)" },
    ]);
  });

  it.each([
    ["agency", { agency: "Police\u0000" }],
    ["details", { details: "Line one\n\u0007" }],
    ["requester.organization", { requester: { name: "Awa", organization: "\u202Eorg" } }],
  ] as const)("refuses control characters in %s too", (field, overrides) => {
    expect(fieldErrorsOf(NewRequestSchema, newRequest(overrides))).toEqual([
      { field, message: "must not contain control characters" },
    ]);
  });

  it("keeps line breaks and tabs in the details, and trims invisible characters around every text", () => {
    const request = NewRequestSchema.parse(
      newRequest({
        summary: "\u200bSupport for a risk analysis unit\u2060",
        details: "Needs:\n\t- training\n\t- equipment\u200b",
        agency: "\ufeffPolice nationale",
        requester: { name: "\u200bAwa Diop", organization: "\u200b" },
      }),
    );
    expect(request.summary).toBe("Support for a risk analysis unit");
    expect(request.details).toBe("Needs:\n\t- training\n\t- equipment");
    expect(request.agency).toBe("Police nationale");
    expect(request.requester.name).toBe("Awa Diop");
    expect(request.requester.organization).toBe("");
  });

  it("marks a workshop participation without an event as a broken rule, not a malformed field", () => {
    const result = NewRequestSchema.safeParse(newRequest({ type: "workshop_participation" }));
    expect(result.error?.issues.map(isRuleIssue)).toEqual([true]);
    const malformed = NewRequestSchema.safeParse(newRequest({ summary: "" }));
    expect(malformed.error?.issues.map(isRuleIssue)).toEqual([false]);
  });
});

describe("RequesterSchema", () => {
  it.each(["U012ABCDEF", "W012ABCDEF"])("accepts the Slack user id %s", (slackUserId) => {
    expect(RequesterSchema.safeParse({ name: "A", slackUserId }).success).toBe(true);
  });

  it.each(["u012abcdef", "T012ABCDEF", "U0", "<@U012ABCDEF>"])(
    "rejects the Slack user id %j",
    (slackUserId) => {
      expect(fieldErrorsOf(RequesterSchema, { name: "A", slackUserId })).toEqual([
        { field: "slackUserId", message: "must be a Slack user id such as U012ABCDEF" },
      ]);
    },
  );

  it.each(["T012ABCDEF", "E012ABCDEF"])("accepts the Slack team id %s", (slackTeamId) => {
    expect(RequesterSchema.safeParse({ name: "A", slackTeamId }).success).toBe(true);
  });

  it("rejects a Slack user id given as a team id", () => {
    expect(invalidFieldsOf(RequesterSchema, { name: "A", slackTeamId: "U012ABCDEF" })).toEqual([
      "slackTeamId",
    ]);
  });
});

describe("REQUEST_TYPE_LABELS and REQUEST_STATUS_LABELS", () => {
  it("label every type and every status", () => {
    expect(Object.keys(REQUEST_TYPE_LABELS).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(Object.keys(REQUEST_STATUS_LABELS).sort()).toEqual([...REQUEST_STATUSES].sort());
  });
});

describe("formatReference", () => {
  it.each([
    [2026, 1, "BSI-2026-0001"],
    [2026, 42, "BSI-2026-0042"],
    [2026, 999, "BSI-2026-0999"],
    [2026, 9999, "BSI-2026-9999"],
    [2026, 10_000, "BSI-2026-10000"],
    [2026, 12_345, "BSI-2026-12345"],
    [1999, 7, "BSI-1999-0007"],
  ])("writes year %i, sequence %i as %s", (year, sequence, reference) => {
    expect(formatReference(year, sequence)).toBe(reference);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses the sequence %s", (sequence) => {
    expect(() => formatReference(2026, sequence)).toThrow(RangeError);
  });

  it.each([999, 10_000, 2026.5, -2026])("refuses the year %s", (year) => {
    expect(() => formatReference(year, 1)).toThrow(RangeError);
  });
});

describe("parseReference", () => {
  it.each([
    ["BSI-2026-0042", 2026, 42],
    ["BSI-2026-0001", 2026, 1],
    ["BSI-2026-12345", 2026, 12_345],
    ["bsi-2026-0042", 2026, 42],
    ["Bsi-2026-0042", 2026, 42],
    ["  BSI-2026-0042\n", 2026, 42],
  ])("reads %j as year %i, sequence %i", (reference, year, sequence) => {
    expect(parseReference(reference)).toEqual({ year, sequence });
  });

  it.each([
    ["BSI-2026-42", "a sequence shorter than four digits"],
    ["BSI-26-0042", "a two-digit year"],
    ["REQ-2026-0042", "another prefix"],
    ["BSI-2026-0042x", "trailing characters"],
    ["BSI 2026 0042", "spaces for hyphens"],
    ["BSI-2026-", "no sequence"],
    ["", "nothing"],
  ])("does not read %j (%s)", (reference) => {
    expect(parseReference(reference)).toBeUndefined();
  });

  it("reads back every reference formatReference writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (year, sequence) => {
          expect(parseReference(formatReference(year, sequence))).toEqual({ year, sequence });
          expect(parseReference(formatReference(year, sequence).toLowerCase())).toEqual({ year, sequence });
        },
      ),
    );
  });
});

describe("findReference", () => {
  it.each([
    ["BSI-2026-0042", "BSI-2026-0042"],
    ["status of bsi-2026-42 please", "BSI-2026-0042"],
    ["where is BSI 2026 7?", "BSI-2026-0007"],
    ["bsi2026/0042", "BSI-2026-0042"],
    ["my request 2026-0042", "BSI-2026-0042"],
    ["BSI-2026-12345", "BSI-2026-12345"],
  ])("finds %j as %s", (text, reference) => {
    expect(findReference(text)?.reference).toBe(reference);
  });

  it.each([
    ["BSI-2026-0", "sequence zero"],
    ["the 2026 workshops", "a year alone"],
    ["BSI-26-42", "a two-digit year"],
    ["", "nothing"],
  ])("finds nothing in %j (%s)", (text) => {
    expect(findReference(text)).toBeUndefined();
  });

  it("says where the reference was written", () => {
    const text = "status of bsi-2026-42 please";
    const found = findReference(text);
    expect(found && text.slice(found.index, found.index + found.length)).toBe("bsi-2026-42");
  });

  it("finds every reference formatReference writes, in any case", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        (year, sequence) => {
          const reference = formatReference(year, sequence);
          expect(findReference(`about ${reference.toLowerCase()}?`)?.reference).toBe(reference);
        },
      ),
    );
  });
});

describe("RequestReferenceSchema", () => {
  it("accepts every reference formatReference writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (year, sequence) => {
          expect(RequestReferenceSchema.safeParse(formatReference(year, sequence)).success).toBe(true);
        },
      ),
    );
  });

  it("gives an example when it rejects a reference", () => {
    expect(fieldErrorsOf(RequestReferenceSchema, "BSI-42")).toEqual([
      { field: "(root)", message: "must be a reference such as BSI-2026-0042" },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** The lifecycle as DESIGN.md draws it, written out here so that a change to the table shows up. */
const EXPECTED_MOVES: Record<RequestStatus, RequestStatus[]> = {
  submitted: ["under_review", "withdrawn"],
  under_review: ["accepted", "declined", "withdrawn"],
  accepted: ["in_progress", "withdrawn"],
  in_progress: ["completed", "withdrawn"],
  declined: [],
  completed: [],
  withdrawn: [],
};

const EVERY_PAIR = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => ({ from, to })));
const at = "2026-03-15T10:00:00.000Z";
const actor = "desk:fatou";

describe("ALLOWED_TRANSITIONS", () => {
  it("is the lifecycle: review, then accept or decline, then work, then complete; withdraw until final", () => {
    expect(ALLOWED_TRANSITIONS).toEqual(EXPECTED_MOVES);
  });

  it("never lets a request stay where it is or go back to submitted", () => {
    for (const [from, moves] of Object.entries(ALLOWED_TRANSITIONS)) {
      expect(moves).not.toContain(from);
      expect(moves).not.toContain("submitted");
    }
  });
});

describe("final statuses", () => {
  it("are declined, completed and withdrawn", () => {
    expect([...FINAL_STATUSES].sort()).toEqual(["completed", "declined", "withdrawn"]);
  });

  it.each(REQUEST_STATUSES)("agree with isFinalStatus for %s", (status) => {
    expect(isFinalStatus(status)).toBe(FINAL_STATUSES.includes(status));
  });

  it("can be reached from every other status", () => {
    for (const status of REQUEST_STATUSES.filter((status) => !isFinalStatus(status))) {
      expect(ALLOWED_TRANSITIONS[status].some((next) => isFinalStatus(next))).toBe(true);
    }
  });
});

describe("transition", () => {
  const allowed = EVERY_PAIR.filter(({ from, to }) => EXPECTED_MOVES[from].includes(to));
  const fromFinal = EVERY_PAIR.filter(({ from }) => EXPECTED_MOVES[from].length === 0);
  const refused = EVERY_PAIR.filter(
    ({ from, to }) => EXPECTED_MOVES[from].length > 0 && !EXPECTED_MOVES[from].includes(to),
  );

  it("considers all 49 pairs of statuses", () => {
    expect(allowed.length + fromFinal.length + refused.length).toBe(REQUEST_STATUSES.length ** 2);
    expect(allowed).toHaveLength(9);
  });

  it.each(allowed)("allows a transition from $from to $to and records it", ({ from, to }) => {
    const note = "Checked with the regional office.";
    expect(transition({ from, to, actor, at, note })).toEqual({
      ok: true,
      entry: { at, actor, from, to, note },
    });
  });

  it.each(fromFinal)("rejects a transition from $from to $to: $from is final", ({ from, to }) => {
    expect(transition({ from, to, actor, at, note: "Reopening." })).toEqual({
      ok: false,
      reason: "final",
      message: `the request is ${from}, a final status; it cannot move to ${to}`,
    });
  });

  it.each(refused)("rejects a transition from $from to $to", ({ from, to }) => {
    const result = transition({ from, to, actor, at, note: "Skipping ahead." });
    expect(result).toEqual({
      ok: false,
      reason: "not_allowed",
      message: `a request cannot move from ${from} to ${to}; from ${from} it can move to ${EXPECTED_MOVES[from].join(", ")}`,
    });
  });

  it.each([undefined, null, "", "   \n"])(
    "refuses to decline with the note %j: the requester is told why",
    (note) => {
      expect(transition({ from: "under_review", to: "declined", actor, at, note })).toEqual({
        ok: false,
        reason: "note_required",
        message: "declining a request needs a note saying why",
      });
    },
  );

  it("declines with a note and keeps the note, trimmed", () => {
    const result = transition({
      from: "under_review",
      to: "declined",
      actor,
      at,
      note: "  Outside BSI's mandate. ",
    });
    expect(result).toEqual({
      ok: true,
      entry: { at, actor, from: "under_review", to: "declined", note: "Outside BSI's mandate." },
    });
  });

  it.each([undefined, null, "", "  "])("records a move without a note, given %j, as a null note", (note) => {
    const result = transition({ from: "submitted", to: "under_review", actor, at, note });
    expect(result).toEqual({
      ok: true,
      entry: { at, actor, from: "submitted", to: "under_review", note: null },
    });
  });

  it("checks a final status before asking for a note", () => {
    const result = transition({ from: "declined", to: "declined", actor, at });
    expect(result.ok === false && result.reason).toBe("final");
  });

  it("checks that a move is allowed before asking for a note", () => {
    const result = transition({ from: "submitted", to: "declined", actor, at });
    expect(result.ok === false && result.reason).toBe("not_allowed");
  });

  it("walks a request from submitted to completed", () => {
    const path: RequestStatus[] = ["submitted", "under_review", "accepted", "in_progress", "completed"];
    for (let step = 1; step < path.length; step++) {
      const from = path[step - 1]!;
      const to = path[step]!;
      expect(transition({ from, to, actor, at }).ok).toBe(true);
    }
  });
});

describe("TransitionRequestSchema", () => {
  it("accepts a move with a note and trims it", () => {
    expect(
      TransitionRequestSchema.parse({ to: "declined", note: " Out of scope. ", actor: " desk:fatou " }),
    ).toEqual({ to: "declined", note: "Out of scope.", actor: "desk:fatou" });
  });

  it("accepts a move without a note", () => {
    expect(TransitionRequestSchema.parse({ to: "under_review", actor })).toEqual({
      to: "under_review",
      actor,
    });
  });

  it("requires someone to make the move", () => {
    expect(fieldErrorsOf(TransitionRequestSchema, { to: "under_review", actor: "  " })).toEqual([
      { field: "actor", message: "must name who makes the move" },
    ]);
  });

  it("rejects a note of 1001 characters", () => {
    expect(fieldErrorsOf(TransitionRequestSchema, { to: "declined", actor, note: "x".repeat(1001) })).toEqual(
      [{ field: "note", message: "must be at most 1000 characters" }],
    );
  });

  it("lists the statuses when it rejects one", () => {
    expect(fieldErrorsOf(TransitionRequestSchema, { to: "reopened", actor })).toEqual([
      { field: "to", message: `must be one of: ${REQUEST_STATUSES.join(", ")}` },
    ]);
  });

  it("rejects a field it does not know", () => {
    expect(TransitionRequestSchema.safeParse({ to: "accepted", actor, from: "submitted" }).success).toBe(
      false,
    );
  });
});

describe("who moves a request, and the note", () => {
  it("refuses an actor of invisible characters only", () => {
    expect(fieldErrorsOf(TransitionRequestSchema, { to: "under_review", actor: "\u200b" })).toEqual([
      { field: "actor", message: "must name who makes the move" },
    ]);
    expect(fieldErrorsOf(RequestPatchSchema, { priority: "high", actor: "\u200b\u2060" })).toEqual([
      { field: "actor", message: "must name who makes the change" },
    ]);
  });

  it("does not let a note of invisible characters stand for the reason of a decline", () => {
    const body = TransitionRequestSchema.parse({ to: "declined", note: "\u200b", actor });
    expect(transition({ from: "under_review", ...body, at })).toMatchObject({
      ok: false,
      reason: "note_required",
    });
    expect(
      transition({ from: "under_review", to: "declined", note: "\u200b\u2060", actor, at }),
    ).toMatchObject({ ok: false, reason: "note_required" });
  });

  it("keeps the lines of a note and refuses control characters in it", () => {
    expect(
      TransitionRequestSchema.parse({ to: "declined", note: "Out of scope.\nTry UNODC.", actor }).note,
    ).toBe("Out of scope.\nTry UNODC.");
    expect(fieldErrorsOf(TransitionRequestSchema, { to: "declined", note: "No\u0000", actor })).toEqual([
      { field: "note", message: "must not contain control characters" },
    ]);
  });
});

describe("RequestSchema", () => {
  it("reads a stored request with its history back", () => {
    const stored = {
      ...NewRequestSchema.parse(newRequest()),
      reference: "BSI-2026-0042",
      status: "under_review",
      createdAt: at,
      updatedAt: at,
      history: [
        { at, actor: "api", from: null, to: "submitted", note: null },
        { at, actor, from: "submitted", to: "under_review", note: null },
      ],
    };
    expect(RequestSchema.parse(stored)).toEqual(stored);
  });

  it("rejects a history entry with an unknown status", () => {
    const stored = {
      ...NewRequestSchema.parse(newRequest()),
      reference: "BSI-2026-0042",
      status: "submitted",
      createdAt: at,
      updatedAt: at,
      history: [{ at, actor: "api", from: null, to: "reopened", note: null }],
    };
    expect(invalidFieldsOf(RequestSchema, stored)).toEqual(["history.0.to"]);
  });
});
