import { STATUS_CODES } from "node:http";
import { request } from "undici";
import { ApiUnavailableError } from "./errors.js";

/** One HTTP exchange as the client needs it: the status, a header reader and the body as text. */
export interface Answer {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  text: string;
}

export interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type Send = (exchange: Exchange) => Promise<Answer>;

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function unavailable(error: unknown, exchange: Exchange): ApiUnavailableError {
  if (error instanceof ApiUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as Error | null)?.name;
  const isTimeout =
    (typeof code === "string" && TIMEOUT_CODES.has(code)) || name === "TimeoutError" || name === "AbortError";
  return new ApiUnavailableError(
    isTimeout ? "timeout" : "network",
    isTimeout
      ? `The API did not answer within ${exchange.timeoutMs} ms`
      : `The API at ${originOf(exchange.url)} cannot be reached`,
    { cause: error },
  );
}

/**
 * Sends through undici's `request`, the HTTP client Node's own `fetch` is built on, without the
 * WHATWG layer: on loopback a call costs about a third of the CPU of `fetch` with
 * `AbortSignal.timeout`, which matters to the Slack bot, whose every answer is an API call.
 * Connections are kept alive in undici's shared pool; redirects are not followed. The deadline is
 * a plain timer covering the whole exchange, body included (undici's own timeouts tick once a
 * second, too coarse for a bot that has 3 seconds to answer Slack).
 */
export const sendWithUndici: Send = async (exchange) => {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), exchange.timeoutMs);
  try {
    const response = await request(exchange.url, {
      method: exchange.method as "GET",
      headers: exchange.headers,
      body: exchange.body ?? null,
      signal: deadline.signal,
    });
    const headers = response.headers;
    if (response.statusCode >= 300 && response.statusCode < 400 && headers.location !== undefined) {
      // Not followed: a redirect (http → https, a moved host) means the configured URL is not the
      // API's own, and following it would send the key wherever it points.
      await response.body.dump();
      throw new ApiUnavailableError(
        "network",
        `The API at ${originOf(exchange.url)} answered a redirect (${response.statusCode}) to ${String(headers.location)}: set the API's URL to where it points`,
      );
    }
    const text = await response.body.text();
    return {
      status: response.statusCode,
      statusText: STATUS_CODES[response.statusCode] ?? "",
      header(name) {
        const value = headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(", ") : value;
      },
      text,
    };
  } catch (error) {
    throw unavailable(error, exchange);
  } finally {
    clearTimeout(timer);
  }
};

/** Sends through a `fetch` the caller supplied (a test double, or a runtime without undici). */
export function sendWithFetch(doFetch: typeof fetch): Send {
  return async (exchange) => {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(exchange.url, {
        method: exchange.method,
        headers: exchange.headers,
        ...(exchange.body !== undefined ? { body: exchange.body } : {}),
        signal: AbortSignal.timeout(exchange.timeoutMs),
      });
      text = response.status === 204 ? "" : await response.text();
    } catch (error) {
      throw unavailable(error, exchange);
    }
    return {
      status: response.status,
      statusText: response.statusText,
      header: (name) => response.headers.get(name) ?? undefined,
      text,
    };
  };
}
