import type { ActivityType } from "@bsi/domain";
import type { Logger } from "pino";
import { apiStatus } from "../answers/failures.js";
import type { DeskApi } from "../api.js";

/** Where the API posts activity to the bot, under BOT_PUBLIC_URL. */
export const WEBHOOK_PATH = "/bsi/webhooks";

/** The activity the bot announces in Slack. */
export const WEBHOOK_EVENTS: readonly ActivityType[] = ["request.created", "request.status_changed"];

/**
 * Whether the API's webhooks tell this bot about every change. While they do, the bot announces
 * filings and moves (triage card, DMs) from the deliveries alone, whoever made them; while they do
 * not, it announces what happens through itself.
 */
export interface StatusUpdates {
  isActive(): boolean;
  /** The signing secret deliveries are verified with. */
  secret(): string | undefined;
  /** The URL the API posts to, when configured. */
  url: string | undefined;
  stop(): void;
}

export const NO_STATUS_UPDATES: StatusUpdates = {
  isActive: () => false,
  secret: () => undefined,
  url: undefined,
  stop: () => undefined,
};

export interface SubscribeOptions {
  api: Pick<DeskApi, "listWebhooks" | "createWebhook" | "deleteWebhook">;
  publicUrl: string | undefined;
  /** BSI_WEBHOOK_SECRET: the operator made the webhook and gave the bot its secret. */
  fixedSecret: string | undefined;
  logger: Logger;
  /** First wait before trying again when the API cannot be asked at start (doubles up to a minute). */
  retryMs?: number;
  /** BSI_WEBHOOK_CHECK_MS: how often the webhook is checked again once the API has answered. */
  checkEveryMs?: number;
}

/** What one look at the API found: whether its webhook reaches the bot, and what to do if not. */
type Finding = { isActive: true; message: string } | { isActive: false; message: string; isError?: boolean };

const ANNOUNCING_ITSELF = "the bot announces what is done through it meanwhile";

/**
 * Makes sure the API posts request activity to the bot, and keeps checking that it still does:
 * - with BSI_WEBHOOK_SECRET, looks for an enabled webhook for the bot's URL (the operator created
 *   it and set its secret); the secret survives restarts and is shared by every instance;
 * - without it, creates a new webhook and keeps its secret in memory, deleting the ones earlier
 *   runs left for the same URL (their secrets died with them). One instance only.
 * The API disables a webhook whose deliveries fail for long, and anyone may delete one: the bot
 * looks again every `checkEveryMs` (a minute by default) and, while no webhook reaches it, announces
 * filings and moves made through it itself. Each change either way is logged as a warning. When
 * the API cannot be asked at start, it tries again sooner, with backoff.
 */
export async function subscribeToStatusUpdates(options: SubscribeOptions): Promise<StatusUpdates> {
  if (!options.publicUrl) return NO_STATUS_UPDATES;
  const url = `${options.publicUrl}${WEBHOOK_PATH}`;
  const log = options.logger.child({ component: "webhooks", url });
  const checkEveryMs = options.checkEveryMs ?? 60_000;
  let secret = options.fixedSecret;
  /** The webhook this run created (without BSI_WEBHOOK_SECRET). */
  let ownWebhookId: string | undefined;
  /** Undefined until the API has answered once. */
  let isActive: boolean | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const subscribe = async (): Promise<Finding> => {
    const created = await options.api.createWebhook({ url, events: [...WEBHOOK_EVENTS] });
    if (!created.secret) throw new Error("the API did not return the new webhook's secret");
    ownWebhookId = created.id;
    secret = created.secret;
    const { items } = await options.api.listWebhooks();
    for (const stale of items.filter((webhook) => webhook.url === url && webhook.id !== created.id)) {
      await options.api
        .deleteWebhook(stale.id)
        .catch((error: unknown) =>
          log.warn({ err: error, webhook: stale.id }, "could not delete an old webhook"),
        );
    }
    return {
      isActive: true,
      message: `subscribed to request activity (webhook ${created.id}, new for this run)`,
    };
  };

  const findWebhook = async (): Promise<Finding> => {
    const { items } = await options.api.listWebhooks();
    if (ownWebhookId) {
      const own = items.find((webhook) => webhook.id === ownWebhookId);
      if (!own) {
        return {
          isActive: false,
          message: `the webhook this run created (${ownWebhookId}) was deleted: restart the bot to subscribe again`,
        };
      }
      if (own.disabled) {
        return {
          isActive: false,
          message: `the API disabled webhook ${own.id} — ${own.disabledReason ?? "no reason given"} — turn it back on with POST /v1/webhooks/${own.id}/enable`,
        };
      }
      return { isActive: true, message: `receiving request activity from webhook ${own.id}` };
    }
    const mine = items.filter((webhook) => webhook.url === url);
    const usable = mine.find(
      (webhook) => !webhook.disabled && WEBHOOK_EVENTS.every((type) => webhook.events.includes(type)),
    );
    if (usable) return { isActive: true, message: `receiving request activity from webhook ${usable.id}` };
    const disabled = mine.filter((webhook) => webhook.disabled).map((webhook) => webhook.id);
    return {
      isActive: false,
      message: `no enabled webhook for ${url} with ${WEBHOOK_EVENTS.join(", ")}: ${
        disabled.length > 0
          ? `turn ${disabled.join(", ")} back on (POST /v1/webhooks/{id}/enable), or create one`
          : "create one"
      } (POST /v1/webhooks) and set BSI_WEBHOOK_SECRET to its secret`,
    };
  };

  /** One look at the API; undefined when it could not be asked (down, slow, busy). */
  const check = async (): Promise<Finding | undefined> => {
    try {
      return options.fixedSecret || ownWebhookId ? await findWebhook() : await subscribe();
    } catch (error) {
      const status = apiStatus(error);
      if (status === 401) {
        return {
          isActive: false,
          isError: true,
          message: "cannot manage webhooks: the API refuses BSI_API_TOKEN (not a valid key, or revoked)",
        };
      }
      if (status === 403) {
        return {
          isActive: false,
          isError: true,
          message:
            "cannot manage webhooks: BSI_API_TOKEN needs the webhooks:manage scope (and requests:read, which subscribing to request activity needs)",
        };
      }
      if (isActive === undefined) {
        log.warn({ err: error, status }, `cannot subscribe to the API's webhooks yet; ${ANNOUNCING_ITSELF}`);
      } else {
        log.debug({ err: error, status }, "could not check the webhook; keeping what was last found");
      }
      return undefined;
    }
  };

  const record = (finding: Finding) => {
    const wasActive = isActive;
    isActive = finding.isActive;
    if (finding.isActive) {
      if (wasActive === undefined) log.info(finding.message);
      else if (!wasActive) log.warn(`${finding.message} again: the API announces filings and moves`);
      return;
    }
    if (wasActive === false) return;
    const line =
      wasActive === undefined
        ? `${finding.message}; ${ANNOUNCING_ITSELF}`
        : `the API's webhook no longer reaches the bot — ${finding.message}; ${ANNOUNCING_ITSELF}`;
    if (finding.isError) log.error(line);
    else log.warn(line);
  };

  let retryMs = options.retryMs ?? 5000;
  const schedule = (delayMs: number) => {
    if (isStopped) return;
    timer = setTimeout(() => void lookAgain(), delayMs);
    timer.unref();
  };
  const lookAgain = async () => {
    const finding = await check();
    if (isStopped) return;
    if (finding) record(finding);
    if (isActive === undefined) {
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, 60_000);
    } else {
      schedule(checkEveryMs);
    }
  };
  await lookAgain();

  return {
    isActive: () => isActive === true,
    secret: () => secret,
    url,
    stop: () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
