import { ApiError, ApiUnavailableError } from "@bsi/client";
import type { Logger } from "pino";
import { renderNotice } from "../blocks/answer.js";
import type { SlackMessage } from "../blocks/types.js";

/** The words a user sees when the API cannot be reached or is too slow (the client gives up at 2.5 s). */
export const UNREACHABLE_TEXT = "BSI Desk can't reach its catalogue right now — try again in a minute.";

export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiUnavailableError;
}

/** The HTTP status of an API error, or undefined for anything else. */
export function apiStatus(error: unknown): number | undefined {
  return error instanceof ApiError ? error.status : undefined;
}

/**
 * What a user is told when the API refuses the bot's key itself (401: missing, not valid or
 * revoked), as opposed to a key without the scope an action needs (403). Either way only an
 * operator can fix it, but a 401 means the bot is misconfigured as a whole.
 */
export const MISCONFIGURED_TEXT = "BSI Desk is misconfigured (its API key is missing, not valid or revoked)";

/** Logs, for an operator, a refusal of the bot's key (401) or of the scope it lacks (403). */
export function logRefusedKey(logger: Logger, error: unknown, scope?: string): void {
  const status = apiStatus(error);
  if (status === 401) {
    logger.error(
      { err: error, status },
      "the API refuses BSI_API_TOKEN (missing, not valid or revoked): set a valid key and restart the bot",
    );
  } else if (status === 403) {
    logger.error({ err: error, status }, `BSI_API_TOKEN lacks the ${scope ?? "needed"} scope`);
  }
}

/** Failures worth an operator's attention: not the API being down or refusing bad input. */
export function isUnexpected(error: unknown): boolean {
  if (isUnavailable(error)) return false;
  const status = apiStatus(error);
  return status === undefined || status >= 500 || status === 401 || status === 403 || status === 404;
}

/**
 * What the user sees when a reply could not be made: what failed and what to do, with what they
 * typed shown back. Never a stack trace.
 */
export function describeFailure(error: unknown, echo?: string): SlackMessage {
  const options = echo ? { echo } : {};
  if (isUnavailable(error)) return renderNotice(UNREACHABLE_TEXT, options);
  const status = apiStatus(error);
  const detailText = error instanceof ApiError && error.problem.detail ? error.problem.detail : undefined;
  if (status === 429) return renderNotice("BSI Desk is busy right now — try again in a minute.", options);
  if (status === 400 || status === 422) {
    return renderNotice("BSI Desk couldn't use that.", {
      ...options,
      ...(detailText ? { detail: detailText } : {}),
    });
  }
  if (status === 401)
    return renderNotice(`${MISCONFIGURED_TEXT} — please tell a BSI Desk operator.`, options);
  if (status === 403) {
    return renderNotice(
      "BSI Desk isn't allowed to read that from its catalogue (its API key lacks a scope) — please tell the BSI Desk administrators.",
      options,
    );
  }
  if (status !== undefined && status >= 500) {
    return renderNotice("BSI Desk's catalogue had a problem answering — try again in a minute.", options);
  }
  if (status === 404) {
    return renderNotice(
      "BSI Desk's catalogue couldn't find what that needs — try again, or rephrase.",
      options,
    );
  }
  return renderNotice(
    "BSI Desk hit an unexpected problem answering that — try again, or rephrase; if it keeps happening, please tell the BSI Desk administrators.",
    options,
  );
}
