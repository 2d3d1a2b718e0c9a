import type { DatabaseHandle } from "../db/connect.js";
import { createPostgresSearch } from "./postgres-search.js";
import type { SearchIndex } from "./search-index.js";
import { createSqliteSearch } from "./sqlite-search.js";

export function createSearchIndex(handle: DatabaseHandle): SearchIndex {
  return handle.dialect === "sqlite" ? createSqliteSearch() : createPostgresSearch();
}
