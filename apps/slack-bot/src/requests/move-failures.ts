import { ApiError } from "@bsi/client";
import { apiStatus, isUnavailable, MISCONFIGURED_TEXT } from "../answers/failures.js";
import { formatRequestStatus } from "../blocks/format.js";

/**
 * What a triager or requester is told when a move could not be made. Each says that nothing was
 * changed and what to do; a move someone else made first names the status the request is in.
 */
export function describeMoveFailure(error: unknown, reference: string, current?: { status: string }): string {
  if (isUnavailable(error)) {
    return `BSI Desk couldn't reach its request desk, so ${reference} was not changed — try again in a minute.`;
  }
  const status = apiStatus(error);
  if (status === 409) {
    return current
      ? `${reference} is already ${formatRequestStatus(current.status)}, so that move no longer applies; nothing was changed. The card shows where it stands.`
      : `${reference} changed meanwhile, so that move no longer applies; nothing was changed.`;
  }
  if (status === 404) return `No request ${reference} was found.`;
  if (status === 401) {
    return `${MISCONFIGURED_TEXT}, so ${reference} was not changed — please tell a BSI Desk operator.`;
  }
  if (status === 403) {
    return `BSI Desk isn't allowed to move requests (its API key lacks the requests:manage scope), so ${reference} was not changed — please tell the BSI Desk administrators.`;
  }
  if (status === 422 || status === 400) {
    const detail = error instanceof ApiError ? error.problem.detail : "";
    return `BSI Desk couldn't make that move: ${detail || "the request desk refused it"}. Nothing was changed.`;
  }
  if (status === 429)
    return `BSI Desk is busy right now, so ${reference} was not changed — try again in a minute.`;
  return `BSI Desk's request desk had a problem, so ${reference} was not changed — try again in a minute.`;
}
