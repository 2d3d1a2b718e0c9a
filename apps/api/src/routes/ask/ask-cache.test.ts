import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

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
