import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback HTTP proxy in front of the real API that can make it slow, stop it answering at all,
 * or answer 404 for routes an older API would not have: network conditions the bot must survive,
 * without touching its code.
 */
export interface ApiProxy {
  url: string;
  /** Delay every answer by this much (0 for none). */
  delayMs: number;
  /** Paths answered with a 404 problem, as an API without those routes would. */
  missingRoutes: RegExp | undefined;
  /** Drop every connection unanswered, as a stopped API (or its crashed host) would. */
  isDown: boolean;
  close(): Promise<void>;
}

export async function startApiProxy(targetUrl: string): Promise<ApiProxy> {
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });
  const proxy: ApiProxy = {
    url: "",
    delayMs: 0,
    missingRoutes: undefined,
    isDown: false,
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    if (proxy.isDown) {
      req.socket.destroy();
      return;
    }
    void (async () => {
      const body = await read(req);
      if (proxy.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, proxy.delayMs));
      const path = req.url ?? "/";
      if (proxy.missingRoutes?.test(path.split("?")[0] ?? "")) {
        res.writeHead(404, { "content-type": "application/problem+json" });
        res.end(
          JSON.stringify({
            type: "about:blank",
            title: "Not Found",
            status: 404,
            detail: `No route ${path}`,
          }),
        );
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && name !== "host" && name !== "content-length")
          headers.set(name, value);
      }
      const upstream = await fetch(`${targetUrl}${path}`, {
        method: req.method ?? "GET",
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, {
        "content-type": upstream.headers.get("content-type") ?? "application/json",
      });
      res.end(text);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}

/** A URL on which nothing listens: an API that is down. */
export async function unusedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
