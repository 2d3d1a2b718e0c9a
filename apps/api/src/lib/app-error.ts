import { type IssueLike, isRuleIssue, issuesToFieldErrors, type Problem, valueAtPath } from "@bsi/domain";

export type FieldError = { field: string; message: string };

const STATUS_BY_CODE = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof STATUS_BY_CODE;

const TITLE_BY_CODE: Record<AppErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Invalid input",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  unprocessable: "Unprocessable content",
  rate_limited: "Too many requests",
  internal: "Internal error",
  unavailable: "Service unavailable",
};

/** The one error type handlers throw; `onError` turns it into application/problem+json. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: AppErrorCode,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers;
  }

  get status(): (typeof STATUS_BY_CODE)[AppErrorCode] {
    return STATUS_BY_CODE[this.code];
  }

  toProblem(requestId?: string): Problem {
    return {
      type: `https://bsi-desk.invalid/problems/${this.code.replaceAll("_", "-")}`,
      title: TITLE_BY_CODE[this.code],
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
}

/** A validation failure listing each field and its problem; the detail names them all. */
export function validationError(errors: FieldError[], where = "request"): AppError {
  const summary = errors
    .slice(0, 5)
    .map((error) => `${error.field} ${error.message}`)
    .join("; ");
  return new AppError("validation_failed", `Invalid ${where}: ${summary}`, { errors });
}

/** How the problem detail names each part of an HTTP request a route validates. */
const WHERE_BY_TARGET: Record<string, string> = {
  query: "query parameters",
  json: "body",
  param: "path",
  header: "headers",
};

/** Issues that say a value is of the wrong kind, as against too long or breaking a rule. */
function isWrongValueIssue(issue: IssueLike): boolean {
  return issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union";
}

/**
 * The answer to input a route's schema refused: 422 when every issue is a broken domain rule (the
 * same answer the handlers give when a change breaks it), else 400 naming each field. `input` is what
 * was parsed, so that a field left out reads "is required" and a query parameter given twice (an
 * array where one value is expected) "must be given once".
 */
export function invalidInputError(issues: readonly IssueLike[], target: string, input: unknown): AppError {
  const where = WHERE_BY_TARGET[target] ?? target;
  const plainIssues =
    target === "query"
      ? issues.map((issue) =>
          isWrongValueIssue(issue) && Array.isArray(valueAtPath(input, issue.path))
            ? { ...issue, code: "custom", message: "must be given once" }
            : issue,
        )
      : issues;
  const errors = issuesToFieldErrors(plainIssues, "", input);
  if (issues.length > 0 && issues.every(isRuleIssue)) {
    const summary = errors.map((error) => `${error.field} ${error.message}`).join("; ");
    return new AppError("unprocessable", `The ${where} breaks a rule: ${summary}`, { errors });
  }
  return validationError(errors, where);
}
