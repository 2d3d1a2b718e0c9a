import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedDelivery[];
  /** Requests that have arrived, answered or not. */
  seen: number;
  /** Requests open right now. */
  readonly open: number;
  /** Decides the status of each POST; 200 unless replaced. Return "hang" to never answer. */
  respond: (delivery: { headers: IncomingHttpHeaders; body: string }) => number | "hang";
  /** Stops listening and drops open connections (the receiver is "down"). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1, as a webhook consumer would run one. */
export async function startReceiver(): Promise<Receiver> {
  let server: Server | undefined;
  let open = 0;
  const receiver: Receiver = {
    url: "",
    port: 0,
    received: [],
    seen: 0,
    get open() {
      return open;
    },
    respond: () => 200,
    async stop() {
      const current = server;
      server = undefined;
      if (!current) return;
      await new Promise<void>((resolve) => {
        current.close(() => resolve());
        current.closeAllConnections();
      });
    },
    async restart() {
      await listen(receiver.port);
    },
  };
  async function listen(port: number): Promise<void> {
    const created = createServer((req, res) => {
      open += 1;
      receiver.seen += 1;
      res.on("close", () => {
        open -= 1;
      });
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const status = receiver.respond({ headers: req.headers, body });
        if (status === "hang") return;
        receiver.received.push({ headers: req.headers, body, status });
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
      });
    });
    await new Promise<void>((resolve, reject) => {
      created.once("error", reject);
      created.listen(port, "127.0.0.1", () => resolve());
    });
    server = created;
    receiver.port = (created.address() as AddressInfo).port;
    receiver.url = `http://127.0.0.1:${receiver.port}/hooks/bsi`;
  }
  await listen(0);
  return receiver;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
