import { createServer, type IncomingMessage } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { readNodeBody } from "./read-body.js";

let close: (() => void) | undefined;
afterEach(() => close?.());

/** A real server on loopback whose handler reads the body; resolves with what readNodeBody gave. */
async function serverReading(limit: number): Promise<{ port: number; outcome: Promise<string> }> {
  let settle!: (value: Promise<string>) => void;
  const outcome = new Promise<string>((resolve) => {
    settle = resolve as never;
  }).then((value) => value);
  const server = createServer((request: IncomingMessage, response) => {
    const reading = readNodeBody(request, limit);
    settle(reading);
    reading.then(
      () => response.end("ok"),
      () => response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  return { port: (server.address() as AddressInfo).port, outcome };
}

/** Sends raw HTTP in pieces, as a slow client would. */
function send(port: number, pieces: Array<string | Buffer>, hangUp = false): void {
  const socket = connect(port, "127.0.0.1", async () => {
    for (const piece of pieces) {
      socket.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (hangUp) socket.destroy();
  });
  socket.on("error", () => undefined);
}

describe("readNodeBody", () => {
  it("joins a body sent in pieces, with a character split between two of them", async () => {
    const { port, outcome } = await serverReading(1024);
    const body = Buffer.from('{"city":"Niamey — Niger"}');
    const split = body.indexOf(0xe2) + 1; // inside the three bytes of "—"
    send(port, [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body.subarray(0, split),
      body.subarray(split),
    ]);
    expect(await outcome).toBe('{"city":"Niamey — Niger"}');
  });

  it("refuses a chunked body once it passes the limit", async () => {
    const { port, outcome } = await serverReading(100);
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
    send(port, [
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
      chunk("x".repeat(60)),
      chunk("x".repeat(60)),
      "0\r\n\r\n",
    ]);
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
  });

  it("gives up, instead of waiting for ever, when the client hangs up halfway", async () => {
    const { port, outcome } = await serverReading(1024);
    send(port, ["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n", "x".repeat(100)], true);
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
  });
});
