import { STATUS_CODES } from "node:http";
import { request } from "undici";

const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type FetchHeaders = NonNullable<RequestInit["headers"]>;

/**
 * The request's headers as a plain record, without `accept-encoding`: undici's `request` does not
 * decompress, so the answer must come as it is (fetch would have decoded it).
 */
function headerRecord(headers: FetchHeaders | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  const record: Record<string, string> =
    headers instanceof Headers || Array.isArray(headers)
      ? Object.fromEntries(new Headers(headers))
      : { ...(headers as Record<string, string>) };
  for (const name of Object.keys(record)) if (name.toLowerCase() === "accept-encoding") delete record[name];
  return record;
}

/**
 * The `fetch` the Slack SDK is given, for Web API calls and Bolt's replies to a `response_url`:
 * undici's `request` (the client Node's own `fetch` is built on) answered as a standard `Response`.
 * Every command and message the bot answers makes one or two of these calls, and Node 20's `fetch`
 * spends most of its CPU in the WHATWG stream layer; this costs about 40% of it on loopback.
 *
 * It takes what the SDK sends — a URL and a string or byte body — and leaves anything else (a
 * `Request`, a stream or form body) to the global `fetch`. Redirects are not followed: Slack's
 * Web API and response URLs never redirect, so a redirect fails the call as `redirect: "error"` does.
 */
export const leanFetch: typeof fetch = async (input, init = {}) => {
  const body = init.body ?? null;
  const isPlainBody = body === null || typeof body === "string" || body instanceof Uint8Array;
  if (!(typeof input === "string" || input instanceof URL) || !isPlainBody) return fetch(input, init);
  const url = String(input);
  const method = (init.method ?? "GET").toUpperCase();
  const response = await request(url, {
    method: method as "GET",
    headers: headerRecord(init.headers),
    body,
    signal: init.signal ?? undefined,
  });
  const status = response.statusCode;
  if (status >= 300 && status < 400 && response.headers.location !== undefined) {
    await response.body.dump();
    throw new TypeError(`fetch failed: ${url} answered a redirect (${status}), which is not followed`);
  }
  const bytes = await response.body.arrayBuffer();
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Response(NO_BODY_STATUSES.has(status) || method === "HEAD" ? null : bytes, {
    status,
    statusText: STATUS_CODES[status] ?? "",
    headers,
  });
};
