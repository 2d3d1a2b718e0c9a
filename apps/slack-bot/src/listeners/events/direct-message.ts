import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotDeps } from "../../deps.js";
import { answerInThread } from "./answer-question.js";

/**
 * A message in the bot's DM: answered in a thread. Edits, joins and other subtypes, and anything
 * a bot wrote (this one included), are not questions.
 */
export function directMessage(deps: BotDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const message = event as unknown as Record<string, unknown>;
    if (message.channel_type !== "im") return;
    if (message.subtype !== undefined || message.bot_id !== undefined) return;
    const user = message.user;
    if (typeof user !== "string" || user === context.botUserId) return;
    if (typeof message.channel !== "string" || typeof message.ts !== "string") return;
    if (typeof message.text !== "string" || message.text.trim() === "") return;
    await answerInThread(client, deps, {
      channel: message.channel,
      ts: message.ts,
      threadTs: typeof message.thread_ts === "string" ? message.thread_ts : undefined,
      user,
      text: message.text,
      botUserId: context.botUserId,
    });
  };
}
