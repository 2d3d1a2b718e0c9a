import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";
import { openApi } from "../../runtime.js";

let api: TestApp;
let writer: string;

beforeAll(async () => {
  api = await createTestApp({ now: () => new Date("2026-11-24T10:00:00Z") });
  writer = await api.createKey(["catalog:write"]);
});
afterAll(async () => {
  await api.close();
});

const ask = async (question: string) =>
  (await (await api.request("/v1/ask", { method: "POST", json: { question } })).json()) as {
    events: Array<{ id: string }>;
  };

describe("answers kept between identical questions", () => {
  it("are recomputed as soon as the catalogue changes", async () => {
    const before = await ask("seminars in vienna");
    expect(before.events.map((event) => event.id)).not.toContain("2027-02-vienna-new-seminar");
    const again = await ask("seminars in vienna");
    expect(again).toEqual(before);

    const created = await api.request("/v1/events", {
      method: "POST",
      token: writer,
      json: {
        id: "2027-02-vienna-new-seminar",
        title: "New seminar on border policing",
        kind: "seminar",
        startsOn: "2027-02-10",
        endsOn: "2027-02-11",
        city: "Vienna",
        country: "AT",
      },
    });
    expect(created.status).toBe(201);
    const after = await ask("seminars in vienna");
    expect(after.events.map((event) => event.id)).toContain("2027-02-vienna-new-seminar");

    await api.request("/v1/events/2027-02-vienna-new-seminar", { method: "DELETE", token: writer });
    const afterDelete = await ask("seminars in vienna");
    expect(afterDelete.events.map((event) => event.id)).not.toContain("2027-02-vienna-new-seminar");
  });
});

describe("a change made by another instance on the same database", () => {
  it("reaches this instance's cached listings and answers with the next request", async () => {
    const other = await openApi(api.deps.config, { now: () => new Date("2026-11-24T10:00:00Z") });
    try {
      const listing = async () =>
        (
          (await (await api.request("/v1/events?country=AT&upcoming=true")).json()) as {
            items: Array<{ id: string }>;
          }
        ).items.map((event) => event.id);
      const before = await listing();
      expect(await listing()).toEqual(before); // now served from the cache
      const vienna = await ask("seminars in vienna");

      const created = await other.app.request("/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${writer}`, "content-type": "application/json" },
        body: JSON.stringify({
          id: "2027-04-vienna-other-instance",
          title: "Seminar filed through another instance",
          kind: "seminar",
          startsOn: "2027-04-10",
          endsOn: "2027-04-11",
          city: "Vienna",
          country: "AT",
        }),
      });
      expect(created.status).toBe(201);
      // A request from the network arrives in a later turn of the event loop than the write's answer.
      await new Promise((resolve) => setImmediate(resolve));

      const after = await listing();
      expect(after).toContain("2027-04-vienna-other-instance");
      expect(after).toHaveLength(before.length + 1);
      const again = await ask("seminars in vienna");
      expect(again.events.map((event) => event.id)).toContain("2027-04-vienna-other-instance");
      expect(again).not.toEqual(vienna);
    } finally {
      await other.close();
    }
  });
});
