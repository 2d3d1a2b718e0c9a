import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../lib/test-app.js";

let api: TestApp;
let writer: string;

beforeAll(async () => {
  api = await createTestApp({ now: () => new Date("2026-11-24T10:00:00Z") });
  writer = await api.createKey(["catalog:write"]);
});
afterAll(async () => {
  await api?.close();
});

async function terminateConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: process.env.BSI_TEST_POSTGRES_URL });
  await admin.connect();
  try {
    const database = new URL(api.handle.location.replace("***", "x")).pathname.slice(1);
    const result = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe("on PostgreSQL", () => {
  it("returns the same types as SQLite: numbers, ISO date strings, booleans", async () => {
    const event = (await (await api.request("/v1/events/2015-09-vienna-experts-seminar")).json()) as Record<
      string,
      unknown
    >;
    expect(event.startsOn).toBe("2015-09-10");
    expect(event.online).toBe(false);
    expect(event.sample).toBe(false);
    expect(typeof event.createdAt).toBe("string");
  });

  it("ranks search results like the SQLite module on the same questions", async () => {
    const vienna = (await (await api.request("/v1/events?q=vienna")).json()) as {
      items: Array<{ city: string }>;
    };
    expect(vienna.items.every((event) => event.city === "Vienna")).toBe(true);
    const api_pnr = (await (
      await api.request("/v1/practices?q=advance%20passenger%20information")
    ).json()) as {
      items: Array<{ id: string }>;
    };
    expect(api_pnr.items[0]?.id).toBe("advance-passenger-information-and-pnr");
    const accents = (await (await api.request("/v1/events?q=S%C3%A9n%C3%A9gal")).json()) as {
      items: Array<{ country: string }>;
    };
    expect(accents.items.map((event) => event.country)).toContain("SN");
  });

  it("survives the server dropping every connection under load: 503s at worst, nothing committed lost", async () => {
    const created: string[] = [];
    const statuses: number[] = [];
    const load = Array.from({ length: 60 }, async (_, index) => {
      if (index === 20) await terminateConnections();
      const response =
        index % 2 === 0
          ? await api.request("/v1/events?upcoming=true")
          : await api.request("/v1/events", {
              method: "POST",
              token: writer,
              json: {
                id: `pg-restart-${index}`,
                title: `Restart test ${index}`,
                kind: "meeting",
                startsOn: "2027-06-01",
                endsOn: "2027-06-01",
              },
            });
      statuses.push(response.status);
      if (response.status === 201) created.push(`pg-restart-${index}`);
      if (response.status >= 500) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBeTruthy();
      }
    });
    await Promise.all(load);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    // The pool reconnects: reads and writes work again, and every 201 is still there.
    expect((await api.request("/ready")).status).toBe(200);
    for (const id of created) expect((await api.request(`/v1/events/${id}`)).status).toBe(200);
  });
});
