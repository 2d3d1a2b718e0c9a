import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

const NOW = new Date("2026-11-24T10:00:00Z");
let api: TestApp;
let writer: string;
let reader: string;

async function countEvents(): Promise<number> {
  const row = await api.handle.db
    .selectFrom("events")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

const newEvent = (overrides: Record<string, unknown> = {}) => ({
  id: "2027-03-dakar-test-workshop",
  title: "Test workshop in Dakar",
  kind: "workshop",
  startsOn: "2027-03-10",
  endsOn: "2027-03-11",
  timeZone: "Africa/Dakar",
  city: "Dakar",
  country: "SN",
  region: "sahel",
  themes: ["community-engagement"],
  summary: "A workshop made by a test.",
  ...overrides,
});

beforeAll(async () => {
  api = await createTestApp({ now: () => NOW });
  writer = await api.createKey(["catalog:write"], "writer");
  reader = await api.createKey(["requests:read"], "reader");
});
afterAll(async () => {
  await api.close();
});

describe("GET /v1/events?upcoming=true", () => {
  it("returns the sample programme, soonest first, all ending today or later and marked sample", async () => {
    const response = await api.request("/v1/events?upcoming=true&limit=100");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: Array<{ startsOn: string; endsOn: string; sample: boolean }>;
    };
    expect(body.items.length).toBeGreaterThanOrEqual(8);
    const starts = body.items.map((event) => event.startsOn);
    expect(starts).toEqual([...starts].sort());
    for (const event of body.items) {
      expect(event.endsOn >= "2026-11-24").toBe(true);
      expect(event.sample).toBe(true);
    }
  });

  it("leaves the sample programme out with sample=false, keeping the historical catalogue", async () => {
    const upcoming = (await (await api.request("/v1/events?upcoming=true&sample=false")).json()) as {
      items: unknown[];
    };
    expect(upcoming.items).toHaveLength(0);
    const all = (await (await api.request("/v1/events?sample=false&limit=100")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(all.items.map((event) => event.id)).toContain("2015-09-vienna-experts-seminar");
  });
});

describe("filters and pagination", () => {
  it("walks every page with the cursor without repeating or skipping an event", async () => {
    const all = (await (await api.request("/v1/events?limit=100")).json()) as {
      items: Array<{ id: string }>;
    };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/events?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = (await (await api.request(url)).json()) as {
        items: Array<{ id: string }>;
        nextCursor: string | null;
      };
      seen.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((event) => event.id));
  });

  it("filters by region, kind, country and theme together", async () => {
    const body = (await (await api.request("/v1/events?region=sahel&kind=workshop&limit=100")).json()) as {
      items: Array<{ region: string; kind: string }>;
    };
    expect(body.items.length).toBeGreaterThan(0);
    for (const event of body.items) expect([event.region, event.kind]).toEqual(["sahel", "workshop"]);
    const kenya = (await (await api.request("/v1/events?country=KE")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(kenya.items.map((event) => event.id)).toEqual(["2015-12-nairobi-horn-of-africa-workshop"]);
    const api_pnr = (await (await api.request("/v1/events?theme=api-pnr")).json()) as {
      items: Array<{ themes: string[] }>;
    };
    expect(api_pnr.items.length).toBeGreaterThan(0);
    for (const event of api_pnr.items) expect(event.themes).toContain("api-pnr");
  });

  it("finds events overlapping a date range", async () => {
    const body = (await (await api.request("/v1/events?from=2015-09-11&to=2015-12-03")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(body.items.map((event) => event.id)).toEqual([
      "2015-09-vienna-experts-seminar",
      "2015-12-nairobi-horn-of-africa-workshop",
    ]);
  });

  it("searches titles, places and theme synonyms, best match first", async () => {
    const vienna = (await (await api.request("/v1/events?q=vienna")).json()) as {
      items: Array<{ city: string }>;
    };
    expect(vienna.items.length).toBeGreaterThan(0);
    for (const event of vienna.items) expect(event.city).toBe("Vienna");
    const ftf = (await (await api.request("/v1/events?q=FTF")).json()) as {
      items: Array<{ themes: string[] }>;
    };
    expect(ftf.items.length).toBeGreaterThan(0);
    for (const event of ftf.items) expect(event.themes).toContain("ftf-travel");
    const french = (await (await api.request("/v1/events?q=Sénégal")).json()) as {
      items: Array<{ country: string }>;
    };
    expect(french.items.map((event) => event.country)).toContain("SN");
  });
});

describe("searching with compatibility characters", () => {
  it.each([
    ["a ligature", "\ufb01rst", "first"],
    ["full-width letters", "\uff36\uff49\uff45\uff4e\uff4e\uff41", "vienna"],
    ["an ordinal indicator", "N\u00ba", "no"],
  ])("finds with %s what the plain word finds", async (_what, folded, plain) => {
    const idsOf = async (q: string) => {
      const response = await api.request(`/v1/events?q=${encodeURIComponent(q)}&limit=100`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ id: string }> }).items.map((event) => event.id);
    };
    const expected = await idsOf(plain);
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsOf(folded)).toEqual(expected);
  });
});

describe("searching by organizer and partner", () => {
  it("finds an event by a partner, under any of the organization's names", async () => {
    for (const q of ["IOM", "OIM", "international organization for migration"]) {
      const page = (await (await api.request(`/v1/events?q=${encodeURIComponent(q)}`)).json()) as {
        items: Array<{ partners: string[]; organizers: string[] }>;
      };
      expect(page.items.length, q).toBeGreaterThan(0);
      for (const event of page.items) expect([...event.partners, ...event.organizers]).toContain("IOM");
    }
  });

  it("finds an organizer named inside a longer name ('GCTF East Africa Working Group')", async () => {
    const page = (await (await api.request("/v1/events?q=GCTF")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(page.items.map((event) => event.id)).toContain("2020-12-virtual-joint-workshop");
  });
});

describe("bad input gets a 4xx problem naming the field, and nothing changes", () => {
  const cases: Array<[string, string, number, string]> = [
    ["an impossible date", "/v1/events?from=2026-13-45", 400, "from"],
    ["to before from", "/v1/events?from=2027-01-10&to=2027-01-01", 400, "to"],
    ["limit 0", "/v1/events?limit=0", 400, "limit"],
    ["limit -1", "/v1/events?limit=-1", 400, "limit"],
    ["limit 1000", "/v1/events?limit=1000", 400, "limit"],
    ["limit abc", "/v1/events?limit=abc", 400, "limit"],
    [
      "a forged cursor",
      "/v1/events?cursor=eyJzIjoiMjAxNS0wMS0wMSIsImkiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAA",
      400,
      "cursor",
    ],
    ["a cursor that is not one", "/v1/events?cursor=abc", 400, "cursor"],
    ["an unknown parameter", "/v1/events?colour=blue", 400, "colour"],
    ["an unknown kind", "/v1/events?kind=party", 400, "kind"],
    ["a quote in q", `/v1/events?q=${encodeURIComponent('"sahel')}`, 400, "q"],
    ["boolean operators in q", "/v1/events?q=AND%20OR", 400, "q"],
    ["a star in q", "/v1/events?q=*", 400, "q"],
    ["NEAR( in q", "/v1/events?q=NEAR(a%20b)", 400, "q"],
    ["a 10,000-character q", `/v1/events?q=${"a".repeat(10_000)}`, 400, "q"],
    ["an unknown event", "/v1/events/no-such-event", 404, ""],
  ];
  for (const [what, url, status, field] of cases) {
    it(`refuses ${what}`, async () => {
      const response = await api.request(url);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await response.json()) as {
        status: number;
        detail: string;
        errors?: Array<{ field: string }>;
      };
      expect(problem.status).toBe(status);
      if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
    });
  }

  it("refuses a truncated cursor", async () => {
    const page = (await (await api.request("/v1/events?limit=2")).json()) as { nextCursor: string };
    const response = await api.request(`/v1/events?limit=2&cursor=${page.nextCursor.slice(0, -3)}`);
    expect(response.status).toBe(400);
  });

  it("refuses a cursor made for another listing", async () => {
    const page = (await (await api.request("/v1/events?limit=2&kind=workshop")).json()) as {
      nextCursor: string;
    };
    const response = await api.request(`/v1/events?limit=2&kind=seminar&cursor=${page.nextCursor}`);
    expect(response.status).toBe(400);
  });

  it("refuses writes without a key, with a key lacking the scope, or with a revoked key", async () => {
    const before = await countEvents();
    expect((await api.request("/v1/events", { method: "POST", json: newEvent() })).status).toBe(401);
    const wrongScope = await api.request("/v1/events", { method: "POST", json: newEvent(), token: reader });
    expect(wrongScope.status).toBe(403);
    expect(((await wrongScope.json()) as { detail: string }).detail).toContain("catalog:write");
    const revoked = await api.createKey(["catalog:write"], "soon revoked");
    const { revokeApiKey } = await import("../../auth/api-keys.js");
    await revokeApiKey(api.handle.db, revoked.slice(0, 10));
    expect(
      (await api.request("/v1/events", { method: "POST", json: newEvent(), token: revoked })).status,
    ).toBe(401);
    expect(await countEvents()).toBe(before);
  });

  it("refuses unknown body fields, bad JSON, the wrong content type and a body over the limit", async () => {
    const before = await countEvents();
    const unknown = await api.request("/v1/events", {
      method: "POST",
      json: newEvent({ colour: "blue" }),
      token: writer,
    });
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).toContain("colour");
    const badJson = await api.request("/v1/events", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
      token: writer,
    });
    expect(badJson.status).toBe(400);
    const wrongType = await api.request("/v1/events", {
      method: "POST",
      body: "title=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      token: writer,
    });
    expect(wrongType.status).toBe(415);
    const huge = await api.request("/v1/events", {
      method: "POST",
      json: newEvent({ summary: "x".repeat(200_000) }),
      token: writer,
    });
    expect(huge.status).toBe(413);
    const endsFirst = await api.request("/v1/events", {
      method: "POST",
      json: newEvent({ endsOn: "2027-03-01" }),
      token: writer,
    });
    // Well-formed dates in the wrong order break a rule: 422, as the same change by PATCH gets.
    expect(endsFirst.status).toBe(422);
    expect(
      ((await endsFirst.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).toContain("endsOn");
    expect(await countEvents()).toBe(before);
  });
});

describe("writing with a catalog:write key", () => {
  it("creates, edits and deletes an event, and refuses a duplicate id with 409", async () => {
    const created = await api.request("/v1/events", { method: "POST", json: newEvent(), token: writer });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/v1/events/2027-03-dakar-test-workshop");
    const duplicate = await api.request("/v1/events", { method: "POST", json: newEvent(), token: writer });
    expect(duplicate.status).toBe(409);

    const listed = (await (await api.request("/v1/events?country=SN&upcoming=true")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(listed.items.map((event) => event.id)).toContain("2027-03-dakar-test-workshop");

    const edited = await api.request("/v1/events/2027-03-dakar-test-workshop", {
      method: "PATCH",
      json: { title: "Renamed workshop", status: "confirmed" },
      token: writer,
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { title: string }).title).toBe("Renamed workshop");
    const found = (await (await api.request("/v1/events?q=renamed")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(found.items.map((event) => event.id)).toEqual(["2027-03-dakar-test-workshop"]);

    const breaking = await api.request("/v1/events/2027-03-dakar-test-workshop", {
      method: "PATCH",
      json: { endsOn: "2027-01-01" },
      token: writer,
    });
    expect(breaking.status).toBe(422);

    expect(
      (await api.request("/v1/events/2027-03-dakar-test-workshop", { method: "DELETE", token: writer }))
        .status,
    ).toBe(204);
    expect((await api.request("/v1/events/2027-03-dakar-test-workshop")).status).toBe(404);
    const afterDelete = (await (await api.request("/v1/events?q=renamed")).json()) as { items: unknown[] };
    expect(afterDelete.items).toHaveLength(0);
  });

  it("refuses to delete an event a request names, and lets it be cancelled instead", async () => {
    expect(
      (await api.request("/v1/events", { method: "POST", json: newEvent(), token: writer })).status,
    ).toBe(201);
    const filer = await api.createKey(["requests:write", "requests:read"], "filer");
    const filed = await api.request("/v1/requests", {
      method: "POST",
      token: filer,
      json: {
        type: "workshop_participation",
        memberState: "SN",
        summary: "Two seats for the Dakar workshop",
        relatedEventId: "2027-03-dakar-test-workshop",
        requester: { name: "Awa Diop", email: "awa.diop@example.org" },
        source: "api",
      },
    });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };

    const deleted = await api.request("/v1/events/2027-03-dakar-test-workshop", {
      method: "DELETE",
      token: writer,
    });
    expect(deleted.status).toBe(409);
    expect(((await deleted.json()) as { detail: string }).detail).toContain(reference);
    const request = (await (await api.request(`/v1/requests/${reference}`, { token: filer })).json()) as {
      relatedEventId: string | null;
    };
    expect(request.relatedEventId).toBe("2027-03-dakar-test-workshop");
    const cancelled = await api.request("/v1/events/2027-03-dakar-test-workshop", {
      method: "PATCH",
      json: { status: "cancelled" },
      token: writer,
    });
    expect(cancelled.status).toBe(200);
  });

  it("keeps a theme listed twice once, rather than calling the id taken", async () => {
    const created = await api.request("/v1/events", {
      method: "POST",
      json: newEvent({ id: "2027-06-twice-themed-workshop", themes: ["biometrics", "biometrics"] }),
      token: writer,
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { themes: string[] }).themes).toEqual(["biometrics"]);
  });

  it("keeps to events an organization really names, not ones whose partner shares a word", async () => {
    const created = await api.request("/v1/events", {
      method: "POST",
      json: newEvent({
        id: "2027-06-dakar-police-workshop",
        partners: ["Police de l'air et des frontières au Sénégal"],
      }),
      token: writer,
    });
    expect(created.status).toBe(201);
    const asked = await api.request("/v1/ask", {
      method: "POST",
      json: { question: "events with the African Union", now: NOW.toISOString() },
    });
    const body = (await asked.json()) as { text: string };
    expect(body.text).toMatch(/^I found no events with the AU\./);
  });

  it("answers simultaneous creations of one id with one 201 and 409s, never a 500", async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.request("/v1/events", {
          method: "POST",
          json: newEvent({ id: "2027-05-simultaneous-workshop" }),
          token: writer,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it("never leaves a request without its event when a delete races the filing that names it", async () => {
    const filer = await api.createKey(["requests:write", "requests:read"], "racing filer");
    for (let round = 0; round < 12; round += 1) {
      const id = `2027-04-race-${round}-workshop`;
      const created = await api.request("/v1/events", {
        method: "POST",
        json: newEvent({ id, startsOn: "2027-04-10", endsOn: "2027-04-11" }),
        token: writer,
      });
      expect(created.status).toBe(201);
      const [filed, deleted] = await Promise.all([
        api.request("/v1/requests", {
          method: "POST",
          token: filer,
          json: {
            type: "workshop_participation",
            memberState: "SN",
            summary: `A seat at race workshop ${round}`,
            relatedEventId: id,
            requester: { name: "Awa Diop", email: "awa.diop@example.org" },
            source: "api",
          },
        }),
        // A few milliseconds later each round, so the two meet at different points.
        new Promise((resolve) => setTimeout(resolve, round % 6)).then(() =>
          api.request(`/v1/events/${id}`, { method: "DELETE", token: writer }),
        ),
      ]);
      // Either the filing won (the delete is refused) or the delete won (the filing is refused).
      if (filed.status === 201) {
        expect(deleted.status).toBe(409);
        const { reference } = (await filed.json()) as { reference: string };
        const stored = (await (await api.request(`/v1/requests/${reference}`, { token: filer })).json()) as {
          relatedEventId: string | null;
        };
        expect(stored.relatedEventId).toBe(id);
      } else {
        expect(deleted.status).toBe(204);
        expect(filed.status).toBe(422);
        const problem = (await filed.json()) as { errors: Array<{ field: string }> };
        expect(problem.errors[0]?.field).toBe("relatedEventId");
      }
    }
  });

  it("serves a keyed caller (as the bot is) the cached listing everyone gets, fresh after a write, and still refuses a revoked key", async () => {
    const url = "/v1/events?country=SN&upcoming=true&limit=50";
    const ids = async (token?: string) => {
      const response = await api.request(url, token ? { token } : {});
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ id: string }> }).items.map((event) => event.id);
    };
    const anonymous = await ids();
    expect(anonymous.length).toBeGreaterThan(0);
    expect(await ids(reader)).toEqual(anonymous);
    // A row changed behind the API's back (no catalogue version bump) shows only if the keyed
    // listing is read afresh: it is served from the cache.
    const firstId = anonymous[0] as string;
    const { ends_on: endsOn } = await api.handle.db
      .selectFrom("events")
      .select("ends_on")
      .where("id", "=", firstId)
      .executeTakeFirstOrThrow();
    const setEndsOn = (value: string) =>
      api.handle.db.updateTable("events").set({ ends_on: value }).where("id", "=", firstId).execute();
    await setEndsOn("2000-01-01");
    expect(await ids(reader)).toEqual(anonymous);
    await setEndsOn(endsOn);

    const id = "2027-04-dakar-keyed-listing";
    const created = await api.request("/v1/events", {
      method: "POST",
      json: newEvent({ id, startsOn: "2027-04-10", endsOn: "2027-04-11" }),
      token: writer,
    });
    expect(created.status).toBe(201);
    expect(await ids(reader)).toContain(id);
    expect(await ids()).toContain(id);

    const revoked = await api.createKey(["requests:read"], "revoked reader");
    expect(await ids(revoked)).toContain(id);
    const { revokeApiKey } = await import("../../auth/api-keys.js");
    await revokeApiKey(api.handle.db, revoked.slice(0, 10));
    expect((await api.request(url, { token: revoked })).status).toBe(401);
    await api.request(`/v1/events/${id}`, { method: "DELETE", token: writer });
  });
});

describe("calendar feeds", () => {
  it("serves one event as an all-day RFC 5545 VEVENT whose end is the day after it ends", async () => {
    const response = await api.request("/v1/events/2016-05-dakar-sahel-workshop.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("VERSION:2.0");
    expect(text).toContain("UID:2016-05-dakar-sahel-workshop@bsi-desk");
    expect(text).toContain("DTSTART;VALUE=DATE:20160511");
    expect(text).toContain("DTEND;VALUE=DATE:20160513");
    expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("serves the upcoming programme as a feed with sample events marked", async () => {
    const text = await (await api.request("/v1/events.ics")).text();
    const count = text.split("BEGIN:VEVENT").length - 1;
    expect(count).toBeGreaterThanOrEqual(8);
    expect(text).toContain("SUMMARY:[Sample] ");
  });

  it("takes the listing's filters in the feed: past dates, a smaller limit", async () => {
    const vevents = async (path: string) => {
      const response = await api.request(path);
      expect(response.status).toBe(200);
      return (await response.text()).split("BEGIN:VEVENT").length - 1;
    };
    const listed = (await (
      await api.request("/v1/events?from=2015-01-01&to=2016-12-31&limit=100")
    ).json()) as {
      items: unknown[];
    };
    expect(listed.items.length).toBeGreaterThan(0);
    expect(await vevents("/v1/events.ics?from=2015-01-01&to=2016-12-31")).toBe(listed.items.length);
    expect(await vevents("/v1/events.ics?limit=2")).toBe(2);
    expect((await api.request("/v1/events.ics?limit=0")).status).toBe(400);
  });

  it("answers 404 for the calendar of an unknown event", async () => {
    expect((await api.request("/v1/events/nope-nope.ics")).status).toBe(404);
  });
});

describe("the service around the routes", () => {
  it("describes every route in OpenAPI 3.1 and on the docs page", async () => {
    const document = (await (await api.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe("3.1.0");
    for (const path of [
      "/v1/events",
      "/v1/events/{id}",
      "/v1/events.ics",
      "/v1/events/{id}.ics",
      "/v1/practices",
      "/v1/practices/{id}",
      "/health",
      "/ready",
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const docs = await (await api.request("/docs")).text();
    for (const path of Object.keys(document.paths)) expect(docs).toContain(path.replaceAll("&", "&amp;"));
  });

  it("sends secure headers and a request id on every response, errors and cached answers included", async () => {
    const ask = { method: "POST", headers: { "content-type": "application/json" } };
    const calls: Array<[string, RequestInit?]> = [
      ["/v1/events?upcoming=true"],
      ["/v1/events?upcoming=true"], // the second is served from the listing cache
      ["/nowhere"],
      ["/v1/events?limit=0"],
      ["/docs"],
      ["/v1/ask", { ...ask, body: JSON.stringify({ question: "what's next?" }) }],
      ["/v1/ask", { ...ask, body: "{" }],
    ];
    const ids = new Set<string>();
    for (const [path, init] of calls) {
      const response = await api.request(path, init);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      const id = response.headers.get("x-request-id") ?? "";
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(calls.length);
  });

  it("keeps a caller's plain request id and replaces one that is not", async () => {
    const kept = await api.request("/v1/events?upcoming=true", { headers: { "x-request-id": "trace-42.a" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-42.a");
    const replaced = await api.request("/v1/events", { headers: { "x-request-id": "bad id\u00e9<script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = await api.request("/nowhere", { headers: { "x-request-id": "a".repeat(300) } });
    expect(tooLong.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers /health and /ready", async () => {
    expect(await (await api.request("/health")).json()).toEqual({ status: "ok" });
    expect(await (await api.request("/ready")).json()).toEqual({
      status: "ready",
      database: process.env.BSI_TEST_POSTGRES_URL ? "postgres" : "sqlite",
    });
  });
});
