import { realpathSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createClient } from "@bsi/client";
import { App, type CustomRoute, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from "@slack/bolt";
import { API_TIMEOUT_MS, type DeskApi } from "./api.js";
import { type BotConfig, loadConfig, MISSING_CREDENTIALS_MESSAGE } from "./config.js";
import type { BotDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";
import { createLogger, type Logger, toBoltLogger } from "./logger.js";
import { createEventDeduper } from "./middleware/dedupe-events.js";
import { createRequestFiler } from "./requests/file-request.js";
import { ProfileCache } from "./requests/profiles.js";
import {
  NO_STATUS_UPDATES,
  type StatusUpdates,
  subscribeToStatusUpdates,
  WEBHOOK_PATH,
} from "./requests/status-updates.js";
import { watchTriageChannel } from "./requests/triage-channel.js";
import { createDeliveryLog, createWebhookHandler } from "./requests/webhook-receiver.js";
import { createAuthorize } from "./slack/authorize.js";
import { slackErrorCode } from "./slack/deliver.js";
import { leanFetch } from "./slack/lean-fetch.js";

export interface StartBotOptions {
  config: BotConfig;
  /** The API client; by default one for `config.apiUrl` that gives up after 2.5 s. */
  api?: DeskApi;
  logger?: Logger;
  now?: () => Date;
}

export interface RunningBot {
  app: App;
  mode: "http" | "socket";
  /** HTTP mode: the URL Slack posts events, commands and interactions to. */
  url: string | undefined;
  port: number | undefined;
  /** Whether the API's webhooks reach the bot (BOT_PUBLIC_URL), and with which secret. */
  statusUpdates: StatusUpdates;
  stop(): Promise<void>;
}

/** Slack refused the bot token: starting would only fail every request. */
export class SlackCredentialsError extends Error {}

const REFUSED_TOKEN_ERRORS = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked"]);

/** Builds the Bolt app (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise), wires the listeners, starts it. */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config } = options;
  if (!config.slack) throw new SlackCredentialsError(MISSING_CREDENTIALS_MESSAGE);
  const { botToken, signingSecret, appToken } = config.slack;
  const logger = options.logger ?? createLogger(config.logLevel);
  const boltLogger = toBoltLogger(logger);
  const clientOptions = {
    slackApiUrl: config.slackApiUrl,
    logger: boltLogger,
    // Web API calls and Bolt's response_url replies, through undici without the WHATWG layer.
    fetch: leanFetch,
    timeout: 10_000,
    // A few quick retries (and waits for Retry-After on 429) rather than the SDK's thirty minutes.
    retryConfig: { retries: 3, factor: 1.5, minTimeout: 250, maxTimeout: 2000 },
  };

  const api =
    options.api ??
    createClient({ baseUrl: config.apiUrl, token: config.apiToken, timeoutMs: API_TIMEOUT_MS });
  // Filled in once the subscription is made, after the server listens (the API may post at once).
  let statusUpdates: StatusUpdates = NO_STATUS_UPDATES;
  const liveStatusUpdates: StatusUpdates = {
    isActive: () => statusUpdates.isActive(),
    secret: () => statusUpdates.secret(),
    get url() {
      return statusUpdates.url;
    },
    stop: () => statusUpdates.stop(),
  };
  const triageChannelCheck = watchTriageChannel({
    // One quick try per check: a check that cannot run is made again on the next round, rather
    // than holding up start-up with retries and Retry-After waits.
    client: new webApi.WebClient(botToken, {
      ...clientOptions,
      timeout: 5000,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    }),
    channel: config.triageChannel,
    logger,
    checkEveryMs: config.webhookCheckMs,
  });
  const deps: BotDeps = {
    api,
    apiUrl: config.apiUrl,
    triagers: new Set(config.triagers),
    logger,
    deduper: createEventDeduper(),
    now: options.now ?? (() => new Date()),
    fileRequest: createRequestFiler({ baseUrl: config.apiUrl, token: config.apiToken }),
    triageChannel: config.triageChannel,
    statusUpdates: liveStatusUpdates,
    profiles: new ProfileCache(),
  };
  if (!config.triageChannel) {
    logger.warn("SLACK_TRIAGE_CHANNEL is not set: requests filed from Slack get no triage card");
  }
  if (config.triagers.length === 0) {
    logger.warn("SLACK_TRIAGERS is empty: nobody can move requests from Slack (list triagers' user ids)");
  }

  const webhookClient = new webApi.WebClient(botToken, clientOptions);
  const routes: CustomRoute[] = [
    {
      path: "/health",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"status":"ok"}');
      },
    },
    {
      path: WEBHOOK_PATH,
      method: ["POST"],
      handler: createWebhookHandler({
        statusUpdates: liveStatusUpdates,
        announce: {
          client: webhookClient,
          logger,
          triageChannel: config.triageChannel,
          profiles: deps.profiles,
          now: deps.now,
        },
        deliveries: createDeliveryLog(),
      }),
    },
  ];

  const receiver: Receiver =
    config.mode === "socket" && appToken
      ? new SocketModeReceiver({
          appToken,
          logger: boltLogger,
          // With BOT_PUBLIC_URL, a small HTTP server on BOT_PORT takes the API's webhooks.
          ...(config.publicUrl ? { customRoutes: routes } : {}),
          installerOptions: { clientOptions, ...(config.publicUrl ? { port: config.port } : {}) },
        })
      : new HTTPReceiver({
          signingSecret: signingSecret ?? "",
          endpoints: "/slack/events",
          // Answer Slack as soon as a listener calls ack(); the slow work carries on after.
          processBeforeResponse: false,
          logger: boltLogger,
          customRoutes: routes,
        });

  const identityClient = new webApi.WebClient(undefined, clientOptions);
  await checkBotToken(identityClient, botToken, logger);
  // Warns at start-up when the triage channel is public or shared.
  await triageChannelCheck.start();
  const app = new App({
    receiver,
    authorize: createAuthorize(identityClient, botToken),
    logger: boltLogger,
    clientOptions,
    // Bolt's default conversation store keeps state in this process's memory (and costs an Error
    // per request): the bot stays stateless so that several instances can share the load.
    convoStore: false,
  });
  app.error(async (error) => {
    logger.error({ err: error }, "a listener failed");
  });
  registerListeners(app, deps);
  const subscribe = async () => {
    statusUpdates = await subscribeToStatusUpdates({
      api,
      publicUrl: config.publicUrl,
      fixedSecret: config.webhookSecret,
      checkEveryMs: config.webhookCheckMs,
      logger,
    });
  };
  const stop = async () => {
    statusUpdates.stop();
    triageChannelCheck.stop();
    await (app.stop() as Promise<void>);
  };

  if (config.mode === "socket") {
    await app.start();
    await subscribe();
    return { app, mode: "socket", url: undefined, port: undefined, statusUpdates: liveStatusUpdates, stop };
  }
  const server = (await app.start({ port: config.port, host: config.host })) as {
    address(): AddressInfo | string;
    closeIdleConnections(): void;
  };
  const address = server.address();
  const port = typeof address === "string" ? config.port : address.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  await subscribe();
  return {
    app,
    mode: "http",
    url: `http://${host}:${port}/slack/events`,
    port,
    statusUpdates: liveStatusUpdates,
    stop: async () => {
      // A request answered after close() leaves a keep-alive connection that Node closes only
      // after its keep-alive timeout; sweep idle ones so stopping takes as long as the last answer.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      try {
        await stop();
      } finally {
        clearInterval(sweep);
      }
    },
  };
}

async function checkBotToken(client: webApi.WebClient, botToken: string, logger: Logger): Promise<void> {
  try {
    await client.auth.test({ token: botToken });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && REFUSED_TOKEN_ERRORS.has(code)) {
      throw new SlackCredentialsError(
        `Slack refused SLACK_BOT_TOKEN (${code}) — copy the Bot User OAuth Token again`,
      );
    }
    // Slack unreachable: start anyway; the identity is fetched again with the first request.
    logger.warn({ err: error }, "could not check the bot token with auth.test; carrying on");
  }
}

export interface BotCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * What `node dist/app.js` does, minus the process: validate the environment and start the bot.
 * Returns the running bot, or the exit code when it must not run (0 when credentials are simply
 * absent: the one line printed says what to set and how to try `npm run chat`).
 */
export async function runBotFromEnvironment(
  env: Record<string, string | undefined>,
  io: BotCliIo,
): Promise<{ bot: RunningBot } | { exitCode: number }> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    io.err(loaded.message);
    return { exitCode: 2 };
  }
  if (!loaded.config.slack) {
    io.out(MISSING_CREDENTIALS_MESSAGE);
    return { exitCode: 0 };
  }
  try {
    const bot = await startBot({ config: loaded.config });
    io.out(
      bot.mode === "http"
        ? `BSI Desk bot listening for Slack on ${bot.url} (HTTP mode)`
        : "BSI Desk bot connected to Slack (Socket Mode)",
    );
    return { bot };
  } catch (error) {
    io.err(`BSI Desk bot: ${error instanceof Error ? error.message : String(error)}`);
    return { exitCode: 1 };
  }
}

async function main(): Promise<void> {
  const outcome = await runBotFromEnvironment(process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
  if ("exitCode" in outcome) {
    process.exitCode = outcome.exitCode;
    return;
  }
  const stop = () => {
    outcome.bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
