import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { type ApiProcess, startApiProcess } from "../bench/harness.js";
import { openDatabase } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";
import { createPostgresTestDatabase } from "../lib/test-app.js";

let database: { url: string; drop(): Promise<void> };
let instances: ApiProcess[] = [];
let secret = "";

beforeAll(async () => {
  database = await createPostgresTestDatabase(process.env.BSI_TEST_POSTGRES_URL ?? "");
  const handle = await openDatabase(database.url);
  await migrateToLatest(handle.db);
  secret = (
    await createApiKey(handle.db, { name: "two instances", scopes: ["requests:write", "requests:read"] })
  ).secret;
  await handle.close();
  const env = {
    DATABASE_URL: database.url,
    BSI_SEED: "none",
    DATABASE_POOL_SIZE: "5",
    RATE_LIMIT_PER_MINUTE: "0",
  };
  instances = [await startApiProcess(env), await startApiProcess(env)];
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.drop();
});

describe("two API instances on one PostgreSQL database", () => {
  it("file 200 requests at once with shared idempotency keys: one request per key, references unique and gap-free", async () => {
    const KEYS = 100;
    const calls = Array.from({ length: 200 }, async (_, index) => {
      const key = index % KEYS;
      const instance = instances[index % 2] as ApiProcess;
      const response = await fetch(`${instance.url}/v1/requests`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${secret}`,
          "content-type": "application/json",
          "idempotency-key": `shared-${key}`,
        },
        body: JSON.stringify({
          type: "expert_advice",
          memberState: "ML",
          summary: `Two instances ${key}`,
          requester: { name: "Liaison", email: "liaison@example.org" },
        }),
      });
      expect([200, 201]).toContain(response.status);
      const request = (await response.json()) as { reference: string };
      return { key, reference: request.reference };
    });
    const results = await Promise.all(calls);
    const byKey = new Map<number, Set<string>>();
    for (const { key, reference } of results) byKey.set(key, (byKey.get(key) ?? new Set()).add(reference));
    for (const references of byKey.values()) expect(references.size).toBe(1);

    const references = [...new Set(results.map((result) => result.reference))];
    expect(references).toHaveLength(KEYS);
    const sequences = references.map((reference) => Number(reference.split("-")[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: KEYS }, (_, index) => index + 1));

    const listed = await fetch(`${instances[0]?.url}/v1/requests?limit=100`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(KEYS);
  });

  it("send each webhook delivery from one instance only", async () => {
    const { createServer } = await import("node:http");
    const posts: string[] = [];
    const receiver = createServer((req, res) => {
      posts.push(String(req.headers["webhook-id"]));
      req.resume();
      req.on("end", () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as { port: number }).port;
    try {
      const handle = await openDatabase(database.url);
      const manager = (
        await createApiKey(handle.db, {
          name: "hooks",
          scopes: ["webhooks:manage", "requests:write", "requests:read"],
        })
      ).secret;
      await handle.close();
      const headers = { authorization: `Bearer ${manager}`, "content-type": "application/json" };
      const registered = await fetch(`${instances[0]?.url}/v1/webhooks`, {
        method: "POST",
        headers,
        body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, events: ["request.created"] }),
      });
      expect(registered.status).toBe(201);
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          fetch(`${instances[index % 2]?.url}/v1/requests`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              type: "information",
              memberState: "NE",
              summary: `Hook ${index}`,
              requester: { name: "L" },
            }),
          }),
        ),
      );
      const deadline = Date.now() + 30_000;
      while (new Set(posts).size < 40 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(new Set(posts).size).toBe(40);
      expect(posts).toHaveLength(40);
    } finally {
      receiver.close();
    }
  });

  it("share rate limits: a key's budget is spent across both instances", async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    const env = { DATABASE_URL: database.url, BSI_SEED: "none", RATE_LIMIT_PER_MINUTE: "10" };
    instances = [await startApiProcess(env), await startApiProcess(env)];
    const statuses: number[] = [];
    for (let index = 0; index < 14; index += 1) {
      const instance = instances[index % 2] as ApiProcess;
      const response = await fetch(`${instance.url}/v1/requests`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
  });
});
