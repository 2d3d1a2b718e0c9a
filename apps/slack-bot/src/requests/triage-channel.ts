import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { slackErrorCode } from "../slack/deliver.js";

/** The triage channel's check: at start-up, then every `checkEveryMs`. */
export interface TriageChannelCheck {
  start(): Promise<void>;
  stop(): void;
}

export interface TriageChannelOptions {
  client: webApi.WebClient;
  /** SLACK_TRIAGE_CHANNEL; undefined: no cards, nothing to check. */
  channel: string | undefined;
  logger: Logger;
  /** BSI_WEBHOOK_CHECK_MS: how often the channel is checked again (it may be made public or shared). */
  checkEveryMs: number;
}

/** What one look at the channel found, worded for the log. */
interface Finding {
  level: "info" | "warn";
  message: string;
}

/** What to do about each refusal of conversations.info an operator can fix. */
const FIXES: Record<string, string> = {
  missing_scope:
    "the app needs the channels:read and groups:read scopes: add them (manifest.yaml) and reinstall the app",
  channel_not_found: "check the id, and invite the bot if the channel is private",
};

type Conversation = NonNullable<webApi.ConversationsInfoResponse["channel"]>;

/** How a channel is shared beyond this workspace, if it is (Slack sets `is_shared` for every kind). */
function sharing(conversation: Conversation): { what: string; others: string } | undefined {
  if (conversation.is_ext_shared)
    return { what: "shared with other organizations (Slack Connect)", others: "other organizations" };
  if (conversation.is_org_shared)
    return { what: "shared with other workspaces of the organization", others: "other workspaces" };
  if (conversation.is_shared) return { what: "shared with other workspaces", others: "other workspaces" };
  return undefined;
}

/** Asks Slack who can read the channel; undefined when Slack could not be asked (down, slow). */
async function lookAt(client: webApi.WebClient, channel: string): Promise<Finding | undefined> {
  try {
    const conversation = (await client.conversations.info({ channel })).channel ?? {};
    const name = conversation.name ? `${channel} (#${conversation.name})` : channel;
    const isPublic = conversation.is_private !== true;
    const shared = sharing(conversation);
    if (!isPublic && !shared) {
      return { level: "info", message: `SLACK_TRIAGE_CHANNEL ${name} is private and not shared` };
    }
    const what = [isPublic ? "public" : undefined, shared?.what].filter(Boolean).join(" and ");
    const who = `${isPublic ? "anyone in the workspace" : "everyone in it"}${shared ? `, ${shared.others} included` : ""}`;
    return {
      level: "warn",
      message: `SLACK_TRIAGE_CHANNEL ${name} is ${what}: summaries and requesters' names on triage cards are visible to ${who}; use a private channel that is not shared`,
    };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === undefined) return undefined;
    const fix = FIXES[code] ? ` — ${FIXES[code]}` : "";
    return {
      level: "warn",
      message: `could not check who can read SLACK_TRIAGE_CHANNEL ${channel} (${code}${fix})`,
    };
  }
}

/**
 * Warns when SLACK_TRIAGE_CHANNEL is public or shared with other workspaces or organizations
 * (conversations.info, at start-up and every `checkEveryMs`: a channel can be made public or
 * shared at any time). Each change is logged once. Cards never carry requesters' email, so this
 * only tells the operator who else reads summaries and names.
 */
export function watchTriageChannel(options: TriageChannelOptions): TriageChannelCheck {
  const { channel, client } = options;
  const log = options.logger.child({ component: "triage-channel", channel });
  let lastMessage: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const look = async (): Promise<void> => {
    if (!channel) return;
    const finding = await lookAt(client, channel);
    if (!finding) {
      log.debug("could not reach Slack to check the triage channel; trying again at the next check");
      return;
    }
    if (finding.message === lastMessage) return;
    lastMessage = finding.message;
    log[finding.level](finding.message);
  };

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => void look().then(schedule), options.checkEveryMs);
    timer.unref();
  };

  return {
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
