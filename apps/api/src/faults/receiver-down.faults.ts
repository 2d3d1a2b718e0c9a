import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { type ApiProcess, startApiProcess } from "../bench/harness.js";
import { openDatabase } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";

const directory = mkdtempSync(join(tmpdir(), "bsi-receiver-"));
let api: ApiProcess | undefined;
let receiver: Server | undefined;

afterAll(async () => {
  await api?.stop();
  receiver?.close();
  rmSync(directory, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("a webhook receiver down for a while", () => {
  it("gets every delivery once it is back, each signed with the published secret, none lost", async () => {
    const databaseUrl = `file:${join(directory, "bsi.sqlite")}`;
    const handle = await openDatabase(databaseUrl);
    await migrateToLatest(handle.db);
    const { secret } = await createApiKey(handle.db, {
      name: "faults",
      scopes: ["requests:write", "requests:manage", "requests:read", "webhooks:manage"],
    });
    await handle.close();
    api = await startApiProcess({
      DATABASE_URL: databaseUrl,
      BSI_SEED: "none",
      WEBHOOK_POLL_MS: "100",
      WEBHOOK_RETRY_BASE_MS: "200",
      WEBHOOK_RETRY_MAX_MS: "1000",
    });
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };

    const port = await freePort();
    const registered = await fetch(`${api.url}/v1/webhooks`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        url: `http://127.0.0.1:${port}/hook`,
        events: ["request.created", "request.status_changed"],
      }),
    });
    expect(registered.status).toBe(201);
    const webhook = (await registered.json()) as { id: string; secret: string };

    // The receiver is down while 20 requests are filed and 10 of them move.
    const references: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const response = await fetch(`${api.url}/v1/requests`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          type: "information",
          memberState: "KE",
          summary: `Receiver down ${index}`,
          requester: { name: "Liaison" },
        }),
      });
      expect(response.status).toBe(201);
      references.push(((await response.json()) as { reference: string }).reference);
    }
    for (const reference of references.slice(0, 10)) {
      const moved = await fetch(`${api.url}/v1/requests/${reference}/transitions`, {
        method: "POST",
        headers,
        body: JSON.stringify({ to: "under_review", actor: "triager" }),
      });
      expect(moved.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Back up: every delivery arrives, verified, each message id once.
    const verifier = new Webhook(webhook.secret);
    const received = new Map<string, { type: string; subject: string }>();
    let badSignatures = 0;
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        try {
          const payload = verifier.verify(body, {
            "webhook-id": String(req.headers["webhook-id"]),
            "webhook-timestamp": String(req.headers["webhook-timestamp"]),
            "webhook-signature": String(req.headers["webhook-signature"]),
          }) as { type: string; data: { activity: { subject: string } } };
          received.set(String(req.headers["webhook-id"]), {
            type: payload.type,
            subject: payload.data.activity.subject,
          });
          res.writeHead(204).end();
        } catch {
          badSignatures += 1;
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(port, "127.0.0.1", resolve));
    const deadline = Date.now() + 60_000;
    while (received.size < 30 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));

    expect(badSignatures).toBe(0);
    expect(received.size).toBe(30);
    const created = [...received.values()].filter((message) => message.type === "request.created");
    expect(new Set(created.map((message) => message.subject))).toEqual(new Set(references));
    const moved = [...received.values()].filter((message) => message.type === "request.status_changed");
    expect(new Set(moved.map((message) => message.subject))).toEqual(new Set(references.slice(0, 10)));

    const deliveries = await fetch(`${api.url}/v1/webhooks/${webhook.id}/deliveries`, { headers });
    expect(deliveries.status).toBe(200);
  });
});
