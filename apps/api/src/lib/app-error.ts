import type { Problem } from "@bsi/domain";

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
