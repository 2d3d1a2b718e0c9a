import { type Logger, pino } from "pino";

/** One JSON log line, as pino writes it. */
export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLogs {
  /** A logger at debug level that keeps every line instead of writing it. */
  logger: Logger;
  entries: LogEntry[];
  /** The messages logged at `level` or above ("warn": warnings and errors). */
  messages(level: "info" | "warn" | "error"): string[];
}

const LEVELS = { info: 30, warn: 40, error: 50 } as const;

/** The bot's logs kept in memory, for tests that assert what an operator would read. */
export function captureLogs(): CapturedLogs {
  const entries: LogEntry[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => entries.push(JSON.parse(line)) });
  return {
    logger,
    entries,
    messages: (level) => entries.filter((entry) => entry.level >= LEVELS[level]).map((entry) => entry.msg),
  };
}
