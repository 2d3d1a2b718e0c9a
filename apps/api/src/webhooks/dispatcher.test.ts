import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { ApiConfigSchema } from "../config.js";
import { openDatabase } from "../db/connect.js";
import { createTestApp, type TestApp } from "../lib/test-app.js";
import { type ApiRuntime, openApi } from "../runtime.js";
import { claimDueDeliveries } from "./deliveries.repository.js";
import { type Receiver, startReceiver, waitFor } from "./test/receiver.js";

/** Fast settings: poll every 20 ms, retry after 20 ms, 120 ms, 480 ms… capped at 300 ms. */
const FAST = {
  WEBHOOK_POLL_MS: "20",
  WEBHOOK_RETRY_BASE_MS: "20",
  WEBHOOK_RETRY_MAX_MS: "300",
  WEBHOOK_TIMEOUT_MS: "2000",
};

interface Payload {
  type: string;
  timestamp: string;
  data: { activity: { id: string; type: string; subject: string; data: { request: { reference: string } } } };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const app = await createTestApp({ seed: false, env: { ...FAST, ...env } });
  cleanups.push(() => app.close());
  return app;
}

async function listen(): Promise<Receiver> {
  const receiver = await startReceiver();
  cleanups.push(() => receiver.stop());
  return receiver;
}

function newRequest(summary: string) {
  return {
    type: "expert_advice",
    memberState: "JO",
    summary,
    requester: { name: "Layla", slackUserId: "U0LAYLA", email: "layla@example.org" },
  };
}

async function subscribe(
  request: (path: string, init?: RequestInit & { json?: unknown; token?: string }) => Promise<Response>,
  token: string,
  url: string,
  events = ["request.created", "request.status_changed"],
): Promise<{ id: string; secret: string }> {
  const response = await request("/v1/webhooks", { method: "POST", token, json: { url, events } });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; secret: string };
}

function verify(secret: string, delivery: Receiver["received"][number]): Payload {
  const headers = {
    "webhook-id": String(delivery.headers["webhook-id"]),
    "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
    "webhook-signature": String(delivery.headers["webhook-signature"]),
  };
  return new Webhook(secret).verify(delivery.body, headers) as Payload;
}

describe("webhook dispatcher", () => {
  it("POSTs each activity signed per Standard Webhooks, verifiable with the secret shown at creation", async () => {
    const app = await startApp();
    const receiver = await listen();
    const admin = await app.createKey([
      "webhooks:manage",
      "requests:write",
      "requests:manage",
      "requests:read",
    ]);
    const { secret } = await subscribe(app.request, admin, receiver.url);

    const filed = await app.request("/v1/requests", {
      method: "POST",
      token: admin,
      json: newRequest("Advice"),
    });
    const { reference } = (await filed.json()) as { reference: string };
    await app.request(`/v1/requests/${reference}/transitions`, {
      method: "POST",
      token: admin,
      json: { to: "under_review", actor: "U0TRIAGER" },
    });
    await waitFor(() => receiver.received.length === 2, "two deliveries");

    const payloads = receiver.received.map((delivery) => verify(secret, delivery));
    expect(payloads.map((payload) => [payload.type, payload.data.activity.subject])).toEqual([
      ["request.created", reference],
      ["request.status_changed", reference],
    ]);
    expect(receiver.received[0]?.headers["content-type"]).toBe("application/json");
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(
        receiver.received[0]?.body ?? "",
        {
          "webhook-id": String(receiver.received[0]?.headers["webhook-id"]),
          "webhook-timestamp": String(receiver.received[0]?.headers["webhook-timestamp"]),
          "webhook-signature": String(receiver.received[0]?.headers["webhook-signature"]),
        },
      ),
    ).toThrow();
  });

  it("sends the first delivery of an instance that had nothing to send for a while after it started", async () => {
    const app = await startApp();
    // Several polls find nothing: the sending thread, started with the first delivery, is not there yet.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const receiver = await listen();
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    const { secret } = await subscribe(app.request, admin, receiver.url);

    const filed = await app.request("/v1/requests", {
      method: "POST",
      token: admin,
      json: newRequest("Advice after a quiet start"),
    });
    const { reference } = (await filed.json()) as { reference: string };
    await waitFor(() => receiver.received.length === 1, "the first delivery");
    const payload = verify(secret, receiver.received[0] as Receiver["received"][number]);
    expect([payload.type, payload.data.activity.subject]).toEqual(["request.created", reference]);
  });

  it("delivers everything, each signature verifying, to a receiver that was down for a while", async () => {
    const app = await startApp();
    const receiver = await listen();
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    const { id, secret } = await subscribe(app.request, admin, receiver.url);
    await receiver.stop();

    const references: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await app.request("/v1/requests", {
        method: "POST",
        token: admin,
        json: newRequest(`While down ${index}`),
      });
      references.push(((await response.json()) as { reference: string }).reference);
    }
    // Connection refused for a while, then answering 503 a few times, then back.
    await waitFor(async () => {
      const row = await app.handle.db
        .selectFrom("webhook_attempts")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      return Number(row.count) >= 10;
    }, "failed attempts while the receiver is down");
    let unavailable = 4;
    receiver.respond = () => (unavailable-- > 0 ? 503 : 200);
    await receiver.restart();

    await waitFor(
      () => receiver.received.filter((delivery) => delivery.status === 200).length >= 5,
      "5 deliveries",
    );
    const delivered = receiver.received.filter((delivery) => delivery.status === 200);
    const subjects = delivered.map((delivery) => verify(secret, delivery).data.activity.subject);
    expect([...subjects].sort()).toEqual(references);

    // Retries keep the webhook-id: the 503 answers were for ids that were delivered later.
    const deliveredIds = new Set(delivered.map((delivery) => delivery.headers["webhook-id"]));
    for (const failed of receiver.received.filter((delivery) => delivery.status === 503)) {
      expect(deliveredIds.has(failed.headers["webhook-id"])).toBe(true);
    }

    type Listing = {
      items: {
        id: string;
        status: string;
        attemptCount: number;
        attempts: { statusCode: number | null; error: string | null }[];
      }[];
    };
    const readListing = async () =>
      (await (await app.request(`/v1/webhooks/${id}/deliveries`, { token: admin })).json()) as Listing;
    // The receiver answers before the dispatcher records the attempt.
    await waitFor(
      async () => (await readListing()).items.every((item) => item.status === "delivered"),
      "every delivery recorded as delivered",
    );
    const { items } = await readListing();
    expect(items).toHaveLength(5);
    expect(new Set(items.map((item) => item.id))).toEqual(deliveredIds);
    const attempts = items.flatMap((item) => item.attempts);
    expect(attempts.some((attempt) => attempt.error?.includes("ECONNREFUSED"))).toBe(true);
    expect(attempts.filter((attempt) => attempt.statusCode === 503)).toHaveLength(4);
    expect(items.every((item) => item.attempts.at(-1)?.statusCode === 200)).toBe(true);
    expect(items.every((item) => item.attemptCount === item.attempts.length)).toBe(true);
  });

  for (const firstLife of ["without a dispatcher", "while the receiver is down"] as const) {
    it(`loses nothing when the API restarts between an activity and its delivery (${firstLife})`, async () => {
      const directory = mkdtempSync(join(tmpdir(), "bsi-restart-"));
      cleanups.push(async () => rmSync(directory, { recursive: true, force: true }));
      const config = (webhooks: boolean) =>
        ApiConfigSchema.parse({
          ...FAST,
          WEBHOOK_RETRY_BASE_MS: "50",
          DATABASE_URL: `file:${join(directory, "bsi.sqlite")}`,
          BSI_SEED: "none",
          LOG_LEVEL: "silent",
          WEBHOOKS_ENABLED: String(webhooks),
        });
      const receiver = await listen();
      const isReceiverDown = firstLife === "while the receiver is down";
      if (isReceiverDown) await receiver.stop();

      const first: ApiRuntime = await openApi(config(isReceiverDown));
      const { secret: token } = await createApiKey(first.handle.db, {
        name: "admin",
        scopes: ["webhooks:manage", "requests:write", "requests:read"],
      });
      const call = (runtime: ApiRuntime, path: string, json?: unknown) =>
        runtime.app.request(path, {
          method: json === undefined ? "GET" : "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        });
      const created = await call(first, "/v1/webhooks", { url: receiver.url, events: ["request.created"] });
      const { secret } = (await created.json()) as { secret: string };
      const filed = await call(first, "/v1/requests", newRequest("Before the restart"));
      const { reference } = (await filed.json()) as { reference: string };
      if (isReceiverDown) {
        await waitFor(async () => {
          const row = await first.handle.db.selectFrom("webhook_attempts").select("error").executeTakeFirst();
          return row?.error?.includes("ECONNREFUSED") ?? false;
        }, "a failed attempt before the restart");
      }
      await first.close();
      if (isReceiverDown) await receiver.restart();
      expect(receiver.received).toHaveLength(0);

      const second = await openApi(config(true));
      cleanups.push(() => second.close());
      await waitFor(() => receiver.received.length === 1, "the delivery after the restart");
      const [delivery] = receiver.received;
      if (!delivery) throw new Error("no delivery");
      expect(verify(secret, delivery).data.activity.subject).toBe(reference);
      const stored = await second.handle.db.selectFrom("webhook_deliveries").select("id").execute();
      expect(stored.map((row) => row.id)).toEqual([delivery.headers["webhook-id"]]);
    });
  }

  it("disables a webhook whose receiver keeps failing past the threshold, and says why", async () => {
    const app = await startApp({ WEBHOOK_DISABLE_AFTER_MS: "400" });
    const receiver = await listen();
    receiver.respond = () => 500;
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    const { id } = await subscribe(app.request, admin, receiver.url);
    await app.request("/v1/requests", { method: "POST", token: admin, json: newRequest("Doomed") });

    await waitFor(async () => {
      const response = await app.request(`/v1/webhooks/${id}`, { token: admin });
      return ((await response.json()) as { disabled: boolean }).disabled;
    }, "the webhook to be disabled");
    const webhook = (await (await app.request("/v1/webhooks", { token: admin })).json()) as {
      items: { id: string; disabled: boolean; disabledReason: string | null; disabledAt: string | null }[];
    };
    expect(webhook.items[0]).toMatchObject({ id, disabled: true });
    expect(webhook.items[0]?.disabledReason).toMatch(/failed since .* HTTP 500/);

    const deliveries = await app.request(`/v1/webhooks/${id}/deliveries`, { token: admin });
    const { items } = (await deliveries.json()) as { items: { status: string; lastError: string }[] };
    expect(items[0]?.status).toBe("failed");
    expect(items[0]?.lastError).toMatch(/disabled/);

    const sent = receiver.received.length;
    await app.request("/v1/requests", { method: "POST", token: admin, json: newRequest("After") });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received.length).toBe(sent);

    // The receiver is fixed: turning the webhook back on sends what failed again, each with its id.
    receiver.respond = () => 204;
    const failedIds = (
      (await (await app.request(`/v1/webhooks/${id}/deliveries`, { token: admin })).json()) as {
        items: { id: string; status: string }[];
      }
    ).items.map((delivery) => delivery.id);
    const enabled = await app.request(`/v1/webhooks/${id}/enable`, {
      method: "POST",
      token: admin,
      json: { redeliverSince: "2000-01-01T00:00:00Z" },
    });
    expect(enabled.status).toBe(200);
    const body = (await enabled.json()) as {
      disabled: boolean;
      disabledReason: string | null;
      redelivered: number;
    };
    expect(body).toMatchObject({ disabled: false, disabledReason: null, redelivered: failedIds.length });
    await waitFor(
      () =>
        failedIds.every((deliveryId) =>
          receiver.received.some((r) => r.headers["webhook-id"] === deliveryId),
        ),
      "the failed deliveries sent again",
    );
    const backOn = await app.request("/v1/requests", {
      method: "POST",
      token: admin,
      json: newRequest("Back on"),
    });
    const { reference } = (await backOn.json()) as { reference: string };
    await waitFor(
      () => receiver.received.some((delivery) => delivery.body.includes(reference)),
      "a new delivery after enabling",
    );
    expect(
      (await (await app.request(`/v1/webhooks/${id}`, { token: admin })).json()) as object,
    ).toMatchObject({
      disabled: false,
    });

    const missing = await app.request("/v1/webhooks/wh_nowhere/enable", {
      method: "POST",
      token: admin,
      json: {},
    });
    expect(missing.status).toBe(404);
    const badSince = await app.request(`/v1/webhooks/${id}/enable`, {
      method: "POST",
      token: admin,
      json: { redeliverSince: "yesterday" },
    });
    expect(badSince.status).toBe(400);
    expect(JSON.stringify(await badSince.json())).toContain("redeliverSince");
  });

  it("never makes the filing wait for a slow receiver, and gives one receiver no more than half the sending slots", async () => {
    const app = await startApp({ WEBHOOK_CONCURRENCY: "4", WEBHOOK_TIMEOUT_MS: "1500" });
    const receiver = await listen();
    receiver.respond = () => "hang";
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    const { id } = await subscribe(app.request, admin, receiver.url);

    const started = performance.now();
    for (let index = 0; index < 6; index += 1) {
      const response = await app.request("/v1/requests", {
        method: "POST",
        token: admin,
        json: newRequest(`Slow ${index}`),
      });
      expect(response.status).toBe(201);
    }
    // A filing that waited for its delivery would take the whole 1.5 s the receiver hangs for.
    expect(performance.now() - started).toBeLessThan(1000);

    // Six deliveries are due, but only two (half of the four slots) are sent while the receiver hangs.
    await waitFor(() => receiver.open === 2, "two open deliveries");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.seen).toBe(2);

    await waitFor(async () => {
      const listing = await app.request(`/v1/webhooks/${id}/deliveries`, { token: admin });
      const { items } = (await listing.json()) as { items: { attempts: unknown[] }[] };
      return items.filter((item) => item.attempts.length > 0).length === 6;
    }, "a timed-out attempt for every delivery");
    const listing = await app.request(`/v1/webhooks/${id}/deliveries`, { token: admin });
    const { items } = (await listing.json()) as { items: { status: string; lastError: string }[] };
    expect(
      items.every((item) => item.status === "pending" && /no answer within 1500 ms/.test(item.lastError)),
    ).toBe(true);
  });

  it("keeps delivering to a healthy receiver while another webhook's receiver hangs", async () => {
    // One send per receiver at a time at most half the slots: the hanging one cannot take them all.
    const app = await startApp({ WEBHOOK_CONCURRENCY: "4", WEBHOOK_TIMEOUT_MS: "20000" });
    const hanging = await listen();
    hanging.respond = () => "hang";
    const healthy = await listen();
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    await subscribe(app.request, admin, hanging.url);
    await subscribe(app.request, admin, healthy.url);

    for (let index = 0; index < 10; index += 1) {
      const response = await app.request("/v1/requests", {
        method: "POST",
        token: admin,
        json: newRequest(`Busy day ${index}`),
      });
      expect(response.status).toBe(201);
    }
    // Well before the hanging POSTs time out (20 s), every delivery to the healthy receiver is made.
    await waitFor(() => healthy.received.length === 10, "ten deliveries to the healthy receiver", 5000);
    expect(hanging.open).toBe(2);
  });

  it("holds a failing receiver's backlog after a failed attempt instead of trying every delivery", async () => {
    const app = await startApp({
      WEBHOOK_CONCURRENCY: "2",
      // Long enough that filing the twenty and looking stay inside the hold on a slow machine.
      WEBHOOK_RETRY_BASE_MS: "2500",
      WEBHOOK_RETRY_MAX_MS: "2500",
    });
    const receiver = await listen();
    receiver.respond = () => 503;
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    await subscribe(app.request, admin, receiver.url, ["request.created"]);

    for (let index = 0; index < 20; index += 1) {
      await app.request("/v1/requests", {
        method: "POST",
        token: admin,
        json: newRequest(`Backlog ${index}`),
      });
    }
    await waitFor(() => receiver.seen >= 1, "a first attempt");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The first 503 stops the rest for the retry delay: one attempt, not twenty.
    expect(receiver.seen).toBe(1);

    receiver.respond = () => 200;
    await waitFor(
      () => receiver.received.filter((delivery) => delivery.status === 200).length === 20,
      "all twenty once it recovers",
      15_000,
    );
    const ids = receiver.received
      .filter((delivery) => delivery.status === 200)
      .map((delivery) => delivery.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(20);
  });

  it("lets only one of two database connections claim a due delivery until its lease ends", async () => {
    const app = await startApp({ WEBHOOKS_ENABLED: "false" });
    const admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
    await subscribe(app.request, admin, "http://127.0.0.1:9/unused");
    await app.request("/v1/requests", { method: "POST", token: admin, json: newRequest("Claim me") });
    const other = await openDatabase(app.deps.config.DATABASE_URL);
    cleanups.push(() => other.close());

    const now = new Date(Date.now() + 1000);
    const lease = new Date(now.getTime() + 60_000).toISOString();
    const mine = await claimDueDeliveries(app.handle.db, { now: now.toISOString(), lease, limit: 10 });
    const theirs = await claimDueDeliveries(other.db, { now: now.toISOString(), lease, limit: 10 });
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(0);
    const afterLease = new Date(now.getTime() + 61_000).toISOString();
    const reclaimed = await claimDueDeliveries(other.db, { now: afterLease, lease: afterLease, limit: 10 });
    expect(reclaimed.map((claimed) => claimed.delivery.id)).toEqual(
      mine.map((claimed) => claimed.delivery.id),
    );
  });
});
