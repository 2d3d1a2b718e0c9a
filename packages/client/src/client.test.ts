import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, ApiUnavailableError, createClient } from "./index.js";

let server: Server;
let baseUrl = "";
const seen: Array<{ method?: string; url?: string; headers: Record<string, unknown>; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url?.startsWith("/v1/events?")) {
        res.writeHead(200, { "content-type": "application/json" }).end('{"items":[],"nextCursor":null}');
      } else if (req.url === "/v1/requests") {
        res.writeHead(400, { "content-type": "application/problem+json" }).end(
          JSON.stringify({
            type: "about:blank",
            title: "Invalid input",
            status: 400,
            detail: "Invalid body: summary must be at most 150 characters",
            errors: [{ field: "summary", message: "must be at most 150 characters" }],
          }),
        );
      } else if (req.url === "/slow") {
        setTimeout(() => res.writeHead(200).end("{}"), 2000);
      } else if (req.url === "/v1/events/x") {
        res.writeHead(502).end("<html>bad gateway</html>");
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

describe("the API client", () => {
  it("sends filters as query parameters, lists joined by commas, and the key as a bearer token", async () => {
    const client = createClient({ baseUrl: `${baseUrl}/`, token: "bsi_test" });
    await client.listEvents({ upcoming: true, kind: ["workshop", "seminar"], limit: 5 });
    const request = seen.at(-1);
    expect(request?.url).toBe("/v1/events?upcoming=true&kind=workshop%2Cseminar&limit=5");
    expect(request?.headers.authorization).toBe("Bearer bsi_test");
  });

  it("sends the idempotency key with a filing and turns a problem into an ApiError with field errors", async () => {
    const client = createClient({ baseUrl });
    const error = await client
      .createRequest(
        { type: "information", memberState: "SN", summary: "x".repeat(151), requester: { name: "A" } },
        { idempotencyKey: "key-1" },
      )
      .catch((caught: unknown) => caught);
    expect(seen.at(-1)?.headers["idempotency-key"]).toBe("key-1");
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldErrors()).toEqual({ summary: "must be at most 150 characters" });
  });

  it("reports a gateway error page as the API being unavailable", async () => {
    const client = createClient({ baseUrl });
    await expect(client.getEvent("x")).rejects.toBeInstanceOf(ApiUnavailableError);
  });

  it("gives up after its timeout with ApiUnavailableError", async () => {
    const client = createClient({ baseUrl, timeoutMs: 200 });
    const error = await (client as unknown as { health: () => Promise<unknown> })
      .health()
      .catch((caught: unknown) => caught);
    expect(error).toBeUndefined();
    const slow = createClient({ baseUrl: `${baseUrl}/slow#`, timeoutMs: 200 });
    const timedOut = await slow.health().catch((caught: unknown) => caught);
    expect(timedOut).toBeInstanceOf(ApiUnavailableError);
    expect((timedOut as ApiUnavailableError).reason).toBe("timeout");
  });
});
