import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { type RunningServer, startServer } from "../runtime.js";
import { createTestApp, type TestApp } from "./test-app.js";

let api: TestApp | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Anonymous GETs of the public catalogue, each with this X-Forwarded-For; their statuses in order. */
async function callAs(forwardedFor: string | string[], times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const header = Array.isArray(forwardedFor) ? (forwardedFor[index] ?? "") : forwardedFor;
    const response = await api?.request("/v1/events", { headers: { "x-forwarded-for": header } });
    statuses.push(response?.status ?? 0);
  }
  return statuses;
}

describe("anonymous rate limits", () => {
  it("ignore X-Forwarded-For unless TRUST_PROXY is set: two callers share one bucket", async () => {
    api = await createTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: "3" } });
    expect(await callAs("198.51.100.1", 3)).toEqual([200, 200, 200]);
    expect(await callAs("198.51.100.2", 1)).toEqual([429]);
  });

  it("give each forwarded address its own bucket with TRUST_PROXY=1; only the one over the limit gets 429", async () => {
    api = await createTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" } });
    expect(await callAs("198.51.100.1", 3)).toEqual([200, 200, 200]);
    const limited = await api.request("/v1/events", { headers: { "x-forwarded-for": "198.51.100.1" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(await callAs("198.51.100.2", 3)).toEqual([200, 200, 200]);
    // The same address spelt as IPv4-mapped IPv6 is the same caller.
    expect(await callAs("::ffff:198.51.100.2", 1)).toEqual([429]);
  });

  it("cannot be escaped with TRUST_PROXY=1 by changing the left-most X-Forwarded-For entry", async () => {
    api = await createTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" } });
    const spoofed = [1, 2, 3, 4, 5].map((index) => `203.0.113.${index}, 198.51.100.1`);
    expect(await callAs(spoofed, 5)).toEqual([200, 200, 200, 429, 429]);
  });

  it("put a malformed X-Forwarded-For in the bucket of the socket address", async () => {
    api = await createTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" } });
    expect(await callAs(["not-an-address", "198.51.100.1,", "<x>"], 3)).toEqual([200, 200, 200]);
    expect(await callAs("also-garbage", 1)).toEqual([429]);
    expect(await callAs("198.51.100.9", 1)).toEqual([200]);
  });
});

describe("anonymous rate limits over real HTTP", () => {
  let server: RunningServer | undefined;
  let directory: string | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<RunningServer> {
    directory = mkdtempSync(join(tmpdir(), "bsi-rate-limit-"));
    return startServer(
      loadConfig({
        DATABASE_URL: `file:${join(directory, "bsi.sqlite")}`,
        BSI_SEED: "none",
        PORT: "0",
        LOG_LEVEL: "silent",
        RATE_LIMIT_PER_MINUTE: "2",
        ...env,
      }),
    );
  }

  async function statuses(url: string, forwardedFor: string, times: number): Promise<number[]> {
    const results: number[] = [];
    for (let index = 0; index < times; index += 1) {
      results.push(
        (await fetch(`${url}/v1/events`, { headers: { "x-forwarded-for": forwardedFor } })).status,
      );
    }
    return results;
  }

  it("limits by the loopback peer when no proxy is trusted", async () => {
    server = await start({});
    expect(await statuses(server.url, "198.51.100.1", 2)).toEqual([200, 200]);
    expect(await statuses(server.url, "198.51.100.2", 1)).toEqual([429]);
  });

  it("limits by the address a trusted loopback proxy forwarded", async () => {
    server = await start({ TRUST_PROXY: "loopback" });
    expect(await statuses(server.url, "198.51.100.1", 3)).toEqual([200, 200, 429]);
    expect(await statuses(server.url, "198.51.100.2", 2)).toEqual([200, 200]);
  });
});
