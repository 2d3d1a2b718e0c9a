import { z } from "zod";

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const httpUrl = (name: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` })
    .transform((url) => url.replace(/\/+$/, ""));

/** Where the API is: all the terminal chat needs. */
export const ApiConnectionSchema = z.object({
  BSI_API_URL: httpUrl("BSI_API_URL").default("http://127.0.0.1:8787"),
  BSI_API_TOKEN: optionalText,
});

/** The bot's environment, as DESIGN.md lists it. Empty strings count as unset. */
export const BotConfigSchema = ApiConnectionSchema.extend({
  SLACK_BOT_TOKEN: optionalText.refine((token) => token === undefined || token.startsWith("xoxb-"), {
    error: "SLACK_BOT_TOKEN must be a bot token starting with xoxb-",
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((token) => token === undefined || token.startsWith("xapp-"), {
    error: "SLACK_APP_TOKEN must be an app-level token starting with xapp-",
  }),
  SLACK_API_URL: httpUrl("SLACK_API_URL")
    .default("https://slack.com/api")
    .transform((url) => `${url}/`),
  SLACK_TRIAGE_CHANNEL: optionalText.refine((id) => id === undefined || /^[CG][A-Z0-9]{2,20}$/.test(id), {
    error: "SLACK_TRIAGE_CHANNEL must be a channel id such as C012ABCDEF",
  }),
  SLACK_TRIAGERS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => SLACK_USER_ID.test(id)), {
      error: "SLACK_TRIAGERS must be comma-separated Slack user ids such as U012ABCDEF,U034GHIJKL",
    }),
  BOT_PORT: z.coerce
    .number({ error: "BOT_PORT must be a port number" })
    .int("BOT_PORT must be a whole number")
    .min(0, "BOT_PORT must be between 0 and 65535")
    .max(65535, "BOT_PORT must be between 0 and 65535")
    .default(3000),
  HOST: z.string().trim().min(1, "HOST must not be empty").default("127.0.0.1"),
  BOT_PUBLIC_URL: optionalText.pipe(httpUrl("BOT_PUBLIC_URL").optional()),
  BSI_WEBHOOK_SECRET: optionalText.refine(
    (secret) => secret === undefined || /^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret),
    { error: "BSI_WEBHOOK_SECRET must be the webhook's signing secret, starting with whsec_" },
  ),
  BSI_WEBHOOK_CHECK_MS: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ error: "BSI_WEBHOOK_CHECK_MS must be a number of milliseconds" })
      .int("BSI_WEBHOOK_CHECK_MS must be a whole number of milliseconds")
      .min(100, "BSI_WEBHOOK_CHECK_MS must be at least 100")
      .max(86_400_000, "BSI_WEBHOOK_CHECK_MS must be at most 86400000 (a day)")
      .default(60_000),
  ),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
}).superRefine((env, ctx) => {
  const hasAnySlackSetting = env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN;
  if (env.BSI_WEBHOOK_SECRET && !env.BOT_PUBLIC_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["BSI_WEBHOOK_SECRET"],
      message: "BSI_WEBHOOK_SECRET needs BOT_PUBLIC_URL (the address the API posts status updates to)",
    });
  }
  if (!hasAnySlackSetting) return;
  if (!env.SLACK_BOT_TOKEN) {
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_BOT_TOKEN"],
      message: "SLACK_BOT_TOKEN is required when other Slack credentials are set",
    });
  }
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_SIGNING_SECRET"],
      message: "SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
    });
  }
});

type ParsedEnv = z.output<typeof BotConfigSchema>;

export interface SlackCredentials {
  botToken: string;
  /** Present in HTTP mode; Socket Mode does not sign requests. */
  signingSecret: string | undefined;
  /** Present in Socket Mode. */
  appToken: string | undefined;
}

export interface BotConfig {
  apiUrl: string;
  apiToken: string | undefined;
  /** Undefined when no Slack credentials are set: the bot cannot start, `chat` still works. */
  slack: SlackCredentials | undefined;
  mode: "socket" | "http";
  slackApiUrl: string;
  triageChannel: string | undefined;
  triagers: readonly string[];
  port: number;
  host: string;
  /**
   * Where the API can reach this bot (`https://bot.example.org`): the bot then subscribes to the
   * API's webhooks at `<publicUrl>/bsi/webhooks`. Undefined: no webhooks (see the README).
   */
  publicUrl: string | undefined;
  /** The webhook's signing secret, fixed across restarts; undefined: re-created at each start. */
  webhookSecret: string | undefined;
  /** How often the bot checks that the API's webhook still reaches it (the API may disable it). */
  webhookCheckMs: number;
  logLevel: ParsedEnv["LOG_LEVEL"];
}

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; message: string };

/** Validates the environment; a bad value gives one line naming the variable and what it must be. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = BotConfigSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path[0] === undefined ? "" : String(issue.path[0]);
    const message = issue?.message ?? "invalid configuration";
    const line = message.startsWith(name) ? message : `${name}: ${message}`;
    return { ok: false, message: `BSI Desk bot: bad configuration — ${line}` };
  }
  const parsed = result.data;
  const slack = parsed.SLACK_BOT_TOKEN
    ? {
        botToken: parsed.SLACK_BOT_TOKEN,
        signingSecret: parsed.SLACK_SIGNING_SECRET,
        appToken: parsed.SLACK_APP_TOKEN,
      }
    : undefined;
  return {
    ok: true,
    config: {
      apiUrl: parsed.BSI_API_URL,
      apiToken: parsed.BSI_API_TOKEN,
      slack,
      mode: parsed.SLACK_APP_TOKEN ? "socket" : "http",
      slackApiUrl: parsed.SLACK_API_URL,
      triageChannel: parsed.SLACK_TRIAGE_CHANNEL,
      triagers: parsed.SLACK_TRIAGERS,
      port: parsed.BOT_PORT,
      host: parsed.HOST,
      publicUrl: parsed.BOT_PUBLIC_URL,
      webhookSecret: parsed.BSI_WEBHOOK_SECRET,
      webhookCheckMs: parsed.BSI_WEBHOOK_CHECK_MS,
      logLevel: parsed.LOG_LEVEL,
    },
  };
}

/** The one line printed when no Slack credentials are set. */
export const MISSING_CREDENTIALS_MESSAGE =
  "BSI Desk bot: no Slack credentials — set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode); to try the bot without Slack, run `npm run chat`.";
