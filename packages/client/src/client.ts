import type { HistoryEntry, NewRequest, Problem, Request, TransitionRequest } from "@bsi/domain";
import { ApiError, ApiUnavailableError } from "./errors.js";
import { type Answer, sendWithFetch, sendWithUndici } from "./transport.js";
import type {
  Activity,
  AskAnswer,
  Event,
  EventListFilters,
  Page,
  Practice,
  PracticeListFilters,
  RequestListFilters,
  Theme,
  Webhook,
} from "./types.js";

export interface ClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  /** An API key (`bsi_…`); catalogue reads work without one. */
  token?: string | undefined;
  /** Give up after this long (default 10 s); a Slack bot uses less to answer within 3 s. */
  timeoutMs?: number;
  /** Send through this `fetch` instead of undici's pooled `request` (a test double, say). */
  fetch?: typeof fetch;
  /** Sees every answer's status and headers, e.g. to read `Idempotent-Replayed` after a filing. */
  onAnswer?: (answer: Pick<Answer, "status" | "header">) => void;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

function toSearchParams(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * A typed client for the BSI Desk API. Every failure is typed: `ApiError` carries the problem
 * details the API sent; `ApiUnavailableError` means it could not be reached or timed out.
 */
export function createClient(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = options.fetch ? sendWithFetch(options.fetch) : sendWithUndici;

  async function call<T>(
    method: string,
    path: string,
    init: { query?: Query; body?: unknown; headers?: Record<string, string>; accept?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: init.accept ?? "application/json", ...init.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const answer = await send({
      method,
      url: `${baseUrl}${path}${toSearchParams(init.query)}`,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      timeoutMs,
    });
    options.onAnswer?.(answer);
    const { status, text } = answer;
    if (status === 204) return undefined as T;
    if (status < 200 || status > 299) {
      let problem: Problem;
      try {
        problem = JSON.parse(text) as Problem;
        if (typeof problem.status !== "number") throw new Error("not a problem document");
      } catch {
        problem = {
          type: "about:blank",
          title: answer.statusText || "Error",
          status,
          detail: text.slice(0, 500) || `HTTP ${status}`,
        };
      }
      if (status >= 502 && status <= 504 && !text.startsWith("{")) {
        throw new ApiUnavailableError("network", `The API answered ${status}`);
      }
      throw new ApiError(problem);
    }
    if (init.accept && !init.accept.includes("json")) return text as T;
    return JSON.parse(text) as T;
  }

  return {
    baseUrl,
    health: () => call<{ status: string }>("GET", "/health"),
    ready: () => call<{ status: string; database: string }>("GET", "/ready"),

    listEvents: (filters: EventListFilters = {}) =>
      call<Page<Event>>("GET", "/v1/events", { query: filters as Query }),
    getEvent: (id: string) => call<Event>("GET", `/v1/events/${encodeURIComponent(id)}`),
    createEvent: (event: Record<string, unknown>) => call<Event>("POST", "/v1/events", { body: event }),
    updateEvent: (id: string, patch: Record<string, unknown>) =>
      call<Event>("PATCH", `/v1/events/${encodeURIComponent(id)}`, { body: patch }),
    deleteEvent: (id: string) => call<void>("DELETE", `/v1/events/${encodeURIComponent(id)}`),
    eventCalendarUrl: (id: string) => `${baseUrl}/v1/events/${encodeURIComponent(id)}.ics`,
    getEventCalendar: (id: string) =>
      call<string>("GET", `/v1/events/${encodeURIComponent(id)}.ics`, { accept: "text/calendar" }),

    listPractices: (filters: PracticeListFilters = {}) =>
      call<Page<Practice>>("GET", "/v1/practices", { query: filters as Query }),
    getPractice: (id: string) => call<Practice>("GET", `/v1/practices/${encodeURIComponent(id)}`),
    createPractice: (practice: Record<string, unknown>) =>
      call<Practice>("POST", "/v1/practices", { body: practice }),

    listThemes: () => call<{ items: Theme[] }>("GET", "/v1/themes"),

    ask: (input: { question: string; now?: string }) => call<AskAnswer>("POST", "/v1/ask", { body: input }),

    createRequest: (request: NewRequest, opts: { idempotencyKey?: string } = {}) =>
      call<Request>("POST", "/v1/requests", {
        body: request,
        ...(opts.idempotencyKey ? { headers: { "idempotency-key": opts.idempotencyKey } } : {}),
      }),
    listRequests: (filters: RequestListFilters = {}) =>
      call<Page<Request>>("GET", "/v1/requests", { query: filters as Query }),
    getRequest: (reference: string) =>
      call<Request & { history: HistoryEntry[] }>("GET", `/v1/requests/${encodeURIComponent(reference)}`),
    transitionRequest: (reference: string, move: TransitionRequest) =>
      call<Request & { history: HistoryEntry[] }>(
        "POST",
        `/v1/requests/${encodeURIComponent(reference)}/transitions`,
        {
          body: move,
        },
      ),

    listActivity: (options: { after?: string; limit?: number } = {}) =>
      call<Page<Activity>>("GET", "/v1/activity", { query: options }),

    createWebhook: (input: { url: string; events: string[] }) =>
      call<Webhook>("POST", "/v1/webhooks", { body: input }),
    listWebhooks: () => call<{ items: Webhook[] }>("GET", "/v1/webhooks"),
    deleteWebhook: (id: string) => call<void>("DELETE", `/v1/webhooks/${encodeURIComponent(id)}`),
    /** Turns a disabled webhook back on; with `redeliverSince`, its failed deliveries from then go out again. */
    enableWebhook: (id: string, options: { redeliverSince?: string } = {}) =>
      call<Webhook & { redelivered: number }>("POST", `/v1/webhooks/${encodeURIComponent(id)}/enable`, {
        body: options,
      }),
  };
}

export type BsiClient = ReturnType<typeof createClient>;
