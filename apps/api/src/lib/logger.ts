import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Anything that may carry a secret is redacted at the source: authorization
 * headers, API keys, signing secrets and requesters' email addresses.
 */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? "info",
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { service: "bsi-api" },
      redact: {
        paths: [
          "req.headers.authorization",
          "headers.authorization",
          "authorization",
          "secret",
          "*.secret",
          "apiKey",
          "*.apiKey",
          "email",
          "*.email",
          "requester.email",
          "*.requester.email",
        ],
        censor: "[redacted]",
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
