import type { Logger } from "pino";
import type { QueryContext } from "./answers/run-query.js";
import type { Viewer } from "./answers/viewer.js";
import type { DeskApi } from "./api.js";
import type { EventDeduper } from "./middleware/dedupe-events.js";

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
