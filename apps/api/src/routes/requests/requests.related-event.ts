import type { RequestType } from "@bsi/domain";
import type { Kysely } from "kysely";
import { isForeignKeyViolation } from "../../db/constraint-errors.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import * as repository from "./requests.repository.js";

// The rules for the event a request names (relatedEventId): it exists, and a seat is for an event
// still to come and not cancelled. Filing and triage edits both apply them.

function relatedEventError(message: string, detail: string): AppError {
  return new AppError("unprocessable", `relatedEventId ${detail}`, {
    errors: [{ field: "relatedEventId", message }],
  });
}

function unknownEventError(id: string): AppError {
  return relatedEventError(
    "names no event in the catalogue",
    `names no event in the catalogue: ${id}; use an id from GET /v1/events`,
  );
}

/**
 * On PostgreSQL an event deleted after the check but before the insert commits breaks the foreign
 * key (the delete holds the event's row until then): the caller gets the 422 of an unknown event.
 */
export function refuseVanishedEvent(id: string | null | undefined) {
  return (error: unknown): never => {
    if (id && isForeignKeyViolation(error, "requests_related_event_id_fkey")) throw unknownEventError(id);
    throw error;
  };
}

/**
 * Refuses a related event that does not exist, and, for a seat at a workshop, one that is over or
 * cancelled: nobody can take part in it any more.
 */
export async function checkRelatedEvent(
  db: Kysely<Database>,
  id: string,
  type: RequestType,
  today: string,
): Promise<void> {
  const event = await repository.findEventDates(db, id);
  if (!event) throw unknownEventError(id);
  if (type !== "workshop_participation") return;
  if (event.status === "cancelled") {
    throw relatedEventError(
      "names a cancelled event",
      `names ${id}, which was cancelled; there are no seats to request`,
    );
  }
  if (event.endsOn < today) {
    throw relatedEventError(
      "names an event that is over",
      `names ${id}, which ended on ${event.endsOn}; a seat can only be requested for an event still to come`,
    );
  }
}
