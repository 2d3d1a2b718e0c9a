import type { Request } from "@bsi/domain";
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { apiStatus, logRefusedKey } from "../../answers/failures.js";
import { renderNotice } from "../../blocks/answer.js";
import { decodeWithdrawValue, renderMoveNotice } from "../../blocks/request-notice.js";
import { REQUEST_WORDS } from "../../blocks/request-words.js";
import { announceContextFor, type BotDeps } from "../../deps.js";
import { refreshTriageCard } from "../../requests/announce.js";
import { describeMoveFailure } from "../../requests/move-failures.js";
import { lastMove } from "../../requests/moves.js";
import { languageFor } from "../../requests/profiles.js";
import { replyEphemeral } from "../../slack/deliver.js";
import { readContainer } from "./container.js";

/**
 * "Withdraw" under a receipt or a status DM. Only the requester (or a triager) may withdraw; to
 * anyone else the request reads as not found. The DM is replaced by the outcome, and the triage
 * card shows it (through the API's webhook when on, else at once). Said in the clicker's language.
 */
export function withdrawRequest(deps: BotDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const user = body.user.id;
    const container = readContainer(body);
    const channel = container?.type === "message" ? container.channel : body.channel?.id;
    const reply = (text: string) =>
      replyEphemeral({ respond, client, logger: deps.logger, channel, user }, renderNotice(text));
    const value = decodeWithdrawValue(action.value);
    if (!value) {
      deps.logger.warn({ value: action.value }, "ignoring a Withdraw click with an unreadable value");
      return;
    }
    const language = await languageFor(client, deps, user);
    const notFound = REQUEST_WORDS[language].status.notFound(value.reference);
    let request: Request;
    try {
      request = await deps.api.getRequest(value.reference);
    } catch (error) {
      logRefusedKey(deps.logger, error, "requests:read");
      await reply(
        apiStatus(error) === 404
          ? notFound
          : describeMoveFailure(error, value.reference, undefined, language),
      );
      return;
    }
    if (request.requester.slackUserId !== user && !deps.triagers.has(user)) {
      await reply(notFound);
      return;
    }
    let moved: Request;
    try {
      moved = await deps.api.transitionRequest(value.reference, { to: "withdrawn", actor: user });
    } catch (error) {
      logRefusedKey(deps.logger, error, "requests:manage");
      const current =
        apiStatus(error) === 409
          ? await deps.api.getRequest(value.reference).catch(() => undefined)
          : undefined;
      await reply(describeMoveFailure(error, value.reference, current, language));
      return;
    }
    const notice = renderMoveNotice(moved, lastMove(moved, "withdrawn", user), language);
    if (container?.type === "message" && !container.isEphemeral) {
      await client.chat
        .update({
          channel: container.channel,
          ts: container.messageTs,
          text: notice.text,
          blocks: notice.blocks,
        })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, "could not update the message withdrawn from"),
        );
    } else {
      await reply(notice.text);
    }
    if (!deps.statusUpdates.isActive()) await refreshTriageCard(announceContextFor(deps, client), moved);
  };
}
