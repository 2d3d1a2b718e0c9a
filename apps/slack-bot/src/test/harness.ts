import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiConfigSchema, createApiKey, type RunningServer, startServer } from "@bsi/api";
import { type BsiClient, createClient } from "@bsi/client";
import type { Scope } from "@bsi/domain";
import { type RunningBot, startBot } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { FakeSlack } from "./fake-slack.js";
import { SlackDriver } from "./slack-driver.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TRIAGER = "U0TRIAGER";

/** The real API on a fresh temporary SQLite file, seeded with the catalogue, on a loopback port. */
export interface TestApi {
  url: string;
  server: RunningServer;
  /** A client with the given scopes, for setting up data as an operator would. */
  clientWith(scopes: Scope[]): Promise<BsiClient>;
  /** A new API key with the given scopes (its secret). */
  createKey(scopes: Scope[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(options: { now?: () => Date } = {}): Promise<TestApi> {
  const directory = mkdtempSync(join(tmpdir(), "bsi-bot-e2e-"));
  const server = await startServer(
    ApiConfigSchema.parse({
      PORT: 0,
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(directory, "bsi.sqlite")}`,
      BSI_SEED: "catalogue",
      LOG_LEVEL: "silent",
      RATE_LIMIT_PER_MINUTE: 0,
      WEBHOOKS_ENABLED: "false",
    }),
    options.now ? { now: options.now } : {},
  );
  const createKey = async (scopes: Scope[]) => {
    const { secret } = await createApiKey(server.runtime.handle.db, {
      name: `test-${scopes.join("-")}`,
      scopes,
    });
    return secret;
  };
  return {
    url: server.url,
    server,
    createKey,
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
}): Promise<BotHarness> {
  const slack = await new FakeSlack().start();
  const loaded = loadConfig({
    BSI_API_URL: options.apiUrl,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_TRIAGERS: TRIAGER,
    BOT_PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const bot = await startBot({
    config: loaded.config,
    logger: createLogger(process.env.BOT_TEST_LOG ?? "silent"),
    ...(options.now ? { now: options.now } : {}),
  });
  const driver = new SlackDriver({ botUrl: bot.url ?? "", signingSecret: SIGNING_SECRET, slack });
  return {
    slack,
    driver,
    bot,
    async close() {
      await bot.stop();
      await slack.stop();
    },
  };
}
