import type { Logger } from "pino";
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
