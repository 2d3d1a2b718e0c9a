import type { DatabaseHandle } from "../db/connect.js";
import type { SearchIndex } from "./search-index.js";
import { createSqliteSearch } from "./sqlite-search.js";

export function createSearchIndex(handle: DatabaseHandle): SearchIndex {
  if (handle.dialect === "sqlite") return createSqliteSearch();
  throw new Error("PostgreSQL search is not available yet");
}
