import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

interface Feed {
  items: { id: string; type: string; subject: string; at: string }[];
  nextCursor: string;
  hasMore: boolean;
}

let app: TestApp;
let reader: string;
let writer: string;

beforeEach(async () => {
  app = await createTestApp({ seed: false, now: () => new Date("2026-05-04T10:00:00.000Z") });
  reader = await app.createKey(["requests:read"]);
  writer = await app.createKey(["requests:write", "requests:manage"]);
});

afterEach(async () => {
  await app.close();
});

async function fileRequest(summary: string): Promise<string> {
  const response = await app.request("/v1/requests", {
    method: "POST",
    token: writer,
    json: {
      type: "information",
      memberState: "KE",
      summary,
      requester: { name: "Amina", slackUserId: "U0AMINA" },
    },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

async function readFeed(query = ""): Promise<Feed> {
  const response = await app.request(`/v1/activity${query}`, { token: reader });
  expect(response.status).toBe(200);
  return (await response.json()) as Feed;
}

describe("GET /v1/activity", () => {
  it("returns every change in order and resumes exactly where the client stopped", async () => {
    for (const summary of ["one", "two", "three"]) await fileRequest(summary);
    const first = await readFeed("?limit=2");
    expect(first.items.map((item) => item.subject)).toEqual(["BSI-2026-0001", "BSI-2026-0002"]);
    expect(first.hasMore).toBe(true);

    const reference = await fileRequest("four");
    await app.request(`/v1/requests/${reference}/transitions`, {
      method: "POST",
      token: writer,
      json: { to: "under_review", actor: "U0TRIAGER" },
    });
    const second = await readFeed(`?limit=10&after=${encodeURIComponent(first.nextCursor)}`);
    expect(second.items.map((item) => [item.type, item.subject])).toEqual([
      ["request.created", "BSI-2026-0003"],
      ["request.created", "BSI-2026-0004"],
      ["request.status_changed", "BSI-2026-0004"],
    ]);
    expect(second.hasMore).toBe(false);

    const caughtUp = await readFeed(`?after=${encodeURIComponent(second.nextCursor)}`);
    expect(caughtUp.items).toEqual([]);
    await fileRequest("five");
    const later = await readFeed(`?after=${encodeURIComponent(caughtUp.nextCursor)}`);
    expect(later.items.map((item) => item.subject)).toEqual(["BSI-2026-0005"]);
  });

  it("gives a cursor even for an empty feed, from which new records are read", async () => {
    const empty = await readFeed();
    expect(empty.items).toEqual([]);
    await fileRequest("first");
    const next = await readFeed(`?after=${encodeURIComponent(empty.nextCursor)}`);
    expect(next.items).toHaveLength(1);
  });

  it("filters by activity type", async () => {
    const reference = await fileRequest("one");
    await app.request(`/v1/requests/${reference}/transitions`, {
      method: "POST",
      token: writer,
      json: { to: "withdrawn", actor: "U0AMINA" },
    });
    const feed = await readFeed("?type=request.status_changed");
    expect(feed.items.map((item) => item.type)).toEqual(["request.status_changed"]);
  });

  it("records no change for an update that changes nothing, and only the fields that changed", async () => {
    const reference = await fileRequest("priority stays");
    const patch = (json: Record<string, unknown>) =>
      app.request(`/v1/requests/${reference}`, { method: "PATCH", token: writer, json });
    expect((await patch({ priority: "high", actor: "ops" })).status).toBe(200);
    const same = await patch({ priority: "high", agency: "", actor: "ops" });
    expect(same.status).toBe(200);
    expect(((await same.json()) as { priority: string }).priority).toBe("high");
    expect((await patch({ priority: "high", agency: "Customs", actor: "ops" })).status).toBe(200);
    const updates = (await readFeed("?type=request.updated")).items as unknown as Array<{
      data: { changed: string[] };
    }>;
    expect(updates.map((item) => item.data.changed)).toEqual([["priority"], ["agency"]]);

    const catalog = await app.createKey(["catalog:write"]);
    const event = {
      id: "2027-02-no-change-seminar",
      title: "Seminar that stays the same",
      kind: "seminar",
      startsOn: "2027-02-01",
      endsOn: "2027-02-02",
    };
    expect((await app.request("/v1/events", { method: "POST", token: catalog, json: event })).status).toBe(
      201,
    );
    const unchanged = await app.request(`/v1/events/${event.id}`, {
      method: "PATCH",
      token: catalog,
      json: { title: event.title },
    });
    expect(unchanged.status).toBe(200);
    expect((await readFeed("?type=event.updated")).items).toHaveLength(0);
  });

  it("refuses a cursor from another listing, a forged one and an unknown type with 400", async () => {
    for (const summary of ["a", "b"]) await fileRequest(summary);
    const requests = await app.request("/v1/requests?limit=1", { token: reader });
    const { nextCursor } = (await requests.json()) as { nextCursor: string };
    for (const after of [nextCursor, "eyJhIjoxMDB9.forged", "not-a-cursor"]) {
      const response = await app.request(`/v1/activity?after=${encodeURIComponent(after)}`, {
        token: reader,
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { detail: string; errors: { field: string }[] };
      expect(problem.errors[0]?.field).toBe("after");
      expect(problem.detail).toContain("after is not a cursor this feed issued");
    }
    const unknownType = await app.request("/v1/activity?type=request.deleted", { token: reader });
    expect(unknownType.status).toBe(400);
  });
});
