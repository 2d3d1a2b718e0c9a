import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { slackErrorCode } from "../slack/deliver.js";

/**
 * Whether triage cards may show requesters' contact details (their email). Only in a private
 * channel: in a public one anyone in the workspace can read them. Until Slack has said the triage
 * channel is private — the check failed, was refused, or could not run yet — cards leave them out.
 */
export interface TriageChannelPrivacy {
  /**
   * Whether a card in `channel` may show contact details: only in SLACK_TRIAGE_CHANNEL, once Slack
   * has said it is private. When no check has succeeded yet, checks first. Never throws.
   */
  mayShowContactDetails(channel: string): Promise<boolean>;
  /** The first check (at start-up), then one every `checkEveryMs`. */
  start(): Promise<void>;
  stop(): void;
}

export interface TriageChannelOptions {
  client: webApi.WebClient;
  /** SLACK_TRIAGE_CHANNEL; undefined: no cards, nothing to check. */
  channel: string | undefined;
  logger: Logger;
  /** BSI_WEBHOOK_CHECK_MS: how often the channel is checked again (it may be made public). */
  checkEveryMs: number;
}

/** What one look at the channel found. */
interface Finding {
  isPrivate: boolean;
  message: string;
}

/** What to do about each refusal of conversations.info an operator can fix. */
const FIXES: Record<string, string> = {
  missing_scope:
    "the app needs the channels:read and groups:read scopes: add them (manifest.yaml) and reinstall the app",
  channel_not_found: "check the id, and invite the bot if the channel is private",
};

const HIDDEN = "triage cards leave out requesters' email";

/** Asks Slack whether the channel is private; undefined when Slack could not be asked (down, slow). */
async function lookAt(client: webApi.WebClient, channel: string): Promise<Finding | undefined> {
  try {
    const info = await client.conversations.info({ channel });
    const name = info.channel?.name ? `${channel} (#${info.channel.name})` : channel;
    if (info.channel?.is_private === true) {
      return {
        isPrivate: true,
        message: `SLACK_TRIAGE_CHANNEL ${name} is private: triage cards show requesters' email`,
      };
    }
    return {
      isPrivate: false,
      message: `SLACK_TRIAGE_CHANNEL ${name} is a public channel: ${HIDDEN} (triagers see it with /bsi status <reference>); make the channel private to show it on the cards`,
    };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === undefined) return undefined;
    const fix = FIXES[code] ? ` — ${FIXES[code]}` : "";
    return {
      isPrivate: false,
      message: `could not check that SLACK_TRIAGE_CHANNEL ${channel} is private (${code}${fix}); ${HIDDEN}, as for a public channel`,
    };
  }
}

/**
 * Watches SLACK_TRIAGE_CHANNEL's privacy with conversations.info: at start-up, before the first
 * card when that check could not run, and every `checkEveryMs` (a channel can be made public at
 * any time, and a scope granted). Each change is logged once: a warning while cards must leave
 * the email out. When Slack cannot be asked, what was last found stands; a refusal counts as public.
 */
export function watchTriageChannel(options: TriageChannelOptions): TriageChannelPrivacy {
  const { channel, client } = options;
  const log = options.logger.child({ component: "triage-channel", channel });
  /** Undefined until Slack has answered once. */
  let isPrivate: boolean | undefined;
  let lastMessage: string | undefined;
  let looking: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const record = (finding: Finding | undefined) => {
    if (!finding) {
      if (isPrivate === undefined && lastMessage === undefined) {
        lastMessage = "unreachable";
        log.warn(
          `could not reach Slack to check that SLACK_TRIAGE_CHANNEL ${channel} is private; ${HIDDEN} until it answers`,
        );
      }
      return;
    }
    isPrivate = finding.isPrivate;
    if (finding.message === lastMessage) return;
    lastMessage = finding.message;
    if (finding.isPrivate) log.info(finding.message);
    else log.warn(finding.message);
  };

  /** One look at a time: a card posted while the start-up check runs waits for it. */
  const look = (): Promise<void> => {
    if (!channel) return Promise.resolve();
    looking ??= lookAt(client, channel)
      .then(record)
      .finally(() => {
        looking = undefined;
      });
    return looking;
  };

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => void look().then(schedule), options.checkEveryMs);
    timer.unref();
  };

  return {
    async mayShowContactDetails(cardChannel) {
      if (!channel || cardChannel !== channel) return false;
      if (isPrivate === undefined) await look();
      return isPrivate === true;
    },
    async start() {
      if (!channel) return;
      await look();
      schedule();
    },
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
