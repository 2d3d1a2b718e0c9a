import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeQuery } from "../../answers/query.js";
import { runQuery } from "../../answers/run-query.js";
import { renderNotice } from "../../blocks/answer.js";
import { type BotDeps, PUBLIC_VIEWER, queryContextFor } from "../../deps.js";
import { replyEphemeral } from "../../slack/deliver.js";
import { readContainer } from "./container.js";

/**
 * "Share in channel": posts the reply for everyone, marked with who shared it, and removes the
 * private copy. Requests are private, so a shared answer never includes any.
 */
export function shareInChannel(deps: BotDeps) {
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
    const user = body.user.id;
    if (!query || container?.type !== "message") {
      deps.logger.warn({ value: action.value }, "ignoring a Share click with an unreadable value");
      return;
    }
    const channel = container.channel;
    if (query.kind === "status") {
      await replyEphemeral(
        { respond, client, logger: deps.logger, channel, user },
        renderNotice("Requests are private to the requester and the triage team, so they can't be shared."),
      );
      return;
    }
    const message = await runQuery(query, queryContextFor(deps, { viewer: PUBLIC_VIEWER, sharedBy: user }));
    try {
      if (!respond) throw new Error("no response_url");
      await respond({
        response_type: "in_channel",
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      deps.logger.warn({ err: error }, "sharing through the response_url failed; posting to the channel");
      try {
        await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        });
      } catch (postError) {
        deps.logger.warn({ err: postError }, "could not share in the channel");
        await replyEphemeral(
          { respond, client, logger: deps.logger, channel, user },
          renderNotice(
            "BSI Desk couldn't post in this channel — invite it with `/invite @BSI Desk` and try again.",
          ),
        );
        return;
      }
    }
    await respond?.({ delete_original: true }).catch((error: unknown) =>
      deps.logger.debug({ err: error }, "could not remove the private copy"),
    );
  };
}
