import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../lib/test-app.js";

let api: TestApp;
let allScopes: string;

beforeAll(async () => {
  api = await createTestApp({ now: () => new Date("2026-11-24T10:00:00Z") });
  allScopes = await api.createKey([
    "catalog:write",
    "requests:read",
    "requests:write",
    "requests:manage",
    "webhooks:manage",
  ]);
});
afterAll(async () => {
  await api.close();
});

/** Strings people and programs actually send: text, unicode, control bytes, syntax of every kind. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "%",
    "%00",
    "%ZZ",
    "'; DROP TABLE events; --",
    '"',
    "AND OR",
    "NEAR(",
    "*",
    "<script>",
    "../../etc/passwd",
    "2026-13-45",
    "-1",
    "1e309",
    "NaN",
    "null",
    "[]",
    "{}",
    "\u0000",
    "🛂🛂",
    "a".repeat(5000),
  ),
);

const queryKeys = fc.constantFrom(
  "from",
  "to",
  "upcoming",
  "kind",
  "country",
  "region",
  "theme",
  "status",
  "online",
  "sample",
  "q",
  "order",
  "limit",
  "cursor",
  "after",
  "memberState",
  "type",
  "requester",
  "zzz",
);

const queryString = fc
  .array(fc.tuple(queryKeys, nastyString), { maxLength: 6 })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&"));

const listPaths = [
  "/v1/events",
  "/v1/practices",
  "/v1/events.ics",
  "/v1/themes",
  "/v1/requests",
  "/v1/activity",
  "/v1/webhooks",
];

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const eventLike = fc.record(
  {
    id: nastyString,
    title: nastyString,
    kind: fc.oneof(nastyString, fc.constantFrom("workshop", "seminar")),
    startsOn: fc.oneof(nastyString, fc.constantFrom("2027-01-01", "2027-02-30")),
    endsOn: fc.oneof(nastyString, fc.constantFrom("2027-01-02", "2026-01-01")),
    country: fc.oneof(nastyString, fc.constantFrom("SN", "XX", "sn")),
    themes: fc.oneof(jsonValue, fc.array(nastyString, { maxLength: 3 })),
    registration: jsonValue,
  },
  { requiredKeys: [] },
);

function assertNoServerError(response: Response, what: string): void {
  if (response.status >= 500) throw new Error(`${what} answered ${response.status}`);
  if (response.status >= 400) {
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("application/problem+json"))
      throw new Error(`${what} answered ${response.status} without problem+json`);
  }
}

describe("hostile input never gets a 5xx", () => {
  it("any query string on any listing answers 2xx or a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...listPaths),
        queryString,
        fc.boolean(),
        async (path, query, withKey) => {
          const response = await api.request(`${path}?${query}`, withKey ? { token: allScopes } : {});
          assertNoServerError(response, `GET ${path}?${query}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("any path segment answers 2xx or a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/v1/events/", "/v1/practices/", "/v1/requests/", "/v1/webhooks/"),
        nastyString,
        fc.constantFrom("", ".ics", "/transitions", "/deliveries"),
        fc.constantFrom("GET", "DELETE", "PATCH", "POST"),
        async (prefix, segment, suffix, method) => {
          const path = `${prefix}${encodeURIComponent(segment)}${suffix}`;
          const withBody = method === "GET" ? {} : { json: {} };
          const response = await api.request(path, { method, token: allScopes, ...withBody });
          assertNoServerError(response, `${method} ${path}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("any JSON body on any write route answers 2xx or a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ["POST", "/v1/events"],
          ["PATCH", "/v1/events/2015-09-vienna-experts-seminar"],
          ["POST", "/v1/practices"],
          ["PATCH", "/v1/practices/community-border-policing"],
          ["POST", "/v1/requests"],
          ["POST", "/v1/ask"],
          ["POST", "/v1/webhooks"],
        ),
        fc.oneof(jsonValue, eventLike),
        async ([method, path], body) => {
          const response = await api.request(path, { method, json: body, token: allScopes });
          assertNoServerError(response, `${method} ${path} ${JSON.stringify(body).slice(0, 200)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("raw bytes that are not JSON get a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.constantFrom("application/json", "text/plain", "", "application/json; charset=latin1"),
        async (text, type) => {
          const response = await api.request("/v1/events", {
            method: "POST",
            body: text,
            headers: type ? { "content-type": type } : {},
            token: allScopes,
          });
          assertNoServerError(response, `POST /v1/events with ${type} ${text.slice(0, 50)}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps the seeded catalogue intact after all of it", async () => {
    const vienna = await api.request("/v1/events/2015-09-vienna-experts-seminar");
    expect(vienna.status).toBe(200);
    const integrity = api.handle.sqlite?.pragma("integrity_check", { simple: true });
    if (api.handle.sqlite) expect(integrity).toBe("ok");
  });
});
