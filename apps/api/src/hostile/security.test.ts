import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { ApiConfigSchema } from "../config.js";
import { createLogger } from "../lib/logger.js";
import { createTestApp, type TestApp } from "../lib/test-app.js";
import { openApi } from "../runtime.js";

let api: TestApp | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("CORS", () => {
  it("is closed unless origins are configured", async () => {
    api = await createTestApp({ seed: false });
    const response = await api.request("/v1/events", { headers: { origin: "https://evil.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows exactly the configured origins", async () => {
    api = await createTestApp({ seed: false, env: { CORS_ORIGINS: "https://desk.example" } });
    const allowed = await api.request("/v1/events", { headers: { origin: "https://desk.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://desk.example");
    // CORS headers join the security headers and the request id; they do not replace them.
    expect(allowed.headers.get("x-content-type-options")).toBe("nosniff");
    expect(allowed.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(allowed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(allowed.headers.get("content-type")).toBe("application/json");
    const other = await api.request("/v1/events", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a key passes its limit, and other keys are unaffected", async () => {
    api = await createTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: "5" } });
    const first = await api.createKey(["catalog:write"], "first");
    const second = await api.createKey(["catalog:write"], "second");
    const statuses: number[] = [];
    for (let index = 0; index < 7; index += 1)
      statuses.push((await api.request("/v1/themes", { token: first })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await api.request("/v1/themes", { token: first });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect((await api.request("/v1/themes", { token: second })).status).toBe(200);
  });
});

describe("logs", () => {
  it("never contain an API key, an authorization header or a requester's email", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const directory = mkdtempSync(join(tmpdir(), "bsi-logs-"));
    const runtime = await openApi(
      ApiConfigSchema.parse({
        DATABASE_URL: `file:${join(directory, "db.sqlite")}`,
        BSI_SEED: "none",
        LOG_LEVEL: "trace",
      }),
      { logger: createLogger("trace", sink) },
    );
    try {
      const { secret } = await createApiKey(runtime.handle.db, {
        name: "logged",
        scopes: ["requests:write", "catalog:write"],
      });
      const email = "liaison.secret@example.org";
      await runtime.app.request("/v1/requests", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({
          type: "information",
          memberState: "SN",
          summary: "Log test",
          requester: { name: "Liaison", email },
        }),
      });
      await runtime.app.request("/v1/events?q=x", { headers: { authorization: `Bearer ${secret}x` } });
      await runtime.app.request("/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: "{broken",
      });
      const text = lines.join("");
      expect(lines.length).toBeGreaterThan(0);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(4));
      expect(text).not.toContain(email);
      expect(text.toLowerCase()).not.toContain("bearer ");
    } finally {
      await runtime.close();
    }
  });
});
