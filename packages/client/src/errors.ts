import type { Problem } from "@bsi/domain";

/** The API answered with an error: carries the RFC 9457 problem details it sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.title} (${problem.status}): ${problem.detail}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  /** The message for a field, when the API named one ("summary" → "must be at most 150 characters"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) out[error.field] ??= error.message;
    return out;
  }
}

/** The API could not be reached or did not answer in time; nothing is known about the outcome. */
export class ApiUnavailableError extends Error {
  readonly reason: "timeout" | "network";

  constructor(reason: "timeout" | "network", message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ApiUnavailableError";
    this.reason = reason;
  }
}
