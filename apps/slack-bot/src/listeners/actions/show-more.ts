import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeQuery } from "../../answers/query.js";
import { runQuery } from "../../answers/run-query.js";
import { context } from "../../blocks/elements.js";
import { BLOCK_IDS } from "../../blocks/ids.js";
import type { KnownBlock } from "../../blocks/types.js";
import { WORDS } from "../../blocks/words.js";
import { type BotDeps, PUBLIC_VIEWER, queryContextFor, viewerFor } from "../../deps.js";
import { postInThread, replyEphemeral } from "../../slack/deliver.js";
import { isDirectMessage, readContainer } from "./container.js";

/**
 * "Show more": the next page of the same query. Under a private reply it comes privately; under a
 * thread answer it is posted in the thread, and the button leaves the earlier page.
 */
export function showMore(deps: BotDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const query = decodeQuery(action.value);
    const container = readContainer(body);
    if (!query || container?.type !== "message") {
      deps.logger.warn({ value: action.value }, "ignoring a Show more click with an unreadable value");
      return;
    }
    const user = body.user.id;
    const isPrivate = container.isEphemeral || isDirectMessage(container.channel);
    const viewer = isPrivate ? viewerFor(deps, user) : PUBLIC_VIEWER;
    const message = await runQuery(
      query,
      queryContextFor(deps, { viewer, shareable: container.isEphemeral }),
    );
    if (container.isEphemeral) {
      await replyEphemeral(
        { respond, client, logger: deps.logger, channel: container.channel, user },
        message,
      );
      return;
    }
    await postInThread(
      client,
      deps.logger,
      { channel: container.channel, threadTs: container.threadTs ?? container.messageTs },
      message,
    );
    const original = body.message;
    if (original && Array.isArray(original.blocks)) {
      // The note joins the earlier page, so it is in that page's language (carried in the value).
      const note = WORDS[(query.kind === "ask" && query.language) || "en"].moreBelowInThread;
      const blocks = (original.blocks as KnownBlock[]).map((block) =>
        block.type === "actions" && block.block_id === BLOCK_IDS.answerActions ? context([note]) : block,
      );
      await client.chat
        .update({
          channel: container.channel,
          ts: container.messageTs,
          text: String(original.text ?? ""),
          blocks,
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, "could not remove the Show more button"));
    }
  };
}
