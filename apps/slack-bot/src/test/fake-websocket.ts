import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The server side of a WebSocket, as much as the fake Slack's Socket Mode needs: the opening
 * handshake, text frames both ways, ping → pong and close. Frames out are unmasked, frames in are
 * masked (RFC 6455).
 */
const HANDSHAKE_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** Completes the upgrade and returns the connection, or refuses a request that is no WebSocket. */
export function acceptWebSocket(
  req: IncomingMessage,
  socket: Socket,
  onText: (text: string) => void,
): WebSocketConnection | undefined {
  const key = req.headers["sec-websocket-key"];
  if (typeof key !== "string") {
    socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    return undefined;
  }
  const accept = createHash("sha1").update(`${key}${HANDSHAKE_GUID}`).digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  return new WebSocketConnection(socket, onText);
}

export class WebSocketConnection {
  private buffer = Buffer.alloc(0);

  constructor(
    readonly socket: Socket,
    private readonly onText: (text: string) => void,
  ) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.readFrames();
    });
    socket.on("error", () => socket.destroy());
  }

  sendText(text: string): void {
    this.sendFrame(0x1, Buffer.from(text, "utf8"));
  }

  private sendFrame(opcode: number, payload: Buffer): void {
    if (this.socket.destroyed) return;
    const length = payload.length;
    const header =
      length < 126
        ? Buffer.from([0x80 | opcode, length])
        : length < 65_536
          ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
          : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigEndian64(length)]);
    this.socket.write(Buffer.concat([header, payload]));
  }

  private readFrames(): void {
    while (this.buffer.length >= 2) {
      const first = this.buffer[0] ?? 0;
      const second = this.buffer[1] ?? 0;
      const opcode = first & 0x0f;
      const masked = (second & 0x80) !== 0;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskLength = masked ? 4 : 0;
      if (this.buffer.length < offset + maskLength + length) return;
      const mask = this.buffer.subarray(offset, offset + maskLength);
      const payload = Buffer.from(this.buffer.subarray(offset + maskLength, offset + maskLength + length));
      if (masked) {
        for (let index = 0; index < payload.length; index += 1) {
          payload[index] = (payload[index] ?? 0) ^ (mask[index % 4] ?? 0);
        }
      }
      this.buffer = this.buffer.subarray(offset + maskLength + length);
      if (opcode === 0x1) this.onText(payload.toString("utf8"));
      else if (opcode === 0x9) this.sendFrame(0xa, payload);
      else if (opcode === 0x8) {
        this.sendFrame(0x8, payload.subarray(0, 2));
        this.socket.end();
      }
    }
  }
}

function bigEndian64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
}
