import type { Request } from "@bsi/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

const FIXED_NOW = new Date("2026-03-02T09:00:00.000Z");

function newRequest(overrides: Record<string, unknown> = {}) {
  return {
    type: "technical_assistance",
    memberState: "SN",
    summary: "Support for a border risk analysis unit",
    details: "The national police would like help setting up a risk analysis unit at the airport.",
    themes: ["integrated-border-management"],
    requester: {
      name: "Awa Diop",
      email: "Awa.Diop@example.org",
      organization: "Police nationale",
      slackUserId: "U0AWADIOP",
    },
    ...overrides,
  };
}

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let app: TestApp;
let writer: string;
let reader: string;
let manager: string;
let eventId: string;

async function countRows(table: "requests" | "activity" | "idempotency_keys" | "request_history") {
  const row = await app.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function file(body: unknown = newRequest(), headers: Record<string, string> = {}, token = writer) {
  return app.request("/v1/requests", { method: "POST", token, json: body, headers });
}

async function fileOk(body: unknown = newRequest()): Promise<Request> {
  const response = await file(body);
  expect(response.status).toBe(201);
  return (await response.json()) as Request;
}

async function move(reference: string, body: Record<string, unknown>, token = manager) {
  return app.request(`/v1/requests/${reference}/transitions`, { method: "POST", token, json: body });
}

beforeEach(async () => {
  app = await createTestApp({ now: () => FIXED_NOW });
  writer = await app.createKey(["requests:write"], "bot-writer");
  reader = await app.createKey(["requests:read", "requests:write"], "bot");
  manager = await app.createKey(["requests:manage", "requests:read"], "triage");
  const events = (await (await app.request("/v1/events?limit=1&upcoming=true")).json()) as {
    items: { id: string }[];
  };
  eventId = events.items[0]?.id ?? "";
  expect(eventId).not.toBe("");
});

afterEach(async () => {
  await app.close();
});

describe("POST /v1/requests", () => {
  it("gives the first request of 2026 the reference BSI-2026-0001, with its Location and first history entry", async () => {
    const response = await file(newRequest(), {}, reader);
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("/v1/requests/BSI-2026-0001");
    const request = (await response.json()) as Request;
    expect(request.reference).toBe("BSI-2026-0001");
    expect(request.status).toBe("submitted");
    expect(request.requester.email).toBe("awa.diop@example.org");
    expect(request.history).toEqual([
      { at: FIXED_NOW.toISOString(), actor: "U0AWADIOP", from: null, to: "submitted", note: null },
    ]);
  });

  it("does not show the requester's email to a key without requests:read", async () => {
    const response = await file();
    const request = (await response.json()) as Request;
    expect(request.requester.email).toBeNull();
    expect(request.requester.name).toBe("Awa Diop");
    const stored = await app.request(`/v1/requests/${request.reference}`, { token: reader });
    expect(((await stored.json()) as Request).requester.email).toBe("awa.diop@example.org");
  });

  it("writes the request.created activity in the same transaction", async () => {
    const request = await fileOk();
    const feed = await app.request("/v1/activity", { token: reader });
    const body = (await feed.json()) as { items: { type: string; subject: string }[] };
    expect(body.items.map((item) => [item.type, item.subject])).toEqual([
      ["request.created", request.reference],
    ]);
  });

  it("accepts a workshop participation request that names an existing event", async () => {
    const request = await fileOk(newRequest({ type: "workshop_participation", relatedEventId: eventId }));
    expect(request.relatedEventId).toBe(eventId);
  });

  it("refuses a seat at an event that is over, but keeps it for other requests about that event", async () => {
    const past = (await (await app.request("/v1/events?to=2020-12-31&limit=1")).json()) as {
      items: { id: string; endsOn: string }[];
    };
    const pastId = past.items[0]?.id ?? "";
    expect(pastId).not.toBe("");
    const before = await countRows("requests");
    const seat = await file(newRequest({ type: "workshop_participation", relatedEventId: pastId }));
    expect(seat.status).toBe(422);
    const problem = (await seat.json()) as Problem;
    expect(problem.errors?.[0]).toEqual({ field: "relatedEventId", message: "names an event that is over" });
    expect(await countRows("requests")).toBe(before);
    const information = await file(newRequest({ type: "information", relatedEventId: pastId }));
    expect(information.status).toBe(201);
  });

  it("gives 200 simultaneous filings 200 distinct consecutive references", async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => file(newRequest({ summary: `Request number ${index}` }))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
    const references = await Promise.all(
      responses.map(async (response) => ((await response.json()) as Request).reference),
    );
    const expected = Array.from(
      { length: 200 },
      (_, index) => `BSI-2026-${String(index + 1).padStart(4, "0")}`,
    );
    expect([...references].sort()).toEqual(expected);
    expect(await countRows("requests")).toBe(200);
    expect(await countRows("activity")).toBe(200);
  });

  it("dates simultaneous filings in the order of their references, as the activity feed does", async () => {
    const live = await createTestApp({ seed: false });
    try {
      const filer = await live.createKey(["requests:write", "requests:read"]);
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          live.request("/v1/requests", {
            method: "POST",
            token: filer,
            json: newRequest({ summary: `Filed at once ${index}` }),
          }),
        ),
      );
      const filed = await Promise.all(responses.map(async (response) => (await response.json()) as Request));
      const byReference = [...filed].sort((a, b) => a.reference.localeCompare(b.reference));
      const times = byReference.map((request) => request.createdAt);
      expect(times).toEqual([...times].sort());
    } finally {
      await live.close();
    }
  });

  it("keeps the sequence gap-free when a filing fails", async () => {
    await fileOk();
    const failed = await file(
      newRequest({ type: "workshop_participation", relatedEventId: "no-such-event" }),
    );
    expect(failed.status).toBe(422);
    const next = await fileOk();
    expect(next.reference).toBe("BSI-2026-0002");
  });

  it("continues the sequence after a restart on the same database", async () => {
    await fileOk();
    await fileOk();
    const { openApi } = await import("../../runtime.js");
    const { ApiConfigSchema } = await import("../../config.js");
    const reopened = await openApi(
      ApiConfigSchema.parse({
        DATABASE_URL: app.deps.config.DATABASE_URL,
        BSI_SEED: "none",
        LOG_LEVEL: "silent",
      }),
      { now: () => FIXED_NOW },
    );
    try {
      const { createApiKey } = await import("../../auth/api-keys.js");
      const { secret } = await createApiKey(reopened.handle.db, {
        name: "again",
        scopes: ["requests:write"],
      });
      const response = await reopened.app.request("/v1/requests", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify(newRequest()),
      });
      expect(((await response.json()) as Request).reference).toBe("BSI-2026-0003");
    } finally {
      await reopened.close();
    }
  });

  describe("refuses bad input with a problem naming the field, storing nothing", () => {
    const cases: [string, () => unknown, string, number][] = [
      ["an unknown member state", () => newRequest({ memberState: "XX" }), "memberState", 400],
      ["a summary over 150 characters", () => newRequest({ summary: "x".repeat(151) }), "summary", 400],
      ["details over 4000 characters", () => newRequest({ details: "x".repeat(4001) }), "details", 400],
      [
        "a malformed email",
        () => newRequest({ requester: { name: "Awa", email: "awa-at-example.org" } }),
        "requester.email",
        400,
      ],
      [
        "a workshop participation without an event",
        () => newRequest({ type: "workshop_participation" }),
        "relatedEventId",
        422,
      ],
      [
        "a related event that does not exist",
        () => newRequest({ type: "workshop_participation", relatedEventId: "2099-01-nowhere-workshop" }),
        "relatedEventId",
        422,
      ],
      ["an unknown type", () => newRequest({ type: "favour" }), "type", 400],
      ["an unknown field", () => newRequest({ budget: 100 }), "budget", 400],
    ];
    for (const [what, body, field, status] of cases) {
      it(`refuses ${what}`, async () => {
        const response = await file(body(), { "idempotency-key": `key-${field}` });
        expect(response.status).toBe(status);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
        const problem = (await response.json()) as Problem;
        expect(problem.errors?.map((error) => error.field)).toContain(field);
        expect(await countRows("requests")).toBe(0);
        expect(await countRows("activity")).toBe(0);
        expect(await countRows("idempotency_keys")).toBe(0);
      });
    }

    it("refuses a body that is not JSON", async () => {
      const response = await app.request("/v1/requests", {
        method: "POST",
        token: writer,
        headers: { "content-type": "application/json" },
        body: "{not json",
      });
      expect(response.status).toBe(400);
      expect(await countRows("requests")).toBe(0);
    });
  });
});

describe("Idempotency-Key", () => {
  it("stores one request when 50 identical POSTs with one key arrive at once, and answers all with its reference", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => file(newRequest(), { "idempotency-key": "slack-view-V123" })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    const references = await Promise.all(
      responses.map(async (response) => ((await response.json()) as Request).reference),
    );
    expect(new Set(references)).toEqual(new Set(["BSI-2026-0001"]));
    expect(
      responses.filter((response) => response.headers.get("idempotent-replayed") === "true"),
    ).toHaveLength(49);
    expect(await countRows("requests")).toBe(1);
    expect(await countRows("activity")).toBe(1);
  });

  it("replays the first response to a later retry with the same key and body", async () => {
    const first = await file(newRequest(), { "idempotency-key": "retry-1" });
    const firstBody = await first.text();
    const again = await file(newRequest(), { "idempotency-key": "retry-1" });
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get("location")).toBe("/v1/requests/BSI-2026-0001");
    expect(await countRows("requests")).toBe(1);
  });

  it("answers 409 when the key is reused with a different body, storing nothing more", async () => {
    await file(newRequest(), { "idempotency-key": "retry-2" });
    const other = await file(newRequest({ summary: "Something else" }), { "idempotency-key": "retry-2" });
    expect(other.status).toBe(409);
    const problem = (await other.json()) as Problem;
    expect(problem.detail).toMatch(/different body/);
    expect(await countRows("requests")).toBe(1);
  });

  it("keeps keys apart per API key", async () => {
    await file(newRequest(), { "idempotency-key": "shared" }, writer);
    const response = await file(newRequest(), { "idempotency-key": "shared" }, reader);
    expect(((await response.json()) as Request).reference).toBe("BSI-2026-0002");
  });

  it("does not use up the key when the filing fails", async () => {
    const failed = await file(
      newRequest({ type: "workshop_participation", relatedEventId: "missing-event" }),
      {
        "idempotency-key": "fix-and-retry",
      },
    );
    expect(failed.status).toBe(422);
    const fixed = await file(newRequest({ type: "workshop_participation", relatedEventId: eventId }), {
      "idempotency-key": "fix-and-retry",
    });
    expect(fixed.status).toBe(201);
  });

  it("refuses a key longer than 255 characters", async () => {
    const response = await file(newRequest(), { "idempotency-key": "k".repeat(256) });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]?.field).toBe("idempotency-key");
    expect(await countRows("requests")).toBe(0);
  });

  it("remembers a key for 24 hours and forgets it after", async () => {
    await app.close();
    let now = FIXED_NOW.getTime();
    app = await createTestApp({ seed: false, now: () => new Date(now) });
    writer = await app.createKey(["requests:write"]);
    await file(newRequest(), { "idempotency-key": "daily" });
    now += 23 * 60 * 60 * 1000;
    expect((await file(newRequest({ summary: "Changed" }), { "idempotency-key": "daily" })).status).toBe(409);
    now += 2 * 60 * 60 * 1000;
    const later = await file(newRequest({ summary: "Changed" }), { "idempotency-key": "daily" });
    expect(later.status).toBe(201);
    expect(((await later.json()) as Request).reference).toBe("BSI-2026-0002");
    expect(await countRows("idempotency_keys")).toBe(1);
  });
});

describe("GET /v1/requests", () => {
  it("lists newest first and filters by status, member state, type and requester", async () => {
    const first = await fileOk();
    await fileOk(
      newRequest({
        memberState: "ML",
        type: "training",
        requester: { name: "Moussa", slackUserId: "U0MOUSSA" },
      }),
    );
    await fileOk(
      newRequest({ memberState: "NE", requester: { name: "Fatima", email: "fatima@example.org" } }),
    );
    await move(first.reference, { to: "under_review", actor: "U0TRIAGER" });

    const list = async (query: string) => {
      const response = await app.request(`/v1/requests${query}`, { token: reader });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Request[] }).items.map((request) => request.reference);
    };
    expect(await list("")).toEqual(["BSI-2026-0003", "BSI-2026-0002", "BSI-2026-0001"]);
    expect(await list("?status=under_review")).toEqual(["BSI-2026-0001"]);
    expect(await list("?memberState=ML,NE")).toEqual(["BSI-2026-0003", "BSI-2026-0002"]);
    expect(await list("?type=training")).toEqual(["BSI-2026-0002"]);
    expect(await list("?requester=U0MOUSSA")).toEqual(["BSI-2026-0002"]);
    expect(await list("?requester=FATIMA@example.org")).toEqual(["BSI-2026-0003"]);
    expect(await list("?requester=awa.diop@example.org&status=submitted")).toEqual([]);
  });

  it("pages through every request with nextCursor, without repeats", async () => {
    for (let index = 0; index < 7; index += 1) await fileOk(newRequest({ summary: `Request ${index}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : "?limit=3";
      const response = await app.request(`/v1/requests${query}`, { token: reader });
      const body = (await response.json()) as { items: Request[]; nextCursor: string | null };
      seen.push(...body.items.map((request) => request.reference));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(
      ["0007", "0006", "0005", "0004", "0003", "0002", "0001"].map((n) => `BSI-2026-${n}`),
    );
  });

  it("refuses a cursor from another listing or filter", async () => {
    for (let index = 0; index < 3; index += 1) await fileOk();
    const page = await app.request("/v1/requests?limit=1&status=submitted", { token: reader });
    const { nextCursor } = (await page.json()) as { nextCursor: string };
    const otherFilter = await app.request(`/v1/requests?limit=1&cursor=${encodeURIComponent(nextCursor)}`, {
      token: reader,
    });
    expect(otherFilter.status).toBe(400);
    const events = (await (await app.request("/v1/events?limit=1")).json()) as { nextCursor: string };
    const foreign = await app.request(`/v1/requests?cursor=${encodeURIComponent(events.nextCursor)}`, {
      token: reader,
    });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as Problem).errors?.[0]?.field).toBe("cursor");
  });

  it("refuses an unknown status filter and a requester that is neither a Slack id nor an email", async () => {
    const status = await app.request("/v1/requests?status=lost", { token: reader });
    expect(status.status).toBe(400);
    expect(((await status.json()) as Problem).errors?.[0]?.field).toBe("status");
    const requester = await app.request("/v1/requests?requester=awa", { token: reader });
    expect(requester.status).toBe(400);
  });
});

describe("GET /v1/requests/{ref}", () => {
  it("returns the request with its whole history, accepting a lower-case reference", async () => {
    const request = await fileOk();
    await move(request.reference, { to: "under_review", actor: "U0TRIAGER", note: "Looking at it" });
    const response = await app.request("/v1/requests/bsi-2026-0001", { token: reader });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Request;
    expect(body.status).toBe("under_review");
    expect(body.history?.map((entry) => [entry.from, entry.to, entry.actor, entry.note])).toEqual([
      [null, "submitted", "U0AWADIOP", null],
      ["submitted", "under_review", "U0TRIAGER", "Looking at it"],
    ]);
  });

  it("answers 404 for an unknown reference and 400 for a malformed one", async () => {
    expect((await app.request("/v1/requests/BSI-2026-0999", { token: reader })).status).toBe(404);
    const malformed = await app.request("/v1/requests/REQ-1", { token: reader });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problem).errors?.[0]?.field).toBe("ref");
  });
});

describe("POST /v1/requests/{ref}/transitions", () => {
  async function history(reference: string) {
    const response = await app.request(`/v1/requests/${reference}`, { token: reader });
    return (await response.json()) as Request;
  }

  it("walks a request from submitted to completed, one history entry and activity per move", async () => {
    const { reference } = await fileOk();
    for (const to of ["under_review", "accepted", "in_progress", "completed"]) {
      const response = await move(reference, { to, actor: "U0TRIAGER" });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Request).status).toBe(to);
    }
    const request = await history(reference);
    expect(request.history?.map((entry) => entry.to)).toEqual([
      "submitted",
      "under_review",
      "accepted",
      "in_progress",
      "completed",
    ]);
    const feed = await app.request("/v1/activity?type=request.status_changed", { token: reader });
    const items = ((await feed.json()) as { items: { data: { from: string; to: string } }[] }).items;
    expect(items.map((item) => `${item.data.from}->${item.data.to}`)).toEqual([
      "submitted->under_review",
      "under_review->accepted",
      "accepted->in_progress",
      "in_progress->completed",
    ]);
  });

  it("rejects a transition from submitted to completed with 409 and changes nothing", async () => {
    const { reference } = await fileOk();
    const activityBefore = await countRows("activity");
    const response = await move(reference, { to: "completed", actor: "U0TRIAGER" });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as Problem;
    expect(problem.detail).toMatch(/cannot move from submitted to completed/);
    const request = await history(reference);
    expect(request.status).toBe("submitted");
    expect(request.history).toHaveLength(1);
    expect(await countRows("activity")).toBe(activityBefore);
  });

  it("rejects a transition from declined to in_progress: declined is final", async () => {
    const { reference } = await fileOk();
    await move(reference, { to: "under_review", actor: "U0TRIAGER" });
    await move(reference, { to: "declined", actor: "U0TRIAGER", note: "Outside the initiative's scope" });
    const response = await move(reference, { to: "in_progress", actor: "U0TRIAGER" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as Problem).detail).toMatch(/final/);
    expect((await history(reference)).status).toBe("declined");
  });

  it("requires a note to decline", async () => {
    const { reference } = await fileOk();
    await move(reference, { to: "under_review", actor: "U0TRIAGER" });
    const response = await move(reference, { to: "declined", actor: "U0TRIAGER", note: "  " });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]?.field).toBe("note");
    expect(problem.detail).toMatch(/note/);
    expect((await history(reference)).status).toBe("under_review");
  });

  it("refuses an unknown target status with 400", async () => {
    const { reference } = await fileOk();
    const response = await move(reference, { to: "archived", actor: "U0TRIAGER" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe("to");
  });

  it("answers 404 for a move on an unknown request", async () => {
    expect((await move("BSI-2026-0404", { to: "under_review", actor: "U0TRIAGER" })).status).toBe(404);
  });

  it("lets the requester withdraw their own request with a requests:write key", async () => {
    const { reference } = await fileOk();
    const response = await move(
      reference,
      { to: "withdrawn", actor: "U0AWADIOP", note: "No longer needed" },
      writer,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Request;
    expect(body.status).toBe("withdrawn");
    expect(body.requester.email).toBeNull();
  });

  it("lets the requester withdraw by email, in any case", async () => {
    const { reference } = await fileOk();
    const response = await move(reference, { to: "withdrawn", actor: "AWA.DIOP@example.org" }, writer);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Request;
    expect(body.history?.at(-1)?.actor).toBe("requester");
  });

  it("does not let a requests:write key withdraw someone else's request or make other moves", async () => {
    const { reference } = await fileOk();
    const other = await move(reference, { to: "withdrawn", actor: "U0SOMEONE" }, writer);
    expect(other.status).toBe(403);
    expect(((await other.json()) as Problem).errors?.[0]?.field).toBe("actor");
    const review = await move(reference, { to: "under_review", actor: "U0AWADIOP" }, writer);
    expect(review.status).toBe(403);
    expect((await history(reference)).status).toBe("submitted");
  });

  it("answers a requests:write key alike for a closed request and another's, so no email or status leaks", async () => {
    const { reference } = await fileOk();
    const open = await move(reference, { to: "withdrawn", actor: "guess@example.org" }, writer);
    await move(reference, { to: "withdrawn", actor: "U0AWADIOP" }, writer);
    const guessed = await move(reference, { to: "withdrawn", actor: "guess@example.org" }, writer);
    const real = await move(reference, { to: "withdrawn", actor: "awa.diop@example.org" }, writer);
    const answers = await Promise.all(
      [open, guessed, real].map(async (response) => [
        response.status,
        ((await response.json()) as Problem).detail,
      ]),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(403);
    expect(answers[0]?.[1]).not.toMatch(/withdrawn|final/);
  });

  it("refuses a reference that was never issued, such as sequence 0000, with 400", async () => {
    for (const ref of ["BSI-2026-0000", "BSI-2026-9999999999999999999999"]) {
      const read = await app.request(`/v1/requests/${ref}`, { token: reader });
      expect(read.status).toBe(400);
      expect(((await read.json()) as Problem).errors?.[0]?.field).toBe("ref");
      expect((await move(ref, { to: "under_review", actor: "U0TRIAGER" })).status).toBe(400);
    }
  });
});

describe("PATCH /v1/requests/{ref}", () => {
  it("changes the priority and records request.updated", async () => {
    const { reference } = await fileOk();
    const response = await app.request(`/v1/requests/${reference}`, {
      method: "PATCH",
      token: manager,
      json: { priority: "urgent", actor: "U0TRIAGER" },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Request).priority).toBe("urgent");
    const feed = await app.request("/v1/activity?type=request.updated", { token: reader });
    const items = ((await feed.json()) as { items: { data: { changed: string[] } }[] }).items;
    expect(items.map((item) => item.data.changed)).toEqual([["priority"]]);
  });

  it("refuses an unknown related event (422) and a change to a final request (409)", async () => {
    const { reference } = await fileOk();
    const unknown = await app.request(`/v1/requests/${reference}`, {
      method: "PATCH",
      token: manager,
      json: { relatedEventId: "2099-01-nowhere", actor: "U0TRIAGER" },
    });
    expect(unknown.status).toBe(422);
    await move(reference, { to: "withdrawn", actor: "U0TRIAGER" });
    const final = await app.request(`/v1/requests/${reference}`, {
      method: "PATCH",
      token: manager,
      json: { priority: "low", actor: "U0TRIAGER" },
    });
    expect(final.status).toBe(409);
  });
});

describe("scopes", () => {
  const routes: { method: string; path: string; scope: string; json?: unknown }[] = [
    { method: "POST", path: "/v1/requests", scope: "requests:write", json: newRequest() },
    { method: "GET", path: "/v1/requests", scope: "requests:read" },
    { method: "GET", path: "/v1/requests/BSI-2026-0001", scope: "requests:read" },
    {
      method: "POST",
      path: "/v1/requests/BSI-2026-0001/transitions",
      scope: "requests:manage",
      json: { to: "under_review", actor: "U0TRIAGER" },
    },
    {
      method: "PATCH",
      path: "/v1/requests/BSI-2026-0001",
      scope: "requests:manage",
      json: { priority: "high", actor: "U0TRIAGER" },
    },
    { method: "GET", path: "/v1/activity", scope: "requests:read" },
    { method: "GET", path: "/v1/webhooks", scope: "webhooks:manage" },
    { method: "GET", path: "/v1/webhooks/wh_0000000000000000", scope: "webhooks:manage" },
    {
      method: "POST",
      path: "/v1/webhooks",
      scope: "webhooks:manage",
      json: { url: "http://127.0.0.1:9/hook", events: ["request.created"] },
    },
    { method: "DELETE", path: "/v1/webhooks/wh_0000000000000000", scope: "webhooks:manage" },
    { method: "GET", path: "/v1/webhooks/wh_0000000000000000/deliveries", scope: "webhooks:manage" },
  ];

  for (const route of routes) {
    it(`${route.method} ${route.path} answers 401 without a key and 403 without ${route.scope}`, async () => {
      await fileOk();
      const { SCOPES } = await import("@bsi/domain");
      const others = await app.createKey(
        SCOPES.filter(
          (scope) =>
            scope !== route.scope && !(route.scope === "requests:manage" && scope === "requests:write"),
        ),
        "other-scopes",
      );
      const init = { method: route.method, ...(route.json ? { json: route.json } : {}) };
      const anonymous = await app.request(route.path, init);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
      const forbidden = await app.request(route.path, { ...init, token: others });
      expect(forbidden.status).toBe(403);
      expect(((await forbidden.json()) as Problem).detail).toContain(route.scope);
    });
  }

  it("refuses a requests:write key a transition other than the requester's own withdrawal", async () => {
    const { reference } = await fileOk();
    const response = await move(reference, { to: "under_review", actor: "U0AWADIOP" }, writer);
    expect(response.status).toBe(403);
  });
});
