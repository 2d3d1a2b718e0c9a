import type { IncomingMessage } from "node:http";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "./app-error.js";
import type { AppEnv } from "./types.js";

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The body is larger than the limit of ${limit} bytes`);

/**
 * Reads a request body straight from Node's stream, refusing it as soon as it passes `limit` bytes
 * (at once when Content-Length already says so). What is past the limit is drained, not kept.
 */
export function readNodeBody(incoming: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(incoming.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    incoming.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isRefused = false;
    incoming.on("data", (chunk: Buffer) => {
      if (isRefused) return;
      size += chunk.length;
      if (size > limit) {
        isRefused = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    let isEnded = false;
    incoming.once("end", () => {
      isEnded = true;
      if (!isRefused)
        resolve(chunks.length === 1 ? String(chunks[0]) : Buffer.concat(chunks).toString("utf8"));
    });
    incoming.once("error", reject);
    // A client that hangs up halfway: nothing waits for the rest.
    incoming.once("close", () => {
      if (!isEnded)
        reject(new AppError("bad_request", "The connection closed before the whole body arrived"));
    });
  });
}

/**
 * The body limit for every request that carries one. Behind the Node server the body is read here
 * from Node's own stream and handed to Hono already read (`bodyCache`), which spares each request
 * a WHATWG Request and its stream; elsewhere (in-process tests, other runtimes) Hono's own
 * bodyLimit does the same check.
 */
export function limitBodies(limit: number): MiddlewareHandler<AppEnv> {
  const fallback = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw tooLarge(limit);
    },
  });
  return async (c, next) => {
    const method = c.req.method;
    // GET and HEAD carry no body.
    if (method === "GET" || method === "HEAD") return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || typeof incoming.on !== "function") return fallback(c, next);
    const text = await readNodeBody(incoming, limit);
    // Hono reads `text` for json() and text(), and converts it for arrayBuffer() and the like.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    return next();
  };
}
