import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  type RequestListener,
  type Server,
  type ServerOptions,
  ServerResponse,
} from "node:http";

/** Statuses that carry no content, so no content type either (RFC 9110 §15.3.5, §15.4.5). */
const WITHOUT_CONTENT = new Set([204, 304]);

/**
 * @hono/node-server gives every response a content type, text/plain when the app set none; a 204 or
 * 304 has no content for it to describe, so the header is dropped there.
 */
class ApiResponse extends ServerResponse<IncomingMessage> {
  override writeHead(
    statusCode: number,
    reasonOrHeaders?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
    headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
  ): this {
    if (WITHOUT_CONTENT.has(statusCode)) {
      this.removeHeader("content-type");
      if (isHeaderRecord(reasonOrHeaders)) reasonOrHeaders = withoutContentType(reasonOrHeaders);
      if (isHeaderRecord(headers)) headers = withoutContentType(headers);
    }
    return typeof reasonOrHeaders === "string"
      ? super.writeHead(statusCode, reasonOrHeaders, headers)
      : super.writeHead(statusCode, reasonOrHeaders);
  }
}

function isHeaderRecord(value: unknown): value is OutgoingHttpHeaders {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withoutContentType(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type"),
  );
}

/** The `createServer` the API gives @hono/node-server's `serve`. */
export function createApiServer(options: ServerOptions, listener: RequestListener): Server {
  return createServer({ ...options, ServerResponse: ApiResponse }, listener);
}
