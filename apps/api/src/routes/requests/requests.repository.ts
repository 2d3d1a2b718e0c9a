import type {
  HistoryEntry,
  Priority,
  Request,
  RequestSource,
  RequestStatus,
  RequestType,
  ThemeCode,
  ValidNewRequest,
} from "@bsi/domain";
import { formatReference } from "@bsi/domain";
import { type Kysely, sql } from "kysely";
import type { Database, RequestHistoryRow, RequestRow } from "../../db/database.js";

export function rowToRequest(row: RequestRow): Request {
  return {
    reference: row.reference,
    type: row.type as RequestType,
    status: row.status as RequestStatus,
    memberState: row.member_state,
    agency: row.agency,
    themes: JSON.parse(row.themes) as ThemeCode[],
    relatedEventId: row.related_event_id,
    summary: row.summary,
    details: row.details,
    priority: row.priority as Priority,
    requester: {
      name: row.requester_name,
      email: row.requester_email,
      organization: row.requester_organization,
      slackUserId: row.requester_slack_user_id,
      slackTeamId: row.requester_slack_team_id,
    },
    source: row.source as RequestSource,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function rowToHistoryEntry(row: RequestHistoryRow): HistoryEntry {
  return {
    at: row.at,
    actor: row.actor,
    from: row.from_status as RequestStatus | null,
    to: row.to_status as RequestStatus,
    note: row.note,
  };
}

/** Emails are compared without regard to case, so they are stored in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findRequest(db: Kysely<Database>, reference: string): Promise<Request | undefined> {
  const row = await db
    .selectFrom("requests")
    .selectAll()
    .where("reference", "=", reference)
    .executeTakeFirst();
  return row ? rowToRequest(row) : undefined;
}

export async function findHistory(db: Kysely<Database>, reference: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom("request_history")
    .selectAll()
    .where("reference", "=", reference)
    .orderBy("id")
    .execute();
  return rows.map(rowToHistoryEntry);
}

export async function findRequestWithHistory(
  db: Kysely<Database>,
  reference: string,
): Promise<Request | undefined> {
  const request = await findRequest(db, reference);
  if (!request) return undefined;
  return { ...request, history: await findHistory(db, reference) };
}

/** What a request needs to know of the event it names: when it ends and whether it was cancelled. */
export async function findEventDates(
  db: Kysely<Database>,
  id: string,
): Promise<{ endsOn: string; status: string } | undefined> {
  const row = await db
    .selectFrom("events")
    .select(["ends_on", "status"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { endsOn: row.ends_on, status: row.status };
}

/**
 * Takes the next number of the year's sequence. Call it inside the transaction that inserts the
 * request: if that transaction rolls back, so does the increment, so references have no gaps.
 */
export async function takeNextSequence(trx: Kysely<Database>, year: number): Promise<number> {
  const row = await trx
    .insertInto("request_sequences")
    .values({ year, last_sequence: 1 })
    .onConflict((oc) =>
      oc.column("year").doUpdateSet({ last_sequence: sql<number>`request_sequences.last_sequence + 1` }),
    )
    .returning("last_sequence")
    .executeTakeFirstOrThrow();
  return Number(row.last_sequence);
}

/**
 * Inserts a new request with its first history entry; the caller records the activity. The time
 * is read from `clock` once the sequence is taken: on PostgreSQL the sequence row stays locked until
 * the transaction ends, so filings get their times in the order of their references.
 */
export async function insertRequest(
  trx: Kysely<Database>,
  input: ValidNewRequest,
  options: { year: number; clock: () => string; actor: string },
): Promise<Request & { history: HistoryEntry[] }> {
  const sequence = await takeNextSequence(trx, options.year);
  const reference = formatReference(options.year, sequence);
  const at = options.clock();
  const row: RequestRow = {
    reference,
    year: options.year,
    sequence,
    type: input.type,
    status: "submitted",
    member_state: input.memberState,
    agency: input.agency || null,
    themes: JSON.stringify([...new Set(input.themes)]),
    related_event_id: input.relatedEventId,
    summary: input.summary,
    details: input.details,
    priority: input.priority,
    requester_name: input.requester.name,
    requester_email: input.requester.email === null ? null : normalizeEmail(input.requester.email),
    requester_organization: input.requester.organization || null,
    requester_slack_user_id: input.requester.slackUserId,
    requester_slack_team_id: input.requester.slackTeamId,
    source: input.source,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto("requests").values(row).execute();
  const entry: HistoryEntry = {
    at: at,
    actor: options.actor,
    from: null,
    to: "submitted",
    note: null,
  };
  await insertHistory(trx, reference, entry);
  return { ...rowToRequest(row), history: [entry] };
}

export async function insertHistory(
  trx: Kysely<Database>,
  reference: string,
  entry: HistoryEntry,
): Promise<void> {
  await trx
    .insertInto("request_history")
    .values({
      reference,
      at: entry.at,
      actor: entry.actor,
      from_status: entry.from,
      to_status: entry.to,
      note: entry.note,
    })
    .execute();
}

/** Moves a request from `from` to `to`; false when its status is no longer `from`. */
export async function updateStatus(
  trx: Kysely<Database>,
  reference: string,
  move: { from: RequestStatus; to: RequestStatus; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable("requests")
    .set({ status: move.to, updated_at: move.at })
    .where("reference", "=", reference)
    .where("status", "=", move.from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface RequestChanges {
  priority?: Priority | undefined;
  themes?: ThemeCode[] | undefined;
  agency?: string | null | undefined;
  relatedEventId?: string | null | undefined;
}

export async function updateRequestFields(
  trx: Kysely<Database>,
  reference: string,
  changes: RequestChanges,
  at: string,
): Promise<void> {
  await trx
    .updateTable("requests")
    .set({
      ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
      ...(changes.themes !== undefined ? { themes: JSON.stringify([...new Set(changes.themes)]) } : {}),
      ...(changes.agency !== undefined ? { agency: changes.agency || null } : {}),
      ...(changes.relatedEventId !== undefined ? { related_event_id: changes.relatedEventId } : {}),
      updated_at: at,
    })
    .where("reference", "=", reference)
    .execute();
}

export interface RequestFilters {
  statuses?: readonly RequestStatus[] | undefined;
  memberStates?: readonly string[] | undefined;
  types?: readonly RequestType[] | undefined;
  requester?: { slackUserId: string } | { email: string } | undefined;
}

export interface RequestPage {
  limit: number;
  /**
   * Keyset position: requests after this one in the order newest first. Ties on the timestamp are
   * broken by year and sequence as numbers (a string comparison would put 10000 before 9999).
   */
  before?: { createdAt: string; year: number; sequence: number } | undefined;
}

/** Requests matching every filter, newest first, and the position of the last one when more follow. */
export async function listRequests(
  db: Kysely<Database>,
  filters: RequestFilters,
  page: RequestPage,
): Promise<{ requests: Request[]; last: RequestPage["before"] }> {
  let query = db.selectFrom("requests").selectAll();
  if (filters.statuses?.length) query = query.where("status", "in", filters.statuses);
  if (filters.memberStates?.length) query = query.where("member_state", "in", filters.memberStates);
  if (filters.types?.length) query = query.where("type", "in", filters.types);
  const requester = filters.requester;
  if (requester && "slackUserId" in requester) {
    query = query.where("requester_slack_user_id", "=", requester.slackUserId);
  } else if (requester) {
    query = query.where("requester_email", "=", normalizeEmail(requester.email));
  }
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb("created_at", "<", before.createdAt),
        eb.and([
          eb("created_at", "=", before.createdAt),
          eb.or([
            eb("year", "<", before.year),
            eb.and([eb("year", "=", before.year), eb("sequence", "<", before.sequence)]),
          ]),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy("created_at", "desc")
    .orderBy("year", "desc")
    .orderBy("sequence", "desc")
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    requests: pageRows.map(rowToRequest),
    last:
      rows.length > page.limit && last
        ? { createdAt: last.created_at, year: last.year, sequence: last.sequence }
        : undefined,
  };
}
