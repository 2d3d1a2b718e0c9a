import type { Problem, Request } from "@bsi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../lib/test-app.js";

let api: TestApp;
let writer: string;
let manager: string;

function newRequest(overrides: Record<string, unknown> = {}) {
  return {
    type: "technical_assistance",
    memberState: "SN",
    summary: "Support for a border risk analysis unit",
    details: "At the airport.",
    requester: { name: "Awa Diop", slackUserId: "U0AWADIOP" },
    ...overrides,
  };
}

function file(body: unknown, headers: Record<string, string> = {}) {
  return api.request("/v1/requests", { method: "POST", token: writer, json: body, headers });
}

async function fileOk(body: unknown = newRequest()): Promise<Request> {
  const response = await file(body);
  expect(response.status).toBe(201);
  return (await response.json()) as Request;
}

async function countRequests(): Promise<number> {
  const row = await api.handle.db
    .selectFrom("requests")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Answers 400 naming `field` with `message`, storing nothing. */
async function expectRefused(response: Response, field: string, message: string, before: number) {
  expect(response.status).toBe(400);
  const problem = (await response.json()) as Problem;
  expect(problem.errors).toContainEqual({ field, message });
  expect(await countRequests()).toBe(before);
}

beforeAll(async () => {
  api = await createTestApp({ seed: false, now: () => new Date("2026-03-02T09:00:00.000Z") });
  writer = await api.createKey(["requests:write", "requests:read"]);
  manager = await api.createKey(["requests:manage", "requests:read"]);
});

afterAll(async () => {
  await api.close();
});

describe("text a request is filed with is stored as it was accepted", () => {
  it("refuses a summary of lone UTF-16 surrogates with a 400 naming it, instead of storing U+FFFD", async () => {
    const before = await countRequests();
    const response = await file(newRequest({ summary: "\ud83d".repeat(10) }), { "idempotency-key": "lone" });
    await expectRefused(
      response,
      "summary",
      "must be well-formed Unicode text (it has an unpaired surrogate)",
      before,
    );
  });

  it("reads back every accepted text exactly as the 201 echoed it, emoji included", async () => {
    const filed = await fileOk(
      newRequest({
        summary: "\u200bPassports 🛂 and e-gates ✈️\u2060",
        details: "Needs:\n\t- training\n\t- equipment",
        agency: "Sûreté nationale",
        requester: { name: "أمينة ديالو", organization: "Police des frontières", slackUserId: "U0AWADIOP" },
      }),
    );
    expect(filed.summary).toBe("Passports 🛂 and e-gates ✈️");
    const read = await api.request(`/v1/requests/${filed.reference}`, { token: writer });
    const stored = (await read.json()) as Request;
    expect({ ...stored, history: undefined }).toEqual({ ...filed, history: undefined });
  });

  it.each([
    ["summary", { summary: "\u200b\u2060" }],
    ["requester.name", { requester: { name: "\u200b" } }],
  ])("refuses a %s that shows nothing", async (field, overrides) => {
    const before = await countRequests();
    await expectRefused(await file(newRequest(overrides)), field, "must contain visible text", before);
  });

  it.each([
    ["NUL", "Border\u0000strategy"],
    ["a bell", "Border strategy\u0007"],
    ["a right-to-left override", "Border strategy \u202Etxt.exe"],
    ["a first-strong isolate", "Border \u2068strategy\u2069"],
  ])("refuses a summary with %s rather than storing it", async (_what, summary) => {
    const before = await countRequests();
    await expectRefused(
      await file(newRequest({ summary })),
      "summary",
      "must not contain control characters",
      before,
    );
  });
});

describe("text a request is moved or changed with", () => {
  it("refuses an actor that shows nothing", async () => {
    const request = await fileOk();
    const response = await api.request(`/v1/requests/${request.reference}/transitions`, {
      method: "POST",
      token: manager,
      json: { to: "under_review", actor: "\u200b" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors).toEqual([
      { field: "actor", message: "must name who makes the move" },
    ]);
  });

  it("does not take a note of a zero-width space as the reason for a decline", async () => {
    const request = await fileOk();
    const moved = await api.request(`/v1/requests/${request.reference}/transitions`, {
      method: "POST",
      token: manager,
      json: { to: "under_review", actor: "U0TRIAGER" },
    });
    expect(moved.status).toBe(200);
    const declined = await api.request(`/v1/requests/${request.reference}/transitions`, {
      method: "POST",
      token: manager,
      json: { to: "declined", note: "\u200b", actor: "U0TRIAGER" },
    });
    expect(declined.status).toBe(422);
    expect(((await declined.json()) as Problem).errors?.map((error) => error.field)).toEqual(["note"]);
    const read = (await (
      await api.request(`/v1/requests/${request.reference}`, { token: manager })
    ).json()) as Request;
    expect(read.status).toBe("under_review");
  });

  it("refuses an agency with control characters in a change", async () => {
    const request = await fileOk();
    const response = await api.request(`/v1/requests/${request.reference}`, {
      method: "PATCH",
      token: manager,
      json: { agency: "Police\u0000", actor: "U0TRIAGER" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors).toEqual([
      { field: "agency", message: "must not contain control characters" },
    ]);
  });
});
