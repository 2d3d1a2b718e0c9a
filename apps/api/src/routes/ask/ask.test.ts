import { getRegion } from "@bsi/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";
import { timeZoneOf } from "./ask.handlers.js";

const NOW = "2026-11-24T10:00:00Z";

let api: TestApp;
let reader: string;
let writer: string;

interface Answer {
  intent: string;
  language: string;
  query: { filters: Record<string, unknown> };
  text: string;
  events: Array<{
    id: string;
    startsOn: string;
    city: string | null;
    country: string | null;
    region: string | null;
    sample: boolean;
    status: string;
  }>;
  practices: Array<{ id: string }>;
  requests: Array<{ reference: string; status: string }>;
  fallback: boolean;
  fallbackKind: string | null;
  anchor: { id: string; startsOn: string; endsOn: string } | null;
}

async function ask(question: unknown, options: { token?: string; now?: string } = {}): Promise<Response> {
  return api.request("/v1/ask", {
    method: "POST",
    json: { question, now: options.now ?? NOW },
    ...(options.token ? { token: options.token } : {}),
  });
}

async function answer(question: string, options: { token?: string; now?: string } = {}): Promise<Answer> {
  const response = await ask(question, options);
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

beforeAll(async () => {
  api = await createTestApp({ now: () => new Date(NOW) });
  reader = await api.createKey(["requests:read"]);
  writer = await api.createKey(["requests:write"]);
});
afterAll(async () => {
  await api.close();
});

describe("POST /v1/ask: events", () => {
  it("lists the upcoming workshops, soonest first, marked as sample data", async () => {
    const body = await answer("what workshops are coming up?");
    expect(body.intent).toBe("upcoming_events");
    expect(body.events.length).toBeGreaterThan(0);
    const starts = body.events.map((event) => event.startsOn);
    expect(starts).toEqual([...starts].sort());
    expect(starts.every((start) => start >= "2026-11-24")).toBe(true);
    expect(body.text).toMatch(/^\d+ upcoming workshops?:/);
    expect(body.text).toContain("sample programme");
    expect(body.fallback).toBe(false);
  });

  it("keeps to the events an organization runs or partners in, named in any language", async () => {
    const english = await answer("events with IOM");
    expect(english.events.map((event) => event.id)).toEqual(["sample-niamey-sahel-community-workshop"]);
    expect(english.text).toMatch(/^1 upcoming event with IOM:/);
    const french = await answer("quels événements avec l'OSCE ?");
    expect(french.events.map((event) => event.id)).toEqual(["sample-almaty-central-asia-conference"]);
    expect(french.text).toMatch(/^1 événement à venir avec l'OSCE/);
    const past = await answer("what did frontex do with BSI");
    expect(past.intent).toBe("past_events");
    expect(past.events.map((event) => event.id)).toEqual(["2020-12-virtual-joint-workshop"]);
  });

  it("keeps to events by registration, status and sample, and says so", async () => {
    const invitation = await answer("which events are invitation only");
    expect(invitation.events.length).toBeGreaterThan(0);
    for (const event of invitation.events)
      expect((event as unknown as { registration: { status: string } }).registration.status).toBe(
        "invitation_only",
      );
    expect(invitation.text).toMatch(/^\d+ upcoming events? by invitation only:/);

    const open = await answer("¿qué eventos tienen inscripción abierta?");
    expect(open.events.length).toBeGreaterThan(0);
    for (const event of open.events) {
      const { registration } = event as unknown as {
        registration: { status: string; deadline: string | null };
      };
      expect(registration.status).toBe("open");
      if (registration.deadline) expect(registration.deadline >= NOW.slice(0, 10)).toBe(true);
    }
    expect(open.text).toMatch(/con inscripción abierta/);

    const confirmed = await answer("ateliers confirmés");
    for (const event of confirmed.events) expect(event.status).toBe("confirmed");
    expect(confirmed.text).toMatch(/ateliers confirmés à venir/);

    const real = await answer("upcoming events excluding sample data");
    expect(real.text).toMatch(/^I found no upcoming events outside the sample programme\./);
    expect(real.events.every((event) => !event.sample)).toBe(true);
  });

  it("gives as many events as asked for, and the next of each kind named", async () => {
    const two = await answer("les deux prochains ateliers");
    expect(two.events).toHaveLength(2);
    expect(two.text).toMatch(/^2 ateliers à venir :/);
    const each = await answer("what are the next workshop and the next conference");
    expect(each.intent).toBe("next_event");
    expect(each.events.map((event) => event.id)).toEqual([
      "sample-niamey-sahel-community-workshop",
      "sample-almaty-central-asia-conference",
    ]);
    expect(each.text).toMatch(/^The next workshop is .+\. The next conference is .+\./);
  });

  it("answers a question of words alone with the practices that hold them, not as a fallback", async () => {
    const body = await answer("what is resolution 2396?");
    expect(body.intent).toBe("practices");
    expect(body.practices.map((practice) => practice.id)).toEqual(["advance-passenger-information-and-pnr"]);
    expect(body.text).toBe("1 good practice:");
    expect(body.fallback).toBe(false);
  });

  it("says none when no event has the status asked for, without other events as a stand-in", async () => {
    const body = await answer("any cancelled workshops?");
    expect(body.text).toMatch(/^I found no cancelled workshops\. Try a wider period/);
    expect(body.events).toEqual([]);
  });

  it("answers 'when is the next study tour' with one event", async () => {
    const body = await answer("when is the next study tour");
    expect(body.intent).toBe("next_event");
    expect(body.events).toHaveLength(1);
    expect(body.events[0]?.id).toBe("sample-djibouti-horn-study-tour");
    expect(body.text).toMatch(/^The next study tour is Study tour on cross-border cooperation/);
  });

  it("finds past workshops by place and year, most recent first", async () => {
    const body = await answer("which workshops were held in the Horn of Africa in 2016?");
    expect(body.intent).toBe("past_events");
    expect(body.events.map((event) => event.id)).toEqual(["2016-05-djibouti-horn-of-africa-workshop"]);
  });

  it("counts the countries of a region even when the event is filed under another region", async () => {
    const body = await answer("anything in the Sahel coming up?");
    expect(body.events.map((event) => event.id)).toContain("sample-niamey-sahel-community-workshop");
  });

  it("says when nothing matches in Vienna next month and offers the nearest useful thing", async () => {
    const body = await answer("seminars in Vienna next month");
    expect(body.intent).toBe("find_events");
    expect(body.fallback).toBe(true);
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.text).toMatch(/^I found no seminars in Vienna in December 2026\./);
  });

  it("offers the most recent past events at a place that has nothing coming up", async () => {
    const body = await answer("workshops in Rome");
    expect(body.fallbackKind).toBe("past_only");
    expect(body.events[0]?.id).toBe("2024-04-rome-addendum-workshop");
  });

  it("leaves out the places a question excludes, online events staying in", async () => {
    const everything = await answer("what is coming up?");
    const outside = await answer("events outside the Sahel");
    expect(outside.text).toMatch(/^\d+ upcoming events outside the Sahel:/);
    const sahel = new Set(getRegion("sahel").countries);
    const expected = everything.events
      .filter((event) => event.region !== "sahel" && !(event.country && sahel.has(event.country)))
      .map((event) => event.id);
    expect(outside.events.map((event) => event.id)).toEqual(expected);
    expect(expected).toContain("sample-online-human-rights-forum");
    expect(expected).not.toContain("sample-niamey-sahel-community-workshop");
  });

  it("keeps the excluded places out of what it offers instead", async () => {
    const body = await answer("study tours outside the Horn of Africa");
    expect(body.text).toMatch(/^I found no upcoming study tours outside the Horn of Africa\./);
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events.map((event) => event.id)).not.toContain("sample-djibouti-horn-study-tour");
  });

  it("counts from another event: what comes after the Sahel workshop, and before the Tunis one", async () => {
    const after = await answer("any events after the Sahel workshop?");
    const anchor = after.anchor;
    if (!anchor) throw new Error("no event counted from");
    expect(anchor.id).toBe("sample-niamey-sahel-community-workshop");
    expect(after.text).toMatch(
      /upcoming events? after Regional workshop on community engagement at Sahel borders/,
    );
    expect(after.events.length).toBeGreaterThan(0);
    expect(after.events.every((event) => event.startsOn > anchor.endsOn)).toBe(true);

    const before = await answer("events before the Tunis workshop");
    const tunis = before.anchor;
    if (!tunis) throw new Error("no event counted from");
    expect(tunis.id).toBe("sample-tunis-api-pnr-workshop");
    expect(before.fallback).toBe(false);
    expect(before.events.map((event) => event.id)).toContain(anchor.id);
    expect(before.events.every((event) => event.startsOn < tunis.startsOn)).toBe(true);
  });

  it("says when it found no event to count from", async () => {
    const body = await answer("workshops after the Paris workshop");
    expect(body.text).toMatch(/^I found no workshop in Paris to count from\. /);
    expect(body.anchor).toBeNull();
  });

  it("says which words no event contains, quoted as typed, before the events it lists", async () => {
    const maritime = await answer("maritime workshops");
    expect(maritime.text).toMatch(
      /^No event in the catalogue mentions “maritime”\. \d+ upcoming workshops?:/,
    );
    expect(maritime.events.length).toBeGreaterThan(0);
    const smallArms = await answer("¿hay algún evento sobre armas pequeñas?");
    expect(smallArms.text).toMatch(/^Ningún evento del catálogo menciona «armas pequeñas»\./);
    // Words the catalogue does hold are not called missing.
    const community = await answer("workshops with community leaders");
    expect(community.text).not.toMatch(/No event in the catalogue mentions/);
    // Nor words other events hold, though the seminars asked for do not.
    const patrols = await answer("seminars on patrols");
    expect(patrols.query.filters).toMatchObject({ words: ["patrols"] });
    expect(patrols.text).not.toMatch(/No event in the catalogue mentions/);
  });

  it("answers in French and in Spanish", async () => {
    const french = await answer("quels ateliers sont prévus ?");
    expect(french.language).toBe("fr");
    expect(french.text).toMatch(/ateliers? à venir :/);
    const spanish = await answer("¿cuándo es el próximo viaje de estudio?");
    expect(spanish.language).toBe("es");
    expect(spanish.text).toMatch(/^El próximo viaje de estudio es /);
  });
});

describe("POST /v1/ask: practices", () => {
  it("lists the good practices on community engagement, the focused one first", async () => {
    const body = await answer("good practices on community engagement?");
    expect(body.intent).toBe("practices");
    expect(body.practices[0]?.id).toBe("community-border-policing");
  });

  it("reads API as passenger data in a question about practices", async () => {
    const body = await answer("good practices on API");
    expect(body.practices[0]?.id).toBe("advance-passenger-information-and-pnr");
  });

  it("explains our HTTP API when asked for an API key", async () => {
    const body = await answer("how do I get an API key?");
    expect(body.intent).toBe("help");
    expect(body.text).toContain("/docs");
    expect(body.practices).toEqual([]);
  });
});

describe("POST /v1/ask: request status", () => {
  let reference: string;

  beforeAll(async () => {
    const response = await api.request("/v1/requests", {
      method: "POST",
      token: writer,
      json: {
        type: "technical_assistance",
        memberState: "NE",
        summary: "Border community engagement training",
        requester: { name: "Amina" },
      },
    });
    expect(response.status).toBe(201);
    reference = ((await response.json()) as { reference: string }).reference;
  });

  it("gives the status to a key with requests:read", async () => {
    const body = await answer(`what's the status of ${reference}`, { token: reader });
    expect(body.intent).toBe("request_status");
    expect(body.requests.map((request) => request.reference)).toEqual([reference]);
    expect(body.text).toContain("is submitted and waiting for review");
  });

  it("does not show a request to a caller without requests:read", async () => {
    const anonymous = await answer(`status of ${reference}`);
    expect(anonymous.requests).toEqual([]);
    expect(anonymous.text).toContain("requests:read");
    const withOtherScope = await answer(`status of ${reference}`, { token: writer });
    expect(withOtherScope.requests).toEqual([]);
  });

  it("says when no request has the reference", async () => {
    const body = await answer("status of BSI-2026-9999", { token: reader });
    expect(body.requests).toEqual([]);
    expect(body.text).toContain("I found no request BSI-2026-9999");
  });
});

describe("POST /v1/ask: input", () => {
  it.each([
    ["an empty question", ""],
    ["a question of spaces", "   \n\t "],
    ["a question over 500 characters", "workshops ".repeat(60)],
    ["a number", 42],
  ])("refuses %s with a 400 problem naming the field", async (_what, question) => {
    const response = await ask(question);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { errors: Array<{ field: string }> };
    expect(problem.errors.map((error) => error.field)).toContain("question");
  });

  it("refuses a body without a question", async () => {
    const response = await api.request("/v1/ask", { method: "POST", json: { now: NOW } });
    expect(response.status).toBe(400);
  });

  it("refuses a 'now' that is not a date-time", async () => {
    const response = await ask("what is coming up?", { now: "next tuesday" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ field: string }> }).errors[0]?.field).toBe("now");
  });

  it.each([
    ["emoji only", "🛂🛂🛂"],
    ["an SQL fragment", "'; DROP TABLE events; --"],
    ["full-text search syntax", 'NEAR("border" "sahel") OR title:*'],
    ["markup", "<script>alert(1)</script>"],
    ["an unsupported language", "Какие семинары планируются?"],
  ])("answers %s with what it can answer, not an error", async (_what, question) => {
    const body = await answer(question);
    expect(body.intent).toBe("unknown");
    expect(body.text).toContain("Here is what I can answer");
  });

  it("leaves the catalogue untouched after an SQL fragment", async () => {
    await answer("'; DROP TABLE events; --");
    expect((await api.request("/v1/events/2015-09-vienna-experts-seminar")).status).toBe(200);
  });

  it("counts today in the asker's time zone when 'now' carries an offset", async () => {
    expect(timeZoneOf("2026-11-24T23:30:00-05:00")).toBe("Etc/GMT+5");
    expect(timeZoneOf("2026-11-24T10:00:00Z")).toBe("UTC");
    expect(timeZoneOf("2026-11-24T10:00:00+05:30")).toBe("UTC");
    expect(timeZoneOf("2026-11-24T10:00:00-13:00")).toBe("UTC");
    const body = await answer("what is on this week", { now: "2026-11-29T23:30:00-05:00" });
    expect(body.query.filters).toMatchObject({ from: "2026-11-29", to: "2026-11-29" });
  });

  it("answers any question of up to 500 characters with a 200, and longer ones with a 400", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 700 }), async (question) => {
        const response = await ask(question);
        const length = question.trim().length;
        expect(response.status).toBe(length === 0 || length > 500 ? 400 : 200);
      }),
      { numRuns: 150 },
    );
  });

  it("is described in the OpenAPI document", async () => {
    const document = (await (await api.request("/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(document.paths).toHaveProperty("/v1/ask");
  });
});
