import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { DatabaseHandle } from "./connect.js";
import type { Database } from "./database.js";

/** Errors after which the whole transaction can simply run again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "SQLITE_BUSY" ||
    code === "SQLITE_BUSY_SNAPSHOT" ||
    code === "40001" || // PostgreSQL serialization failure
    code === "40P01" // PostgreSQL deadlock
  );
}

type Work<T> = (trx: Kysely<Database>) => Promise<T>;

/**
 * Runs `work` in a transaction that writes, and resolves once that transaction has committed.
 * A transaction that meets a busy or serialization error is rolled back and run again, a few times,
 * so `work` must keep all its state in the database (and do nothing but database work).
 *
 * On PostgreSQL each call is its own transaction on a pooled connection.
 *
 * On SQLite, which has one writer, concurrent calls are committed together (group commit): the calls
 * made while a transaction is being written queue up and then run one after another inside a single
 * `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint. A call that throws is rolled back to its
 * savepoint and rejects alone; the others commit. A call resolves only after the commit, so nothing
 * is ever reported saved that is not. `BEGIN IMMEDIATE` takes the write lock up front (waiting up to
 * the busy timeout) instead of at the first write, where another process could have moved the
 * snapshot on and SQLite would fail at once with SQLITE_BUSY.
 */
export function writeTransaction<T>(handle: DatabaseHandle, work: Work<T>, attempts = 4): Promise<T> {
  if (handle.dialect !== "sqlite" || !handle.sqlite) return postgresTransaction(handle, work, attempts);
  let queue = queues.get(handle);
  if (!queue) {
    queue = new GroupCommitQueue(handle, attempts);
    queues.set(handle, queue);
  }
  return queue.add(work);
}

async function postgresTransaction<T>(handle: DatabaseHandle, work: Work<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await handle.db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(10 * 2 ** attempt + Math.random() * 20);
    }
  }
}

const queues = new WeakMap<DatabaseHandle, GroupCommitQueue>();

/** Most calls committed together: enough to absorb any realistic burst, few enough to keep each wait short. */
const MAX_GROUP = 128;

interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

class GroupCommitQueue {
  readonly #handle: DatabaseHandle;
  readonly #attempts: number;
  #waiting: Job[] = [];
  #isRunning = false;
  readonly #statements: Record<"begin" | "commit" | "rollback" | "savepoint" | "release" | "undo", SqliteRun>;

  constructor(handle: DatabaseHandle, attempts: number) {
    this.#handle = handle;
    this.#attempts = attempts;
    const sqlite = handle.sqlite as NonNullable<DatabaseHandle["sqlite"]>;
    const statement = (text: string): SqliteRun => {
      let prepared: { run(): unknown } | undefined;
      return () => {
        prepared ??= sqlite.prepare(text);
        prepared.run();
      };
    };
    const rollback = statement("ROLLBACK");
    this.#statements = {
      begin: statement("BEGIN IMMEDIATE"),
      commit: statement("COMMIT"),
      // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR).
      rollback: () => {
        if (sqlite.inTransaction) rollback();
      },
      savepoint: statement("SAVEPOINT write_call"),
      release: statement("RELEASE write_call"),
      undo: statement("ROLLBACK TO write_call"),
    };
  }

  add<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as Job["resolve"], reject });
      if (!this.#isRunning) {
        this.#isRunning = true;
        // Let the calls made in this turn of the event loop join the first group.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, MAX_GROUP);
        await this.#commitGroup(group);
      }
    } finally {
      this.#isRunning = false;
    }
  }

  async #commitGroup(group: Job[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      let outcomes: Outcome[];
      try {
        outcomes = await this.#runGroup(group);
      } catch (error) {
        if (attempt < this.#attempts && isRetryable(error)) {
          await sleep(10 * 2 ** attempt + Math.random() * 20);
          continue;
        }
        // The transaction as a whole failed (the disk is full, the file is read-only…): none of the
        // group's changes were kept, so every call in it fails with that error.
        for (const job of group) job.reject(error);
        return;
      }
      group.forEach((job, index) => {
        const outcome = outcomes[index] as Outcome;
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
      return;
    }
  }

  /** One transaction for the whole group; Kysely's single SQLite connection is held throughout. */
  #runGroup(group: Job[]): Promise<Outcome[]> {
    const s = this.#statements;
    return this.#handle.db.connection().execute(async (connection) => {
      s.begin();
      try {
        const outcomes: Outcome[] = [];
        for (const job of group) {
          s.savepoint();
          try {
            const value = await job.work(connection);
            s.release();
            outcomes.push({ ok: true, value });
          } catch (error) {
            // Lost with the whole transaction: fail the group (and retry it when that helps).
            if (!this.#handle.sqlite?.inTransaction || isRetryable(error)) throw error;
            s.undo();
            s.release();
            outcomes.push({ ok: false, error });
          }
        }
        s.commit();
        return outcomes;
      } catch (error) {
        s.rollback();
        throw error;
      }
    });
  }
}

type SqliteRun = () => void;
