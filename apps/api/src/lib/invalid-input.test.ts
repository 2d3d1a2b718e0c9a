import type { Problem, Request } from "@bsi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./test-app.js";

let app: TestApp;
let writer: string;
let manager: string;
let eventId: string;

function newRequest(overrides: Record<string, unknown> = {}) {
  return {
    type: "technical_assistance",
    memberState: "SN",
    summary: "Support for a border risk analysis unit",
    requester: { name: "Awa Diop", slackUserId: "U0AWADIOP" },
    ...overrides,
  };
}

async function fileOk(body: unknown): Promise<Request> {
  const response = await app.request("/v1/requests", { method: "POST", token: writer, json: body });
  expect(response.status).toBe(201);
  return (await response.json()) as Request;
}

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json()) as Problem;
}

beforeAll(async () => {
  app = await createTestApp({ now: () => new Date("2026-03-02T09:00:00.000Z") });
  writer = await app.createKey(["requests:write", "requests:read"]);
  manager = await app.createKey(["requests:manage", "requests:read"]);
  const events = (await (await app.request("/v1/events?limit=1&upcoming=true")).json()) as {
    items: { id: string }[];
  };
  eventId = events.items[0]?.id ?? "";
  expect(eventId).not.toBe("");
});

afterAll(async () => {
  await app.close();
});

describe("validation problems in plain words", () => {
  it("says a field left out is required", async () => {
    const request = await fileOk(newRequest());
    const response = await app.request(`/v1/requests/${request.reference}/transitions`, {
      method: "POST",
      token: manager,
      json: { to: "under_review" },
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([{ field: "actor", message: "is required" }]);
    expect(problem.detail).toBe("Invalid body: actor is required");
  });

  it("says a required field of a known set is required, rather than listing the set", async () => {
    const request = await fileOk(newRequest());
    const response = await app.request(`/v1/requests/${request.reference}/transitions`, {
      method: "POST",
      token: manager,
      json: { actor: "U0TRIAGER" },
    });
    expect((await problemOf(response)).errors).toEqual([{ field: "to", message: "is required" }]);
  });

  it("names each missing field of a nested object by its path", async () => {
    const { requester: _requester, ...withoutRequester } = newRequest();
    const response = await app.request("/v1/requests", {
      method: "POST",
      token: writer,
      json: { ...withoutRequester, requester: {} },
    });
    expect((await problemOf(response)).errors).toEqual([{ field: "requester.name", message: "is required" }]);
  });

  it("says a query parameter given twice must be given once", async () => {
    const response = await app.request("/v1/requests?status=submitted&status=accepted", { token: writer });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([{ field: "status", message: "must be given once" }]);
    expect(problem.detail).toBe("Invalid query parameters: status must be given once");
  });

  it("says the limit of a value that is too long", async () => {
    const response = await app.request(`/v1/requests/BSI-2026-${"0".repeat(40)}`, { token: writer });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { field: "ref", message: "must be at most 40 characters" },
    ]);
  });

  it("says what kind of value a field takes", async () => {
    const response = await app.request("/v1/requests", {
      method: "POST",
      token: writer,
      json: newRequest({ summary: 42, themes: "biometrics" }),
    });
    expect((await problemOf(response)).errors).toEqual([
      { field: "themes", message: "must be an array" },
      { field: "summary", message: "must be a string" },
    ]);
  });

  it("never shows zod's generic wording", async () => {
    const bodies = [
      {},
      { type: [], memberState: {}, summary: null, requester: 1 },
      { requester: { name: [] } },
    ];
    for (const body of bodies) {
      const response = await app.request("/v1/requests", { method: "POST", token: writer, json: body });
      const { detail, errors } = await problemOf(response);
      expect(JSON.stringify({ detail, errors })).not.toMatch(
        /Invalid input|expected \w+, received|Too (big|small)/,
      );
    }
  });
});

describe("a broken domain rule is a 422 wherever it is broken", () => {
  it("answers a workshop participation filed without its event with 422, as a PATCH that removes the event", async () => {
    const filed = await app.request("/v1/requests", {
      method: "POST",
      token: writer,
      json: newRequest({ type: "workshop_participation" }),
    });
    expect(filed.status).toBe(422);
    const filedProblem = await problemOf(filed);
    expect(filedProblem.errors?.map((error) => error.field)).toEqual(["relatedEventId"]);
    expect(filedProblem.detail).toMatch(/relatedEventId is required for a workshop participation request/);

    const request = await fileOk(newRequest({ type: "workshop_participation", relatedEventId: eventId }));
    const patched = await app.request(`/v1/requests/${request.reference}`, {
      method: "PATCH",
      token: manager,
      json: { relatedEventId: null, actor: "U0TRIAGER" },
    });
    expect(patched.status).toBe(filed.status);
    expect((await problemOf(patched)).errors?.map((error) => error.field)).toEqual(["relatedEventId"]);
  });

  it("still answers a body of the wrong shape with 400, even when it also breaks a rule", async () => {
    const response = await app.request("/v1/requests", {
      method: "POST",
      token: writer,
      json: newRequest({ type: "workshop_participation", memberState: "XX" }),
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((error) => error.field)).toContain("memberState");
  });
});
