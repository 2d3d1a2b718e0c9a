import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openSqlite } from "./connect.js";
import { writeTransaction } from "./write-transaction.js";

let directory: string;
let handle: DatabaseHandle;
let path: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "bsi-write-"));
  path = join(directory, "write.sqlite");
  handle = openSqlite(`file:${path}`);
  handle.sqlite?.exec("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
  handle.sqlite?.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
  handle.sqlite?.exec("INSERT INTO counters VALUES ('next', 0)");
});
afterEach(async () => {
  await handle.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Takes the next number and writes a note with it, as a filing takes the next reference. */
const takeNumber = (text: string) =>
  writeTransaction(handle, async (trx) => {
    await sql`UPDATE counters SET value = value + 1 WHERE name = 'next'`.execute(trx);
    const { rows } = await sql<{ value: number }>`SELECT value FROM counters WHERE name = 'next'`.execute(
      trx,
    );
    const number = rows[0]?.value as number;
    await sql`INSERT INTO notes (id, text) VALUES (${number}, ${text})`.execute(trx);
    return number;
  });

const notes = () =>
  handle.sqlite?.prepare("SELECT id, text FROM notes ORDER BY id").all() as Array<{ id: number }>;

describe("writeTransaction on SQLite (group commit)", () => {
  it("commits concurrent calls together and gives each its own result, in order", async () => {
    const numbers = await Promise.all(Array.from({ length: 300 }, (_, index) => takeNumber(`note ${index}`)));
    expect(numbers).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(notes()).toHaveLength(300);
  });

  it("rolls back only the call that failed: its writes are gone, the others are kept, numbers stay gap-free", async () => {
    const outcomes = await Promise.allSettled([
      takeNumber("first"),
      takeNumber("first"), // breaks the unique constraint after taking a number
      writeTransaction(handle, async (trx) => {
        await sql`UPDATE counters SET value = value + 1 WHERE name = 'next'`.execute(trx);
        throw new Error("refused by a rule");
      }),
      takeNumber("second"),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe("refused by a rule");
    expect(notes()).toEqual([
      { id: 1, text: "first" },
      { id: 2, text: "second" },
    ]);
  });

  it("resolves only once the data is committed: another connection sees it", async () => {
    const number = await takeNumber("seen");
    const other = new SQLite(path, { readonly: true });
    try {
      expect(other.prepare("SELECT text FROM notes WHERE id = ?").get(number)).toEqual({ text: "seen" });
    } finally {
      other.close();
    }
  });

  it("fails every call of a group when the transaction as a whole cannot commit, and keeps nothing", async () => {
    const writer = new SQLite(path);
    writer.pragma("busy_timeout = 0");
    // Another process holds the write lock for longer than the busy timeout allows.
    handle.sqlite?.pragma("busy_timeout = 50");
    writer.exec("BEGIN IMMEDIATE");
    const outcomes = await Promise.allSettled([takeNumber("a"), takeNumber("b")]);
    writer.exec("ROLLBACK");
    writer.close();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect((outcomes[0] as PromiseRejectedResult).reason.code).toBe("SQLITE_BUSY");
    expect(notes()).toEqual([]);
    // The queue goes on working afterwards.
    expect(await takeNumber("after")).toBe(1);
  });
});
