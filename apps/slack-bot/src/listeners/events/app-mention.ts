import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotDeps } from "../../deps.js";
import { answerInThread } from "./answer-question.js";

/** `@BSI Desk <question>` in a channel: answered in a thread. */
export function appMention(deps: BotDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (event.subtype || event.bot_id || !event.user || event.user === context.botUserId) return;
    if (typeof event.channel !== "string" || typeof event.ts !== "string") return;
    await answerInThread(client, deps, {
      channel: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts,
      user: event.user,
      text: typeof event.text === "string" ? event.text : "",
      botUserId: context.botUserId,
    });
  };
}
