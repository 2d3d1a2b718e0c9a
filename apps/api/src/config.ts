import { z } from "zod";

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
  BSI_SEED: z.enum(["catalogue", "none"], { error: () => "must be catalogue or none" }).default("catalogue"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  /** Comma-separated origins allowed by CORS; empty means CORS is closed. */
  CORS_ORIGINS: z.string().default(""),
  /** Requests per minute per API key and per client address; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Public base URL used in links (calendar links, docs). */
  PUBLIC_URL: z.string().url().optional(),
  WEBHOOKS_ENABLED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
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
