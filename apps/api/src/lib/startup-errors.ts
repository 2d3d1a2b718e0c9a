import { redactUrl } from "../db/redact-url.js";

/** The first error code along the chain of causes (a failed migration keeps the driver's error). */
function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = cause;
  }
  return undefined;
}

function passwordOf(databaseUrl: string): string | undefined {
  try {
    const { password } = new URL(databaseUrl);
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A one-line reason the API or the CLI could not start, without stack traces or passwords: the
 * database being unreachable, refusing the credentials or missing is named as such (even when it
 * surfaced while migrating).
 */
export function describeStartupError(error: unknown, databaseUrl: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  const where = /^postgres/.test(databaseUrl) ? redactUrl(databaseUrl) : databaseUrl;
  const password = passwordOf(databaseUrl);
  let safe = message.replaceAll(databaseUrl, where);
  if (password) safe = safe.replaceAll(password, "***");
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EAI_AGAIN") {
    return `cannot reach the database at ${where} (${code}); check DATABASE_URL and that the server is running`;
  }
  if (code === "28P01" || code === "28000")
    return `the database at ${where} refused the credentials; check DATABASE_URL`;
  if (code === "3D000") return `the database named in ${where} does not exist; create it or fix DATABASE_URL`;
  if (code === "SQLITE_CANTOPEN")
    return `cannot open the SQLite file ${where}; check the path and its permissions`;
  if (code === "EADDRINUSE") return `the port is already in use (${safe}); set PORT to a free port`;
  return `could not start: ${safe}`;
}
