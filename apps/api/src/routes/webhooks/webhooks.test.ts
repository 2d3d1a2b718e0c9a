import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

interface WebhookBody {
  id: string;
  url: string;
  events: string[];
  secret?: string;
  createdAt: string;
  disabled: boolean;
  disabledReason: string | null;
}

interface Problem {
  detail: string;
  errors?: { field: string; message: string }[];
}

let app: TestApp;
let admin: string;

beforeEach(async () => {
  app = await createTestApp({
    seed: false,
    now: () => new Date("2026-06-01T08:00:00.000Z"),
    env: { WEBHOOKS_ENABLED: "false" },
  });
  admin = await app.createKey(["webhooks:manage", "requests:write", "requests:read"]);
});

afterEach(async () => {
  await app.close();
});

function create(json: unknown) {
  return app.request("/v1/webhooks", { method: "POST", token: admin, json });
}

describe("POST /v1/webhooks", () => {
  it("subscribes a key without requests:read to catalogue activity only: request payloads carry contacts", async () => {
    const hooksOnly = await app.createKey(["webhooks:manage"], "hooks-only");
    const refused = await app.request("/v1/webhooks", {
      method: "POST",
      token: hooksOnly,
      json: { url: "https://tools.example.org/bsi", events: ["event.created", "request.created"] },
    });
    expect(refused.status).toBe(403);
    const problem = (await refused.json()) as { detail: string; errors: { field: string }[] };
    expect(problem.detail).toMatch(/requests:read/);
    expect(problem.errors[0]?.field).toBe("events");
    expect(
      (await (await app.request("/v1/webhooks", { token: admin })).json()) as { items: unknown[] },
    ).toEqual({
      items: [],
    });
    const catalogue = await app.request("/v1/webhooks", {
      method: "POST",
      token: hooksOnly,
      json: { url: "https://tools.example.org/bsi", events: ["event.created", "practice.updated"] },
    });
    expect(catalogue.status).toBe(201);
  });

  it("returns the webhook with a whsec_ secret once; GET never shows the secret", async () => {
    const response = await create({ url: "https://tools.example.org/bsi", events: ["request.created"] });
    expect(response.status).toBe(201);
    const webhook = (await response.json()) as WebhookBody;
    expect(response.headers.get("location")).toBe(`/v1/webhooks/${webhook.id}`);
    expect(webhook).toMatchObject({
      url: "https://tools.example.org/bsi",
      events: ["request.created"],
      createdAt: "2026-06-01T08:00:00.000Z",
      disabled: false,
      disabledReason: null,
    });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(webhook.secret?.slice("whsec_".length) ?? "", "base64")).toHaveLength(32);
    expect(() => new Webhook(webhook.secret ?? "")).not.toThrow();

    const one = (await (
      await app.request(`/v1/webhooks/${webhook.id}`, { token: admin })
    ).json()) as WebhookBody;
    expect(one.secret).toBeUndefined();
    const list = (await (await app.request("/v1/webhooks", { token: admin })).json()) as {
      items: WebhookBody[];
    };
    expect(list.items.map((item) => [item.id, item.secret])).toEqual([[webhook.id, undefined]]);
  });

  const badUrls: [string, string, RegExp][] = [
    ["an ftp URL", "ftp://files.example.org/hook", /http or https/],
    ["a file URL", "file:///etc/passwd", /http or https/],
    ["a URL with credentials", "https://user:pass@tools.example.org/hook", /user name or password/],
    ["a URL with only a user name", "https://token@tools.example.org/hook", /user name or password/],
    ["a relative URL", "/hooks/bsi", /absolute/],
  ];
  for (const [what, url, message] of badUrls) {
    it(`refuses ${what} with 400 naming url`, async () => {
      const response = await create({ url, events: ["request.created"] });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(problem.errors?.[0]?.field).toBe("url");
      expect(problem.errors?.[0]?.message).toMatch(message);
      const list = (await (await app.request("/v1/webhooks", { token: admin })).json()) as {
        items: unknown[];
      };
      expect(list.items).toHaveLength(0);
    });
  }

  it("refuses an unknown activity type with 400 naming it", async () => {
    const response = await create({
      url: "https://tools.example.org/bsi",
      events: ["request.created", "request.deleted"],
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]?.field).toBe("events.1");
    expect(problem.errors?.[0]?.message).toMatch(/activity types/);
  });

  it("refuses an empty list of activity types", async () => {
    const response = await create({ url: "https://tools.example.org/bsi", events: [] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe("events");
  });
});

describe("DELETE /v1/webhooks/{id}", () => {
  it("deletes the webhook, drops its pending deliveries and stops queueing new ones", async () => {
    const webhook = (await (
      await create({ url: "http://127.0.0.1:9/hook", events: ["request.created"] })
    ).json()) as WebhookBody;
    const file = () =>
      app.request("/v1/requests", {
        method: "POST",
        token: admin,
        json: { type: "information", memberState: "TN", summary: "Hello", requester: { name: "Sami" } },
      });
    await file();
    const deliveries = await app.request(`/v1/webhooks/${webhook.id}/deliveries`, { token: admin });
    const pending = (await deliveries.json()) as { items: { status: string }[] };
    expect(pending.items.map((item) => item.status)).toEqual(["pending"]);

    expect((await app.request(`/v1/webhooks/${webhook.id}`, { method: "DELETE", token: admin })).status).toBe(
      204,
    );
    expect((await app.request(`/v1/webhooks/${webhook.id}`, { token: admin })).status).toBe(404);
    expect((await app.request(`/v1/webhooks/${webhook.id}`, { method: "DELETE", token: admin })).status).toBe(
      404,
    );
    const rows = await app.handle.db
      .selectFrom("webhook_deliveries")
      .select(["status", "last_error"])
      .execute();
    expect(rows).toEqual([{ status: "failed", last_error: "the webhook was deleted" }]);
    await file();
    expect(await app.handle.db.selectFrom("webhook_deliveries").select("id").execute()).toHaveLength(1);
  });
});

describe("GET /v1/webhooks/{id}/deliveries", () => {
  it("pages newest first and refuses a cursor from elsewhere", async () => {
    const webhook = (await (
      await create({ url: "http://127.0.0.1:9/hook", events: ["request.created"] })
    ).json()) as WebhookBody;
    for (let index = 0; index < 3; index += 1) {
      await app.request("/v1/requests", {
        method: "POST",
        token: admin,
        json: {
          type: "information",
          memberState: "TN",
          summary: `Hello ${index}`,
          requester: { name: "Sami" },
        },
      });
    }
    const first = (await (
      await app.request(`/v1/webhooks/${webhook.id}/deliveries?limit=2`, { token: admin })
    ).json()) as { items: { activityId: string }[]; nextCursor: string };
    expect(first.items.map((item) => item.activityId)).toEqual(["3", "2"]);
    const second = (await (
      await app.request(
        `/v1/webhooks/${webhook.id}/deliveries?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
        {
          token: admin,
        },
      )
    ).json()) as { items: { activityId: string }[]; nextCursor: string | null };
    expect(second.items.map((item) => item.activityId)).toEqual(["1"]);
    expect(second.nextCursor).toBeNull();

    const feed = (await (
      await app.request("/v1/activity?limit=1", { token: await app.createKey(["requests:read"]) })
    ).json()) as { nextCursor: string };
    const foreign = await app.request(
      `/v1/webhooks/${webhook.id}/deliveries?cursor=${encodeURIComponent(feed.nextCursor)}`,
      { token: admin },
    );
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as Problem).errors?.[0]?.field).toBe("cursor");
  });
});
