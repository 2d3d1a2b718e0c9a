import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/api-keys.js";
import { type ApiProcess, startApiProcess } from "../bench/harness.js";
import { openDatabase } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";

const directory = mkdtempSync(join(tmpdir(), "bsi-kill-"));
const databasePath = join(directory, "bsi.sqlite");
let server: ApiProcess | undefined;

afterAll(async () => {
  await server?.stop("SIGKILL");
  rmSync(directory, { recursive: true, force: true });
});

const CLIENTS = 500;

describe("the API killed with SIGKILL in the middle of 500 concurrent filings", () => {
  it("keeps exactly one request per idempotency key, references gap-free, the file intact", async () => {
    const databaseUrl = `file:${databasePath}`;
    const handle = await openDatabase(databaseUrl);
    await migrateToLatest(handle.db);
    const { secret } = await createApiKey(handle.db, {
      name: "faults",
      scopes: ["requests:write", "requests:read"],
    });
    await handle.close();

    server = await startApiProcess({
      DATABASE_URL: databaseUrl,
      BSI_SEED: "none",
      WEBHOOKS_ENABLED: "false",
    });
    let baseUrl = server.url;
    let succeeded = 0;
    let kill: (() => void) | undefined;
    const killed = new Promise<void>((resolve) => {
      kill = resolve;
    });

    /** A client that retries with its own idempotency key until the API confirms the filing. */
    async function file(index: number): Promise<string> {
      const body = JSON.stringify({
        type: "information",
        memberState: "SN",
        summary: `Fault test request ${index}`,
        requester: { name: `Client ${index}`, email: `client${index}@example.org` },
      });
      for (let attempt = 0; attempt < 400; attempt += 1) {
        try {
          const response = await fetch(`${baseUrl}/v1/requests`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${secret}`,
              "content-type": "application/json",
              "idempotency-key": `fault-key-${index}`,
            },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          if (response.status === 200 || response.status === 201) {
            const request = (await response.json()) as { reference: string; summary: string };
            expect(request.summary).toBe(`Fault test request ${index}`);
            succeeded += 1;
            if (succeeded === 150) kill?.();
            return request.reference;
          }
          expect(response.status, await response.text()).not.toBe(409);
        } catch {
          // Connection refused or reset while the API is down: retry.
        }
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
      throw new Error(`client ${index} never got its request filed`);
    }

    const clients = Array.from({ length: CLIENTS }, (_, index) => file(index));
    await killed;
    await server.stop("SIGKILL");
    server = await startApiProcess({
      DATABASE_URL: databaseUrl,
      BSI_SEED: "none",
      WEBHOOKS_ENABLED: "false",
    });
    baseUrl = server.url;
    const references = await Promise.all(clients);
    await server.stop();

    expect(new Set(references).size).toBe(CLIENTS);
    const sqlite = new Database(databasePath, { readonly: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = sqlite
        .prepare("SELECT reference, sequence, summary FROM requests ORDER BY sequence")
        .all() as Array<{
        reference: string;
        sequence: number;
        summary: string;
      }>;
      expect(rows).toHaveLength(CLIENTS);
      expect(rows.map((row) => row.sequence)).toEqual(
        Array.from({ length: CLIENTS }, (_, index) => index + 1),
      );
      expect(new Set(rows.map((row) => row.summary)).size).toBe(CLIENTS);
      expect(new Set(rows.map((row) => row.reference))).toEqual(new Set(references));
    } finally {
      sqlite.close();
    }
  });
});
