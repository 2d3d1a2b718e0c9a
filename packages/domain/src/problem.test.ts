import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NewEventSchema } from "./events.js";
import { issuesToFieldErrors, ProblemSchema } from "./problem.js";

describe("issuesToFieldErrors", () => {
  it("joins a nested path with dots", () => {
    expect(
      issuesToFieldErrors([
        { path: ["registration", "deadline"], message: "must not be after the event ends" },
      ]),
    ).toEqual([{ field: "registration.deadline", message: "must not be after the event ends" }]);
  });

  it("writes array positions as numbers in the path", () => {
    expect(issuesToFieldErrors([{ path: ["themes", 1], message: "must be one of the theme codes" }])).toEqual(
      [{ field: "themes.1", message: "must be one of the theme codes" }],
    );
  });

  it("names the root when the issue is about the whole object", () => {
    expect(issuesToFieldErrors([{ path: [], message: "must change at least one field" }])).toEqual([
      { field: "(root)", message: "must change at least one field" },
    ]);
  });

  it("names each unknown field on its own, so the client sees exactly what to remove", () => {
    const issue = {
      code: "unrecognized_keys",
      keys: ["venue", "fee"],
      path: [],
      message: "Unrecognized keys",
    };
    expect(issuesToFieldErrors([issue])).toEqual([
      { field: "venue", message: "is not a known field" },
      { field: "fee", message: "is not a known field" },
    ]);
  });

  it("names an unknown field inside a nested object by its full path, after the prefix", () => {
    const issue = {
      code: "unrecognized_keys",
      keys: ["phone"],
      path: ["requester"],
      message: "Unrecognized key",
    };
    expect(issuesToFieldErrors([issue], "body")).toEqual([
      { field: "body.requester.phone", message: "is not a known field" },
    ]);
  });

  it("keeps zod's message for an unknown-keys issue that names no key", () => {
    const issue = { code: "unrecognized_keys", keys: [], path: [], message: "Unrecognized keys" };
    expect(issuesToFieldErrors([issue])).toEqual([{ field: "(root)", message: "Unrecognized keys" }]);
  });

  it("puts the prefix in front of the path", () => {
    expect(issuesToFieldErrors([{ path: ["limit"], message: "must be at most 100" }], "query")).toEqual([
      { field: "query.limit", message: "must be at most 100" },
    ]);
  });

  it("names the prefix alone when the issue is about the whole prefixed object", () => {
    expect(issuesToFieldErrors([{ path: [], message: "must be an object" }], "query")).toEqual([
      { field: "query", message: "must be an object" },
    ]);
  });

  it("keeps every issue, in order", () => {
    const issues = [
      { path: ["title"], message: "must not be empty" },
      { path: ["endsOn"], message: "must be on or after startsOn" },
      { path: ["title"], message: "must be at most 200 characters" },
    ];
    expect(issuesToFieldErrors(issues).map((error) => error.field)).toEqual(["title", "endsOn", "title"]);
  });

  it("returns nothing for no issues", () => {
    expect(issuesToFieldErrors([])).toEqual([]);
  });

  it("turns the issues of a real rejected event into fields a client can show", () => {
    const result = NewEventSchema.safeParse({
      id: "2026-03-niamey-workshop",
      title: "Workshop",
      kind: "workshop",
      startsOn: "2026-03-12",
      endsOn: "2026-03-10",
      registration: { status: "open", deadline: "2026-03-20" },
      venue: "Palais des congrès",
    });
    expect(result.success).toBe(false);
    expect(issuesToFieldErrors(result.error?.issues ?? [])).toEqual([
      { field: "venue", message: "is not a known field" },
      { field: "endsOn", message: "must be on or after startsOn" },
      { field: "registration.deadline", message: "must not be after the event ends" },
    ]);
  });
});

describe("issuesToFieldErrors in plain words", () => {
  const Schema = z.strictObject({
    actor: z.string().max(40),
    status: z.string().optional(),
    limit: z.number().int().min(1).max(100).optional(),
    ratio: z.number().gt(0).lt(1).optional(),
    themes: z.array(z.string()).min(1).max(2).optional(),
    code: z.string().length(2).optional(),
    kind: z.enum(["workshop", "seminar"]).optional(),
    online: z.literal(true).optional(),
    email: z.email().optional(),
    named: z.string().max(3, "must be at most three letters").optional(),
  });
  const errorsFor = (input: Record<string, unknown>) => {
    const result = Schema.safeParse(input);
    return issuesToFieldErrors(result.error?.issues ?? [], "", input);
  };

  it("says a field left out is required", () => {
    expect(errorsFor({})).toEqual([{ field: "actor", message: "is required" }]);
  });

  it("says a field left out is required even without the input, and whatever its schema's message", () => {
    const result = Schema.safeParse({});
    expect(issuesToFieldErrors(result.error?.issues ?? [])).toEqual([
      { field: "actor", message: "is required" },
    ]);
    const Transition = z.strictObject({
      to: z.enum(["accepted"], { error: () => "must be one of: accepted" }),
    });
    const missing = Transition.safeParse({});
    expect(issuesToFieldErrors(missing.error?.issues ?? [], "", {})).toEqual([
      { field: "to", message: "is required" },
    ]);
  });

  it.each([
    [{ actor: "x".repeat(41) }, "actor", "must be at most 40 characters"],
    [{ actor: "a", limit: 0 }, "limit", "must be at least 1"],
    [{ actor: "a", limit: 101 }, "limit", "must be at most 100"],
    [{ actor: "a", limit: 1.5 }, "limit", "must be a whole number"],
    [{ actor: "a", ratio: 1 }, "ratio", "must be less than 1"],
    [{ actor: "a", ratio: 0 }, "ratio", "must be more than 0"],
    [{ actor: "a", themes: [] }, "themes", "must have at least 1 item"],
    [{ actor: "a", themes: ["a", "b", "c"] }, "themes", "must have at most 2 items"],
    [{ actor: "a", code: "SEN" }, "code", "must be exactly 2 characters"],
    [{ actor: 42 }, "actor", "must be a string"],
    [{ actor: "a", status: ["open", "closed"] }, "status", "must be a string"],
    [{ actor: "a", kind: "party" }, "kind", "must be one of: workshop, seminar"],
    [{ actor: "a", online: false }, "online", "must be true"],
    [{ actor: "a", email: "nobody" }, "email", "must be a valid email"],
    [{ actor: "a", named: "four" }, "named", "must be at most three letters"],
  ])("puts %j in plain words", (input, field, message) => {
    expect(errorsFor(input)).toEqual([{ field, message }]);
  });
});

describe("ProblemSchema", () => {
  it("reads a problem with field errors", () => {
    const problem = {
      type: "https://bsi.example.org/problems/unprocessable",
      title: "Unprocessable",
      status: 422,
      detail: "The request has 1 invalid field",
      requestId: "req_123",
      errors: [{ field: "summary", message: "must be at most 150 characters" }],
    };
    expect(ProblemSchema.parse(problem)).toEqual(problem);
  });

  it("requires a whole-number status", () => {
    expect(
      ProblemSchema.safeParse({ type: "about:blank", title: "x", status: 422.5, detail: "x" }).success,
    ).toBe(false);
  });
});
