import { ApiError } from "@bsi/client";
import { apiStatus, isUnavailable } from "../answers/failures.js";
import { REQUEST_WORDS, statusLabel } from "../blocks/request-words.js";
import type { Language } from "../blocks/words.js";

/**
 * What a triager or requester is told when a move could not be made, in their language (triagers
 * clicking on the triage card get English, as the card is). Each says that nothing was changed and
 * what to do; a move someone else made first names the status the request is in.
 */
export function describeMoveFailure(
  error: unknown,
  reference: string,
  current?: { status: string },
  language: Language = "en",
): string {
  const words = REQUEST_WORDS[language].moveFailures;
  if (isUnavailable(error)) return words.unreachable(reference);
  const status = apiStatus(error);
  if (status === 409) {
    return current
      ? words.alreadyMoved(reference, statusLabel(current.status, language))
      : words.changedMeanwhile(reference);
  }
  if (status === 404) return words.notFound(reference);
  if (status === 401) return words.misconfigured(reference);
  if (status === 403) return words.notAllowed(reference);
  if (status === 422 || status === 400) {
    return words.refused(error instanceof ApiError ? error.problem.detail : undefined);
  }
  if (status === 429) return words.busy(reference);
  return words.problem(reference);
}
