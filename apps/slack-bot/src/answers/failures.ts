import { ApiError, ApiUnavailableError } from "@bsi/client";
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
  if (status === 401 || status === 403) {
    return renderNotice(
      "BSI Desk isn't allowed to read that from its catalogue (its API key is missing or lacks a scope) — please tell the BSI Desk administrators.",
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
