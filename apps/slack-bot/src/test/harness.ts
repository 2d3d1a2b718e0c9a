import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiConfigSchema, createApiKey, type RunningServer, revokeApiKey, startServer } from "@bsi/api";
import { type BsiClient, createClient } from "@bsi/client";
import type { Scope } from "@bsi/domain";
import { type RunningBot, startBot } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { FakeSlack } from "./fake-slack.js";
import { SlackDriver } from "./slack-driver.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TRIAGER = "U0TRIAGER";
export const TRIAGE_CHANNEL = "C0TRIAGE";
/** What the bot's API key needs to file, move and hear about requests. */
export const BOT_SCOPES: Scope[] = ["requests:read", "requests:write", "requests:manage", "webhooks:manage"];

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real API on a fresh temporary SQLite file, seeded with the catalogue, on a loopback port. */
export interface TestApi {
  url: string;
  server: RunningServer;
  /** A client with the given scopes, for setting up data as an operator would. */
  clientWith(scopes: Scope[]): Promise<BsiClient>;
  /** A new API key with the given scopes (its secret). */
  createKey(scopes: Scope[]): Promise<string>;
  /** Revokes a key made by `createKey`, as an operator would with the CLI. */
  revokeKey(secret: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * With `webhooks`, the API's dispatcher runs and polls and retries quickly (deliveries within
 * tens of milliseconds, retries from 100 ms), so tests see webhooks as soon as a user would.
 */
export async function startTestApi(
  options: {
    now?: () => Date;
    webhooks?: boolean;
    /** WEBHOOK_DISABLE_AFTER_MS: how long a webhook may fail before the API disables it (default a day). */
    webhookDisableAfterMs?: number;
  } = {},
): Promise<TestApi> {
  const directory = mkdtempSync(join(tmpdir(), "bsi-bot-e2e-"));
  const server = await startServer(
    ApiConfigSchema.parse({
      PORT: 0,
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(directory, "bsi.sqlite")}`,
      BSI_SEED: "catalogue",
      LOG_LEVEL: "silent",
      RATE_LIMIT_PER_MINUTE: 0,
      WEBHOOKS_ENABLED: options.webhooks ? "true" : "false",
      WEBHOOK_POLL_MS: "50",
      WEBHOOK_RETRY_BASE_MS: "100",
      WEBHOOK_RETRY_MAX_MS: "500",
      WEBHOOK_TIMEOUT_MS: "5000",
      ...(options.webhookDisableAfterMs
        ? { WEBHOOK_DISABLE_AFTER_MS: String(options.webhookDisableAfterMs) }
        : {}),
    }),
    options.now ? { now: options.now } : {},
  );
  const keyIds = new Map<string, string>();
  const createKey = async (scopes: Scope[]) => {
    const { key, secret } = await createApiKey(server.runtime.handle.db, {
      name: `test-${scopes.join("-")}`,
      scopes,
    });
    keyIds.set(secret, key.id);
    return secret;
  };
  return {
    url: server.url,
    server,
    createKey,
    async revokeKey(secret) {
      const id = keyIds.get(secret);
      if (!id || !(await revokeApiKey(server.runtime.handle.db, id))) throw new Error("no such key");
    },
    async clientWith(scopes) {
      return createClient({ baseUrl: server.url, token: await createKey(scopes) });
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export interface BotHarness {
  slack: FakeSlack;
  driver: SlackDriver;
  bot: RunningBot;
  close(): Promise<void>;
}

/**
 * The bot in HTTP mode on a loopback port, talking to `apiUrl` and to a fresh fake Slack, with a
 * driver that signs requests to it as Slack does.
 */
export async function startBotHarness(options: {
  apiUrl: string;
  env?: Record<string, string>;
  now?: () => Date;
  /** Subscribe to the API's webhooks: the bot listens on a fixed loopback port, its BOT_PUBLIC_URL. */
  webhooks?: boolean;
  /** Reuse a fake Slack (a restarted bot in the same workspace); it is then not stopped on close. */
  slack?: FakeSlack;
  /** The port to listen on with `webhooks` (a restarted bot keeps its address). */
  port?: number;
  /** Where the bot logs (default: nowhere, or stderr at BOT_TEST_LOG's level). */
  logger?: Logger;
}): Promise<BotHarness> {
  const slack = options.slack ?? (await new FakeSlack().start());
  const port = options.webhooks ? (options.port ?? (await freePort())) : 0;
  const loaded = loadConfig({
    ...(options.webhooks ? { BOT_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    BSI_API_URL: options.apiUrl,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_TRIAGERS: TRIAGER,
    BOT_PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const bot = await startBot({
    config: loaded.config,
    logger: options.logger ?? createLogger(process.env.BOT_TEST_LOG ?? "silent"),
    ...(options.now ? { now: options.now } : {}),
  });
  const driver = new SlackDriver({ botUrl: bot.url ?? "", signingSecret: SIGNING_SECRET, slack });
  return {
    slack,
    driver,
    bot,
    async close() {
      await bot.stop();
      if (!options.slack) await slack.stop();
    },
  };
}
