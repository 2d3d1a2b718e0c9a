import type { AppOptions } from "@slack/bolt";
import { LogLevel } from "@slack/bolt";
import { type Logger, pino } from "pino";

export type { Logger };

/** JSON logs on stderr, so stdout stays for what a person reads (the chat, the one-line notices). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "bsi-slack-bot" } }, pino.destination(2));
}

const BOLT_TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

function write(logger: Logger, level: "debug" | "info" | "warn" | "error", parts: unknown[]): void {
  const errors = parts.filter((part): part is Error => part instanceof Error);
  const text = parts
    .filter((part) => !(part instanceof Error))
    .map((part) => (typeof part === "string" ? part : JSON.stringify(part)))
    .join(" ");
  if (errors[0]) logger[level]({ err: errors[0], source: "bolt" }, text);
  else logger[level]({ source: "bolt" }, text);
}

/** Bolt's logger interface over pino, so Bolt's own messages land in the same JSON log. */
export function toBoltLogger(logger: Logger): NonNullable<AppOptions["logger"]> {
  const child = logger.child({});
  return {
    debug: (...parts: unknown[]) => write(child, "debug", parts),
    info: (...parts: unknown[]) => write(child, "info", parts),
    warn: (...parts: unknown[]) => write(child, "warn", parts),
    error: (...parts: unknown[]) => write(child, "error", parts),
    setLevel: (level: LogLevel) => {
      child.level = BOLT_TO_PINO[level] ?? "info";
    },
    getLevel: () => {
      const entry = Object.entries(BOLT_TO_PINO).find(([, pinoLevel]) => pinoLevel === child.level);
      return (entry?.[0] as LogLevel | undefined) ?? LogLevel.INFO;
    },
    setName: () => undefined,
  };
}
