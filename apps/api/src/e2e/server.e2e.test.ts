import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiError, ApiUnavailableError, createClient } from "@bsi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { loadConfig } from "../config.js";
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

  it("finishes in-flight requests and exits 0 on SIGTERM", async () => {
    const { child, output } = startProcess({ DATABASE_URL: `file:${join(directory, "process.sqlite")}` });
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
    const inFlight = fetch(`${url}/v1/events.ics?limit=100`);
    child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
  });
});
