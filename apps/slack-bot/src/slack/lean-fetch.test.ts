import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leanFetch } from "./lean-fetch.js";

let server: Server;
let base = "";
const received: Array<{ method?: string; url?: string; type?: string; encoding?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({
        method: req.method,
        url: req.url,
        type: req.headers["content-type"],
        encoding: req.headers["accept-encoding"],
        body,
      });
      if (req.url === "/api/chat.postMessage") {
        res.writeHead(200, { "content-type": "application/json", "x-slack-req-id": "r1" });
        res.end(JSON.stringify({ ok: true, echo: body }));
      } else if (req.url === "/rate-limited") {
        res.writeHead(429, { "retry-after": "3", "set-cookie": ["a=1", "b=2"] }).end("slow down");
      } else if (req.url === "/moved") {
        res.writeHead(302, { location: "https://elsewhere.example/" }).end();
      } else if (req.url === "/hang") {
        // never answers
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("the fetch the Slack SDK is given", () => {
  it("posts a form body with its headers and answers a standard Response", async () => {
    const response = await leanFetch(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "channel=C1&text=hello",
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-slack-req-id")).toBe("r1");
    expect(await response.json()).toEqual({ ok: true, echo: "channel=C1&text=hello" });
    expect(received.at(-1)).toMatchObject({
      method: "POST",
      type: "application/x-www-form-urlencoded",
      body: "channel=C1&text=hello",
    });
  });

  it("keeps a refusal's status, text and every header value, and a 204 without a body", async () => {
    const limited = await leanFetch(new URL(`${base}/rate-limited`), { headers: new Headers({ a: "b" }) });
    expect(limited.status).toBe(429);
    expect(limited.ok).toBe(false);
    expect(limited.statusText).toBe("Too Many Requests");
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await limited.text()).toBe("slow down");
    const empty = await leanFetch(`${base}/nothing`, { method: "POST", body: new Uint8Array([1, 2]) });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
    expect(received.at(-1)?.body).toBe("\u0001\u0002");
  });

  it("asks for the answer as it is, since it does not decompress", async () => {
    const response = await leanFetch(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "Accept-Encoding": "gzip, br", "content-type": "text/plain" },
      body: "x",
    });
    expect(await response.json()).toEqual({ ok: true, echo: "x" });
    expect(received.at(-1)?.encoding).toBeUndefined();
    expect(received.at(-1)?.type).toBe("text/plain");
  });

  it("fails a redirect instead of following it, and stops when its signal aborts", async () => {
    await expect(leanFetch(`${base}/moved`)).rejects.toThrow(/redirect \(302\)/);
    await expect(leanFetch(`${base}/hang`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });

  it("hands a body it does not send itself (a form) to the global fetch", async () => {
    const form = new FormData();
    form.set("file", "contents");
    const response = await leanFetch(`${base}/upload`, { method: "POST", body: form });
    expect(response.status).toBe(204);
    expect(received.at(-1)?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(received.at(-1)?.body).toContain("contents");
  });
});
