/**
 * Database errors that mean a concurrent change won a race the handler's own check could not see
 * (READ COMMITTED on PostgreSQL). Handlers turn them into the answer their check would have given.
 * SQLite has one writer at a time, so there the check always sees the other change first; its
 * codes are listed for completeness.
 */
interface DatabaseError {
  code?: unknown;
  constraint?: unknown;
}

/**
 * A duplicate key on one constraint: PostgreSQL names it ("events_pkey"), SQLite names the column in
 * its message ("UNIQUE constraint failed: events.id"). Another table's duplicate is not this one.
 */
export function isUniqueViolation(error: unknown, constraint: { postgres: string; sqlite: string }): boolean {
  const { code, constraint: violated } = (error ?? {}) as DatabaseError;
  if (code === "23505") return violated === constraint.postgres;
  const isSqliteDuplicate = code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
  const message = error instanceof Error ? error.message : "";
  return isSqliteDuplicate && message.endsWith(`: ${constraint.sqlite}`);
}

/** A foreign key on `constraint` pointing at a row that is gone (e.g. "requests_related_event_id_fkey"). */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as DatabaseError;
  return (code === "23503" && violated === constraint) || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}
