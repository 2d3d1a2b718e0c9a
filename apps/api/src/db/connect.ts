import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type SqliteDatabase, SqliteDialect } from "kysely";
import type { Database } from "./database.js";

export type DialectName = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without credentials (for logs and /ready). */
  location: string;
  /** The raw better-sqlite3 connection, for the SQLite search module and integrity checks. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

/** Parses `file:./data/bsi.sqlite`, a plain path, or `:memory:` into a filesystem path for SQLite. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (url.startsWith("file:")) return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  return url;
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query, so keep the
 * prepared statements by SQL text (the set is bounded by the queries the code can build).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      if (sqlText === "rollback") {
        // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR); a
        // second ROLLBACK would then fail and hide the real error behind "no transaction is active".
        return {
          reader: false,
          run: () =>
            sqlite.inTransaction ? sqlite.prepare("rollback").run() : { changes: 0, lastInsertRowid: 0 },
        } as unknown as ReturnType<SqliteDatabase["prepare"]>;
      }
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = sqlite.prepare(sqlText);
        if (statements.size >= 2000) statements.clear();
        statements.set(sqlText, statement);
      }
      return statement as unknown as ReturnType<SqliteDatabase["prepare"]>;
    },
  };
}

/**
 * Opens the SQLite database with the settings the API relies on: WAL (readers never wait for the
 * writer), a busy timeout (concurrent writers queue instead of failing), and foreign keys on.
 */
export function openSqlite(url: string): DatabaseHandle {
  const path = sqlitePathFromUrl(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  // 8 MB of page cache (the build's default is 16 MB): as fast on the bench's 10,000 events and
  // their questions, and the API's resident memory stays well under 150 MB.
  sqlite.pragma("cache_size = -8000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: "sqlite",
    location: path,
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(
  url: string,
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { openPostgres } = await import("./connect-postgres.js");
    return openPostgres(url, options.poolSize);
  }
  return openSqlite(url);
}
