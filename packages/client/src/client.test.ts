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
      } else if (req.url === "/v1/requests/BSI-2026-0001") {
        res.writeHead(200, { "content-type": "application/json", "idempotent-replayed": "true" }).end("{}");
      } else if (req.url === "/moved/health") {
        res.writeHead(301, { location: "https://api.example.org/health" }).end();
      } else if (req.url === "/stall") {
        // The headers at once, then a body that never ends.
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"status":');
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
  server.closeAllConnections();
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

  it("gives up on an answer whose body stops coming, and says when nothing listens", async () => {
    const stalled = await createClient({ baseUrl: `${baseUrl}/stall#`, timeoutMs: 200 })
      .health()
      .catch((caught: unknown) => caught);
    expect(stalled).toBeInstanceOf(ApiUnavailableError);
    expect((stalled as ApiUnavailableError).reason).toBe("timeout");

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await createClient({ baseUrl: `http://127.0.0.1:${port}` })
      .health()
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(ApiUnavailableError);
    expect((refused as ApiUnavailableError).reason).toBe("network");
    expect((refused as Error).message).toContain(`127.0.0.1:${port}`);
  });

  it("does not follow a redirect, and says where it points; a malformed URL is unavailable too", async () => {
    const moved = await createClient({ baseUrl: `${baseUrl}/moved`, token: "bsi_secret" })
      .health()
      .catch((caught: unknown) => caught);
    expect(moved).toBeInstanceOf(ApiUnavailableError);
    expect((moved as Error).message).toContain("redirect (301) to https://api.example.org/health");
    const malformed = await createClient({ baseUrl: "http://[not a host" })
      .health()
      .catch((caught: unknown) => caught);
    expect(malformed).toBeInstanceOf(ApiUnavailableError);
    expect((malformed as ApiUnavailableError).reason).toBe("network");
  });

  it("shows every answer's status and headers to onAnswer", async () => {
    const answers: Array<{ status: number; replayed: string | undefined }> = [];
    const client = createClient({
      baseUrl,
      onAnswer: (answer) =>
        answers.push({ status: answer.status, replayed: answer.header("Idempotent-Replayed") }),
    });
    await client.getRequest("BSI-2026-0001");
    await client.health();
    expect(answers).toEqual([
      { status: 200, replayed: "true" },
      { status: 204, replayed: undefined },
    ]);
  });

  it("sends through a fetch it is given, with the same answers and errors", async () => {
    const urls: string[] = [];
    const client = createClient({
      baseUrl,
      token: "bsi_test",
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });
    expect(await client.listEvents({ upcoming: true })).toEqual({ items: [], nextCursor: null });
    expect(seen.at(-1)?.headers.authorization).toBe("Bearer bsi_test");
    await expect(client.getEvent("x")).rejects.toBeInstanceOf(ApiUnavailableError);
    expect(urls).toEqual([`${baseUrl}/v1/events?upcoming=true`, `${baseUrl}/v1/events/x`]);
  });
});
