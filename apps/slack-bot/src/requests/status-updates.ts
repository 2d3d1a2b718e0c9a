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
  /** First wait before trying again when the API cannot be asked (doubles up to a minute). */
  retryMs?: number;
}

type Attempt = { active: boolean; secret: string | undefined; retry: boolean };

/**
 * Makes sure the API will post request activity to the bot, at start:
 * - with BSI_WEBHOOK_SECRET, checks that an enabled webhook for the bot's URL exists (the operator
 *   created it and set its secret); the secret survives restarts and is shared by every instance;
 * - without it, creates a new webhook and keeps its secret in memory, deleting the ones earlier
 *   runs left for the same URL (their secrets died with them). One instance only.
 * When the API cannot be asked, it tries again in the background and the bot announces directly
 * meanwhile.
 */
export async function subscribeToStatusUpdates(options: SubscribeOptions): Promise<StatusUpdates> {
  if (!options.publicUrl) return NO_STATUS_UPDATES;
  const url = `${options.publicUrl}${WEBHOOK_PATH}`;
  const log = options.logger.child({ component: "webhooks", url });
  let state: Attempt = { active: false, secret: options.fixedSecret, retry: true };
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const attempt = async (): Promise<Attempt> => {
    try {
      if (options.fixedSecret) {
        const { items } = await options.api.listWebhooks();
        const mine = items.filter((webhook) => webhook.url === url);
        const usable = mine.find(
          (webhook) => !webhook.disabled && WEBHOOK_EVENTS.every((type) => webhook.events.includes(type)),
        );
        if (usable) {
          log.info({ webhook: usable.id }, "receiving request activity from the API's webhook");
          return { active: true, secret: options.fixedSecret, retry: false };
        }
        log.warn(
          { disabled: mine.filter((webhook) => webhook.disabled).map((webhook) => webhook.id) },
          `no enabled webhook for ${url} with ${WEBHOOK_EVENTS.join(", ")}: create one (POST /v1/webhooks) and set BSI_WEBHOOK_SECRET to its secret; until then the bot announces only what is done through it`,
        );
        return { active: false, secret: options.fixedSecret, retry: false };
      }
      const created = await options.api.createWebhook({ url, events: [...WEBHOOK_EVENTS] });
      if (!created.secret) throw new Error("the API did not return the new webhook's secret");
      const { items } = await options.api.listWebhooks();
      for (const stale of items.filter((webhook) => webhook.url === url && webhook.id !== created.id)) {
        await options.api
          .deleteWebhook(stale.id)
          .catch((error: unknown) =>
            log.warn({ err: error, webhook: stale.id }, "could not delete an old webhook"),
          );
      }
      log.info({ webhook: created.id }, "subscribed to request activity (a new webhook for this run)");
      return { active: true, secret: created.secret, retry: false };
    } catch (error) {
      const status = apiStatus(error);
      const retry = status === undefined || status >= 500 || status === 429;
      log.warn(
        { err: error, status },
        status === 401 || status === 403
          ? "cannot manage webhooks: BSI_API_TOKEN needs the webhooks:manage scope; the bot announces only what is done through it"
          : "cannot subscribe to the API's webhooks yet; the bot announces what is done through it meanwhile",
      );
      return { active: false, secret: options.fixedSecret, retry };
    }
  };

  let waitMs = options.retryMs ?? 5000;
  const schedule = () => {
    if (isStopped || !state.retry) return;
    timer = setTimeout(async () => {
      state = await attempt();
      waitMs = Math.min(waitMs * 2, 60_000);
      schedule();
    }, waitMs);
    timer.unref();
  };
  state = await attempt();
  schedule();

  return {
    isActive: () => state.active,
    secret: () => state.secret,
    url,
    stop: () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
