import { redactUrl } from "../db/redact-url.js";

/** A one-line reason the API could not start, without stack traces or passwords. */
export function describeStartupError(error: unknown, databaseUrl: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const where = /^postgres/.test(databaseUrl) ? redactUrl(databaseUrl) : databaseUrl;
  const safe = message.replaceAll(databaseUrl, where);
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
