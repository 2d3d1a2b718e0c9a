import type { Request } from "@bsi/domain";
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { apiStatus, logRefusedKey } from "../../answers/failures.js";
import { renderNotice } from "../../blocks/answer.js";
import { buildDeclineForm } from "../../blocks/request-form.js";
import { decodeMoveValue } from "../../blocks/triage-card.js";
import { announceContextFor, type BotDeps } from "../../deps.js";
import { refreshTriageCard, tellRequesterOfMove } from "../../requests/announce.js";
import { describeMoveFailure } from "../../requests/move-failures.js";
import { lastMove } from "../../requests/moves.js";
import type { CardLocation } from "../../requests/triage-cards.js";
import { replyEphemeral, slackErrorCode } from "../../slack/deliver.js";
import { readContainer } from "./container.js";

export const NOT_A_TRIAGER =
  "Only the BSI triage team can move requests, so nothing was changed. Ask a triager if this request needs to move.";

/**
 * A triage button on a request's card. Only SLACK_TRIAGERS may move a request: anyone else is
 * told so privately and nothing changes. "Decline" opens a form asking why; the other moves are
 * made at once, and the card is updated to show the new status, its history and the next moves.
 */
export function moveRequest(deps: BotDeps) {
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
    const card: CardLocation | undefined =
      container?.type === "message" && !container.isEphemeral
        ? { channel: container.channel, ts: container.messageTs }
        : undefined;
    const reply = (text: string) =>
      replyEphemeral(
        { respond, client, logger: deps.logger, channel: card?.channel ?? body.channel?.id, user },
        renderNotice(text),
      );
    const move = decodeMoveValue(action.value);
    if (!move) {
      deps.logger.warn({ value: action.value }, "ignoring a triage click with an unreadable value");
      return;
    }
    if (!deps.triagers.has(user)) {
      deps.logger.info({ user, reference: move.reference }, "refused a move by someone who is not a triager");
      await reply(NOT_A_TRIAGER);
      return;
    }
    if (move.to === "declined") {
      try {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildDeclineForm({ reference: move.reference, card }),
        });
      } catch (error) {
        deps.logger.warn({ err: error, code: slackErrorCode(error) }, "could not open the decline form");
        await reply(`BSI Desk couldn't open the decline form for ${move.reference} — click Decline again.`);
      }
      return;
    }
    const announce = announceContextFor(deps, client);
    let moved: Request;
    try {
      moved = await deps.api.transitionRequest(move.reference, { to: move.to, actor: user });
    } catch (error) {
      logRefusedKey(deps.logger, error, "requests:manage");
      // Someone moved it first: show the card as the request now stands, and say where that is.
      const current =
        apiStatus(error) === 409
          ? await deps.api.getRequest(move.reference).catch(() => undefined)
          : undefined;
      if (current) await refreshTriageCard(announce, current, card);
      await reply(describeMoveFailure(error, move.reference, current));
      return;
    }
    await refreshTriageCard(announce, moved, card);
    // With webhooks on, the API's delivery tells the requester (whoever made the move).
    if (!deps.statusUpdates.isActive()) {
      await tellRequesterOfMove(announce, moved, lastMove(moved, move.to, user));
    }
  };
}
