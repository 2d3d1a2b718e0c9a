import { z } from "zod";
import { parseTrustProxy } from "./lib/client-address.js";

const portSchema = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

/** The API's environment, validated once at start. */
export const ApiConfigSchema = z.object({
  PORT: portSchema.default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1, "must not be empty").default("file:./data/bsi.sqlite"),
  /** Connections each API process keeps to PostgreSQL (ignored on SQLite). */
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 100")
    .max(100, "must be between 1 and 100")
    .default(10),
  BSI_SEED: z.enum(["catalogue", "none"], { error: () => "must be catalogue or none" }).default("catalogue"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  /** Comma-separated origins allowed by CORS; empty means CORS is closed. */
  CORS_ORIGINS: z.string().default(""),
  /** Requests per minute per API key (or per client address without a key); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  /**
   * Which `X-Forwarded-For` hops name the caller (for per-address limits): none by default, since a
   * caller can send the header itself; set it only when every request comes through the proxies.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, context) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Public base URL used in links (calendar links, docs). */
  PUBLIC_URL: z.string().url().optional(),
  WEBHOOKS_ENABLED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** How often the webhook dispatcher looks for due deliveries when nothing wakes it. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(5).max(600_000).default(1000),
  /**
   * First retry delay of a failed webhook delivery. Later retries follow the schedule 1, 6, 24, 120,
   * 360, 720… times this (5 s, 30 s, 2 min, 10 min, 30 min, 1 h… by default), doubling after that.
   */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  /** Longest wait between two attempts (default 4 h). */
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(14_400_000),
  /** A delivery still failing this long after it was queued is given up (default 3 days; at least a day). */
  WEBHOOK_GIVE_UP_AFTER_MS: z.coerce.number().int().min(1).default(259_200_000),
  /** A webhook whose receiver has failed without a success for this long is disabled (default 24 h). */
  WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(1).default(86_400_000),
  /** How long one delivery POST may take before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(10_000),
  /** Deliveries sent at the same time by one API process. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const result = ApiConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")} ${issue.message}`)
      .join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
