import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { QueryContext } from "./answers/run-query.js";
import type { Viewer } from "./answers/viewer.js";
import type { DeskApi } from "./api.js";
import type { EventDeduper } from "./middleware/dedupe-events.js";
import type { AnnounceContext } from "./requests/announce.js";
import type { RequestFiler } from "./requests/file-request.js";
import type { ProfileCache } from "./requests/profiles.js";
import type { StatusUpdates } from "./requests/status-updates.js";

/** What the listeners need, built once in app.ts. */
export interface BotDeps {
  api: DeskApi;
  /** Base URL of the API, for "Add to calendar" links. */
  apiUrl: string;
  /** Slack user ids allowed to see and move every request. */
  triagers: ReadonlySet<string>;
  logger: Logger;
  deduper: EventDeduper;
  now: () => Date;
  /** Files a request with an Idempotency-Key, telling a replay from a new filing. */
  fileRequest: RequestFiler;
  /** SLACK_TRIAGE_CHANNEL: where each new request gets its card. */
  triageChannel: string | undefined;
  /** Whether the API's webhooks announce filings and moves (else the bot does, for its own). */
  statusUpdates: StatusUpdates;
  /** Slack profiles (form prefill, each user's language), kept a few minutes. */
  profiles: ProfileCache;
}

/** What announcing a filing or a move needs, with the Web API client at hand. */
export function announceContextFor(deps: BotDeps, client: webApi.WebClient): AnnounceContext {
  return {
    client,
    logger: deps.logger,
    triageChannel: deps.triageChannel,
    profiles: deps.profiles,
    now: deps.now,
  };
}

/** The context for running a query on behalf of a Slack user, with failures logged. */
export function queryContextFor(
  deps: BotDeps,
  options: { viewer: Viewer; shareable?: boolean; sharedBy?: string },
): QueryContext {
  return {
    api: deps.api,
    apiUrl: deps.apiUrl,
    now: deps.now,
    ...options,
    onUnexpectedError: (error, query) =>
      deps.logger.error({ err: error, query: query.kind }, "a query failed"),
  };
}

/** What a Slack user may see: their own requests, or every request for a triager. */
export function viewerFor(deps: BotDeps, userId: string): Viewer {
  return { slackUserId: userId, seesAllRequests: deps.triagers.has(userId) };
}

/** Someone reading a public channel: no requests at all. */
export const PUBLIC_VIEWER: Viewer = { slackUserId: undefined, seesAllRequests: false };
