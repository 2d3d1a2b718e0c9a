import type { Scope } from "@bsi/domain";
import type { ApiConfig } from "../config.js";
import type { DatabaseHandle } from "../db/connect.js";
import type { SearchIndex } from "../search/search-index.js";
import type { Logger } from "./logger.js";
import type { RateCounter } from "./rate-limit.js";

export interface AuthenticatedKey {
  id: string;
  name: string;
  scopes: Scope[];
}

/** What every handler can reach through `c.get("deps")`. One set per process. */
export interface AppDeps {
  handle: DatabaseHandle;
  search: SearchIndex;
  logger: Logger;
  config: ApiConfig;
  /** The clock, replaceable in tests. */
  now: () => Date;
  /** Wakes the webhook dispatcher after a commit that wrote deliveries. */
  notifyOutbox: () => void;
  /** Rate-limit counters: in memory on SQLite (one process), in the database on PostgreSQL. */
  rateCounter: RateCounter;
  /** Signs pagination cursors; kept in the database so every instance shares it. */
  cursorKey: Buffer;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    apiKey: AuthenticatedKey | null;
    log: Logger;
  };
}
