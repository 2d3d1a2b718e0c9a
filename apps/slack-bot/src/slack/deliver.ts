import type { RespondFn, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { SlackMessage } from "../blocks/types.js";

type WebClient = webApi.WebClient;

/** Slack's error code on a failed Web API call (`channel_not_found`, `invalid_blocks`, …). */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * Posts a reply in a thread. Should Slack reject the blocks, the plain text still goes out, so
 * the user gets an answer; the rejection is logged as the bug it is.
 */
export async function postInThread(
  client: WebClient,
  logger: Logger,
  target: { channel: string; threadTs: string },
  message: SlackMessage,
): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.threadTs,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    if (slackErrorCode(error) !== "invalid_blocks") throw error;
    logger.error({ err: error, channel: target.channel }, "Slack rejected the blocks; sending the text only");
    await client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.threadTs,
      text: message.text,
    });
  }
}

/**
 * Replies privately to the user who ran a command or clicked a button: through the response_url,
 * or with chat.postEphemeral when the response_url is missing or refused.
 */
export async function replyEphemeral(
  options: {
    respond: RespondFn | undefined;
    client: WebClient;
    logger: Logger;
    channel: string | undefined;
    user: string;
    replaceOriginal?: boolean;
  },
  message: SlackMessage,
): Promise<void> {
  if (options.respond) {
    try {
      await options.respond({
        response_type: "ephemeral",
        replace_original: options.replaceOriginal ?? false,
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (error) {
      options.logger.warn({ err: error }, "response_url refused the reply; trying chat.postEphemeral");
    }
  }
  if (!options.channel) throw new Error("no response_url and no channel to reply in");
  await options.client.chat.postEphemeral({
    channel: options.channel,
    user: options.user,
    text: message.text,
    blocks: message.blocks,
  });
}
