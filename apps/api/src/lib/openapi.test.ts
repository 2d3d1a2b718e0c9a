import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./test-app.js";

interface DocumentedResponse {
  description: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, unknown>;
}
interface OpenApiDocument {
  info: { description: string };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; description?: string }>;
        responses: Record<string, DocumentedResponse>;
      }
    >
  >;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
}

let api: TestApp;
let document: OpenApiDocument;
let writer: string;
let manager: string;

const newEvent = (id: string, startsOn: string, endsOn = startsOn) => ({
  id,
  title: `Workshop ${id}`,
  kind: "workshop",
  startsOn,
  endsOn,
  city: "Dakar",
  country: "SN",
});

beforeAll(async () => {
  api = await createTestApp({ seed: false, now: () => new Date("2026-11-24T10:00:00Z") });
  writer = await api.createKey(["catalog:write"], "writer");
  manager = await api.createKey(["webhooks:manage", "requests:write", "requests:read"], "manager");
  const response = await api.request("/openapi.json");
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});
afterAll(async () => {
  await api.close();
});

function operation(method: string, path: string) {
  const documented = document.paths[path]?.[method.toLowerCase()];
  if (!documented) throw new Error(`${method} ${path} is not in the document`);
  return documented;
}

describe("the OpenAPI document's response schemas", () => {
  it("lists every field the server always returns as required, defaults included", async () => {
    const event = document.components.schemas.Event;
    expect(event?.required).toEqual(
      expect.arrayContaining(["organizers", "registration", "summary", "sample"]),
    );
    expect(event?.required?.sort()).toEqual(Object.keys(event?.properties ?? {}).sort());
    const practice = document.components.schemas.Practice;
    expect(practice?.required?.sort()).toEqual(Object.keys(practice?.properties ?? {}).sort());
  });

  it("keeps the defaults in what a client sends", () => {
    const newEventSchema = document.components.schemas.NewEvent;
    expect(newEventSchema?.required).not.toContain("organizers");
  });
});

describe("the OpenAPI document documents what the server answers", () => {
  const tooLongWebhookId = "w".repeat(101);
  it.each([
    ["GET", "/v1/events/Not_A_Slug", "/v1/events/{id}", 400, {}],
    ["DELETE", "/v1/events/Not_A_Slug", "/v1/events/{id}", 400, { token: "writer" }],
    ["GET", "/v1/practices/Not_A_Slug", "/v1/practices/{id}", 400, {}],
    ["DELETE", "/v1/practices/Not_A_Slug", "/v1/practices/{id}", 400, { token: "writer" }],
    ["GET", `/v1/webhooks/${tooLongWebhookId}`, "/v1/webhooks/{id}", 400, { token: "manager" }],
    ["DELETE", `/v1/webhooks/${tooLongWebhookId}`, "/v1/webhooks/{id}", 400, { token: "manager" }],
    [
      "POST",
      "/v1/events",
      "/v1/events",
      422,
      { token: "writer", json: newEvent("2027-03-backwards", "2027-03-12", "2027-03-10") },
    ],
    ["POST", "/v1/ask", "/v1/ask", 401, { token: "bsi_not_a_key", json: { question: "workshops in May?" } }],
    ["GET", "/v1/events", "/v1/events", 401, { token: "bsi_not_a_key" }],
    ["GET", "/v1/events/no-such-event.ics", "/v1/events/{id}.ics", 404, {}],
  ] as const)(
    "%s %s: %i, with the content type the document gives",
    async (method, url, path, status, init) => {
      const keys: Record<string, string> = { writer, manager };
      const token = "token" in init ? (keys[init.token] ?? init.token) : undefined;
      const response = await api.request(url, {
        method,
        ...(token ? { token } : {}),
        ...("json" in init ? { json: init.json } : {}),
      });
      expect(response.status).toBe(status);
      const documented = operation(method, path).responses[String(status)];
      expect(documented, `${method} ${path} documents ${status}`).toBeDefined();
      const contentType = response.headers.get("content-type")?.split(";")[0];
      expect(Object.keys(documented?.content ?? {})).toContain(contentType);
    },
  );

  it("documents a 422 when a change breaks a rule", async () => {
    await api.request("/v1/events", {
      method: "POST",
      token: writer,
      json: newEvent("2027-04-dakar", "2027-04-01"),
    });
    const response = await api.request("/v1/events/2027-04-dakar", {
      method: "PATCH",
      token: writer,
      json: { endsOn: "2027-03-01" },
    });
    expect(response.status).toBe(422);
    expect(operation("PATCH", "/v1/events/{id}").responses["422"]).toBeDefined();
  });

  it("documents Location on every 201 that sends it, and Idempotent-Replayed on a filed request", async () => {
    const body = { type: "training", memberState: "SN", summary: "Training", requester: { name: "Awa" } };
    const init = { method: "POST", token: manager, headers: { "idempotency-key": "k-1" }, json: body };
    const filed = await api.request("/v1/requests", init);
    const replayed = await api.request("/v1/requests", init);
    expect(filed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.headers.get("location")).toBe(filed.headers.get("location"));
    const headers = operation("POST", "/v1/requests").responses["201"]?.headers ?? {};
    expect(Object.keys(headers)).toEqual(expect.arrayContaining(["Location", "Idempotent-Replayed"]));
    expect(headers["Idempotent-Replayed"]?.required).toBe(false);
    for (const path of ["/v1/events", "/v1/practices", "/v1/webhooks", "/v1/requests"]) {
      expect(Object.keys(operation("POST", path).responses["201"]?.headers ?? {}), path).toContain(
        "Location",
      );
    }
  });

  it("documents Retry-After on 429 and 503", () => {
    for (const [path, method] of [
      ["/v1/events", "get"],
      ["/v1/requests", "post"],
      ["/v1/ask", "post"],
    ] as const) {
      for (const status of ["429", "503"]) {
        expect(Object.keys(operation(method, path).responses[status]?.headers ?? {})).toEqual([
          "Retry-After",
        ]);
      }
    }
  });

  it("says in its description that a wrong method is a 405 with Allow", async () => {
    const response = await api.request("/v1/events", { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect(document.info.description).toMatch(/405 .*`Allow`/);
  });
});

describe("the calendar feed's limit", () => {
  it("is 100 unless asked for fewer, as documented, where a listing page holds 20", async () => {
    for (let day = 1; day <= 25; day += 1) {
      const date = `2027-05-${String(day).padStart(2, "0")}`;
      const created = await api.request("/v1/events", {
        method: "POST",
        token: writer,
        json: newEvent(`${date}-feed-test`, date),
      });
      expect(created.status).toBe(201);
    }
    const feed = await (await api.request("/v1/events.ics?from=2027-05-01&to=2027-05-31")).text();
    expect(feed.split("BEGIN:VEVENT").length - 1).toBe(25);
    const page = (await (await api.request("/v1/events?from=2027-05-01&to=2027-05-31")).json()) as {
      items: unknown[];
    };
    expect(page.items).toHaveLength(20);
    const limitOf = (path: string) =>
      operation("GET", path).parameters?.find((parameter) => parameter.name === "limit")?.description;
    expect(limitOf("/v1/events.ics")).toMatch(/default 100/);
    expect(limitOf("/v1/events")).toMatch(/default 20/);
  });
});
