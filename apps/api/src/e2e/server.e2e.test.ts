import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiError, ApiUnavailableError, createClient } from "@bsi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";
import { type RunningServer, startServer } from "../runtime.js";

const directory = mkdtempSync(join(tmpdir(), "bsi-e2e-"));
let server: RunningServer;

beforeAll(async () => {
  server = await startServer(
    loadConfig({ DATABASE_URL: `file:${join(directory, "bsi.sqlite")}`, PORT: "0", LOG_LEVEL: "silent" }),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("the API over real HTTP, through the typed client", () => {
  it("lists the upcoming sample programme soonest first", async () => {
    const client = createClient({ baseUrl: server.url });
    const page = await client.listEvents({ upcoming: true, limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.items.every((event) => event.sample)).toBe(true);
    expect(page.nextCursor).not.toBeNull();
  });

  it("creates, edits and deletes an event with a key made for catalog:write", async () => {
    const { secret } = await createApiKey(server.runtime.handle.db, {
      name: "e2e",
      scopes: ["catalog:write"],
    });
    const client = createClient({ baseUrl: server.url, token: secret });
    const event = await client.createEvent({
      id: "e2e-rabat-seminar",
      title: "E2E seminar",
      kind: "seminar",
      startsOn: "2027-02-01",
      endsOn: "2027-02-02",
      city: "Rabat",
      country: "MA",
    });
    expect(event.id).toBe("e2e-rabat-seminar");
    const edited = await client.updateEvent(event.id, { status: "confirmed" });
    expect(edited.status).toBe("confirmed");
    await client.deleteEvent(event.id);
    await expect(client.getEvent(event.id)).rejects.toBeInstanceOf(ApiError);
  });

  it("raises ApiError carrying the problem details of a refusal", async () => {
    const client = createClient({ baseUrl: server.url });
    const error = await client.listEvents({ limit: 1000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldErrors().limit).toContain("1 to 100");
  });

  it("reads bodies from the socket: a good one files, an oversized or malformed one gets its problem", async () => {
    const { secret } = await createApiKey(server.runtime.handle.db, {
      name: "bodies",
      scopes: ["catalog:write"],
    });
    const post = (body: string | ReadableStream<Uint8Array>, extra: Record<string, string> = {}) =>
      fetch(`${server.url}/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...extra },
        body,
        duplex: "half",
      } as RequestInit);
    const event = {
      id: "e2e-body-seminar",
      title: "Seminar with a body read from the socket",
      kind: "seminar",
      startsOn: "2027-03-01",
      endsOn: "2027-03-02",
      city: "Tunis",
      country: "TN",
      summary: "é".repeat(2000), // multi-byte characters split across chunks survive
    };
    const created = await post(JSON.stringify(event));
    expect(created.status).toBe(201);
    expect(((await created.json()) as { summary: string }).summary).toBe(event.summary);

    const huge = JSON.stringify({ ...event, id: "e2e-huge", summary: "x".repeat(70_000) });
    const declared = await post(huge);
    expect(declared.status).toBe(413);
    expect(declared.headers.get("content-type")).toContain("application/problem+json");
    expect(((await declared.json()) as { detail: string }).detail).toContain("65536 bytes");
    // Sent in chunks without a Content-Length: refused once the limit is passed.
    const chunked = await post(
      new ReadableStream({
        start(controller) {
          for (let index = 0; index < 10; index += 1)
            controller.enqueue(new TextEncoder().encode("x".repeat(10_000)));
          controller.close();
        },
      }),
    );
    expect(chunked.status).toBe(413);
    const malformed = await post('{"id": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { detail: string }).detail).toMatch(/JSON/);
    const stored = await fetch(`${server.url}/v1/events/e2e-huge`);
    expect(stored.status).toBe(404);
  });

  it("manages a webhook through the client: create, turn back on, delete", async () => {
    const { secret } = await createApiKey(server.runtime.handle.db, {
      name: "hooks",
      scopes: ["webhooks:manage", "requests:read"],
    });
    const client = createClient({ baseUrl: server.url, token: secret });
    const webhook = await client.createWebhook({
      url: "http://127.0.0.1:9/hook",
      events: ["request.created"],
    });
    const enabled = await client.enableWebhook(webhook.id, { redeliverSince: "2026-01-01T00:00:00Z" });
    expect(enabled).toMatchObject({ id: webhook.id, disabled: false, redelivered: 0 });
    const refused = await client
      .enableWebhook(webhook.id, { redeliverSince: "not a time" })
      .catch((error: unknown) => error);
    expect((refused as ApiError).fieldErrors().redeliverSince).toBeDefined();
    await client.deleteWebhook(webhook.id);
    const gone = await client.enableWebhook(webhook.id).catch((error: unknown) => error);
    expect((gone as ApiError).status).toBe(404);
  });

  it("answers a wrong method with 405 and the methods the path takes, and OPTIONS with them", async () => {
    const put = await fetch(`${server.url}/v1/requests`, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(put.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await put.json()) as { detail: string };
    expect(problem.detail).toBe("PUT is not allowed on /v1/requests; use GET, HEAD, POST, OPTIONS");

    const remove = await fetch(`${server.url}/v1/requests/BSI-2026-0001`, { method: "DELETE" });
    expect(remove.status).toBe(405);
    expect(remove.headers.get("allow")).toBe("GET, HEAD, PATCH, OPTIONS");
    const calendar = await fetch(`${server.url}/v1/events.ics`, { method: "POST" });
    expect(calendar.headers.get("allow")).toBe("GET, HEAD, OPTIONS");

    const options = await fetch(`${server.url}/v1/events/some-event`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, PATCH, DELETE, OPTIONS");
    expect(options.headers.get("content-type")).toBeNull();

    const doubled = await fetch(`${server.url}/v1/events//`);
    expect(doubled.status).toBe(404);
    const unknown = await fetch(`${server.url}/v1/nothing-here`, { method: "PUT" });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("allow")).toBeNull();
  });

  it("sends no content type with a 204", async () => {
    const { secret } = await createApiKey(server.runtime.handle.db, {
      name: "no-content",
      scopes: ["catalog:write"],
    });
    const client = createClient({ baseUrl: server.url, token: secret });
    await client.createEvent({
      id: "e2e-no-content-seminar",
      title: "Seminar deleted to see a 204",
      kind: "seminar",
      startsOn: "2027-03-01",
      endsOn: "2027-03-02",
      city: "Rabat",
      country: "MA",
    });
    const deleted = await fetch(`${server.url}/v1/events/e2e-no-content-seminar`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get("content-type")).toBeNull();
    expect(deleted.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("raises ApiUnavailableError when nothing listens", async () => {
    const client = createClient({ baseUrl: "http://127.0.0.1:9", timeoutMs: 1000 });
    await expect(client.health()).rejects.toBeInstanceOf(ApiUnavailableError);
  });
});

describe("the built server process", () => {
  const serverScript = fileURLToPath(new URL("../../dist/server.js", import.meta.url));

  function startProcess(env: Record<string, string>) {
    const child = spawn(process.execPath, [serverScript], {
      env: { ...process.env, LOG_LEVEL: "silent", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    return { child, output: () => output };
  }

  it("stops with a clear one-line message on a bad setting", async () => {
    const { child, output } = startProcess({ PORT: "99999" });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(output()).toContain("PORT");
    expect(output()).not.toContain("    at ");
  });

  it("stops with one clear line, and no password, when the PostgreSQL server cannot be reached", async () => {
    const { child, output } = startProcess({ DATABASE_URL: "postgres://bsi:hunter2@127.0.0.1:1/bsi" });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output()).toContain("cannot reach the database at postgres://bsi:***@127.0.0.1:1/bsi");
    expect(output()).not.toContain("hunter2");
    expect(output()).not.toContain("    at ");
  });

  it("finishes an in-flight request and exits 0 on SIGTERM", async () => {
    const databaseUrl = `file:${join(directory, "process.sqlite")}`;
    const handle = await openDatabase(databaseUrl);
    await migrateToLatest(handle.db);
    const { secret } = await createApiKey(handle.db, { name: "shutdown", scopes: ["catalog:write"] });
    await handle.close();

    const { child, output } = startProcess({ DATABASE_URL: databaseUrl });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output()}`)), 20_000);
      child.stdout.on("data", () => {
        const match = /on (http:\/\/\S+) /.exec(output());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    // The request's headers reach the server now; its body arrives only after SIGTERM.
    const body = JSON.stringify({
      id: "shutdown-test-event",
      title: "Sent during shutdown",
      kind: "meeting",
      startsOn: "2027-01-05",
      endsOn: "2027-01-05",
    });
    let sendRest: () => void = () => undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
        sendRest = () => {
          controller.enqueue(new TextEncoder().encode(body.slice(10)));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${url}/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    sendRest();
    const response = await inFlight;
    expect(response.status).toBe(201);
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);

    const reopened = await openDatabase(databaseUrl);
    const stored = await reopened.db
      .selectFrom("events")
      .select("id")
      .where("id", "=", "shutdown-test-event")
      .execute();
    await reopened.close();
    expect(stored).toHaveLength(1);
  });
});
