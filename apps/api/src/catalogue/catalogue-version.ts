import { randomUUID } from "node:crypto";
import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../db/database.js";

const KEY = "catalogue_version";

/**
 * A token that changes with every catalogue write, stored in the database so that every API
 * instance sees the same one. Cached listings are keyed by it.
 *
 * Requests that arrive in the same turn of the event loop share one read: they reached the server
 * together, so none of them can have been sent after a write they should see. The shared value is
 * forgotten when the turn ends (and at once when this process changes the catalogue), so a request
 * sent after a write's response always reads the new token.
 */
export function readCatalogueVersion(db: Kysely<Database>, sqlite?: SqliteConnection): Promise<string> {
  let read = versionsThisTurn.get(db);
  if (!read) {
    read = readFromDatabase(db, sqlite);
    if (versionsThisTurn.size === 0) setImmediate(forgetVersions);
    versionsThisTurn.set(db, read);
    // A failed read is not shared: the next request tries again.
    read.catch(() => versionsThisTurn.delete(db));
  }
  return read;
}

const versionsThisTurn = new Map<Kysely<Database>, Promise<string>>();
function forgetVersions(): void {
  versionsThisTurn.clear();
}

async function readFromDatabase(db: Kysely<Database>, sqlite?: SqliteConnection): Promise<string> {
  // Between the statements of a write on the same connection, a direct read would see what is not
  // yet committed: then the read waits its turn in Kysely's queue like any other.
  if (sqlite && !sqlite.inTransaction) {
    // The embedded database answers synchronously: skip the query builder and the connection queue
    // on the path every cached listing takes.
    let statement = versionStatements.get(sqlite);
    if (!statement) {
      statement = sqlite.prepare("SELECT value FROM settings WHERE key = ?");
      versionStatements.set(sqlite, statement);
    }
    const row = statement.get(KEY) as { value: string } | undefined;
    return row?.value ?? "0";
  }
  let compiled = compiledReads.get(db);
  if (!compiled) {
    // Compiled once per database: this read runs on every cached listing, so skip the builder.
    compiled = db.selectFrom("settings").select("value").where("key", "=", KEY).compile();
    compiledReads.set(db, compiled);
  }
  const result = await db.executeQuery(compiled);
  return result.rows[0]?.value ?? "0";
}

type SqliteConnection = {
  readonly inTransaction: boolean;
  prepare(sql: string): { get(...parameters: unknown[]): unknown };
};
const versionStatements = new WeakMap<SqliteConnection, ReturnType<SqliteConnection["prepare"]>>();

const compiledReads = new WeakMap<Kysely<Database>, CompiledQuery<{ value: string }>>();

/** Call after a transaction that changed the catalogue has committed: the next read goes to the database. */
export function catalogueChanged(): void {
  versionsThisTurn.clear();
}

/** Call inside the transaction that changes the catalogue (and `catalogueChanged` once it commits). */
export async function bumpCatalogueVersion(trx: Kysely<Database>): Promise<void> {
  versionsThisTurn.clear();
  await trx
    .insertInto("settings")
    .values({ key: KEY, value: randomUUID() })
    .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value") })))
    .execute();
}

/**
 * A small map of serialized responses that forgets its oldest entries, bounded both in entries and
 * in bytes so that memory stays flat however varied the queries are.
 */
export class ResponseCache {
  readonly #entries = new Map<string, string>();
  #bytes = 0;

  constructor(
    readonly capacity = 500,
    readonly maxBytes = 4 * 1024 * 1024,
  ) {}

  get(key: string): string | undefined {
    return this.#entries.get(key);
  }

  set(key: string, body: string): void {
    if (body.length > this.maxBytes / 8) return;
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= previous.length;
    }
    while (this.#entries.size >= this.capacity || this.#bytes + body.length > this.maxBytes) {
      const oldest = this.#entries.entries().next().value;
      if (!oldest) break;
      this.#entries.delete(oldest[0]);
      this.#bytes -= oldest[1].length;
    }
    this.#entries.set(key, body);
    this.#bytes += body.length;
  }
}
