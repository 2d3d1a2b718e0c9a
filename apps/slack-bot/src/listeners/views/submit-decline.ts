import { REQUEST_LIMITS, type Request } from "@bsi/domain";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { apiStatus, logRefusedKey } from "../../answers/failures.js";
import { ACTION_IDS, FORM_BLOCK_IDS } from "../../blocks/ids.js";
import { decodeDeclineMetadata } from "../../blocks/request-form.js";
import { announceContextFor, type BotDeps } from "../../deps.js";
import { refreshTriageCard, tellRequesterOfMove } from "../../requests/announce.js";
import { describeMoveFailure } from "../../requests/move-failures.js";
import { lastMove } from "../../requests/moves.js";
import { NOT_A_TRIAGER } from "../actions/move-request.js";

/**
 * The decline form submitted: a reason is required (the requester is told it). The move is made
 * before answering Slack, so a refusal or an unreachable API keeps the form open with the reason
 * typed; once made, the form closes and the card shows the decline.
 */
export function submitDecline(deps: BotDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const target = decodeDeclineMetadata(view.private_metadata);
    const noteBlock = FORM_BLOCK_IDS.declineNote;
    const user = body.user.id;
    if (!target) {
      deps.logger.warn("a decline form without its request; closing it");
      await ack();
      return;
    }
    if (!deps.triagers.has(user)) {
      await ack({ response_action: "errors", errors: { [noteBlock]: NOT_A_TRIAGER } });
      return;
    }
    const note = view.state.values[noteBlock]?.[ACTION_IDS.input]?.value?.trim() ?? "";
    if (!note) {
      await ack({
        response_action: "errors",
        errors: { [noteBlock]: "Say why it is declined: the requester is told this reason." },
      });
      return;
    }
    if (Array.from(note).length > REQUEST_LIMITS.note) {
      await ack({
        response_action: "errors",
        errors: { [noteBlock]: `Must be at most ${REQUEST_LIMITS.note.toLocaleString("en")} characters.` },
      });
      return;
    }
    let moved: Request;
    try {
      moved = await deps.api.transitionRequest(target.reference, { to: "declined", note, actor: user });
    } catch (error) {
      await ack({
        response_action: "errors",
        errors: { [noteBlock]: describeMoveFailure(error, target.reference) },
      });
      logRefusedKey(deps.logger, error, "requests:manage");
      if (apiStatus(error) === 409) {
        // Show the card as the request now stands, so the triager sees who moved it first.
        const current = await deps.api.getRequest(target.reference).catch(() => undefined);
        if (current) await refreshTriageCard(announceContextFor(deps, client), current, target.card);
      }
      return;
    }
    await ack();
    const announce = announceContextFor(deps, client);
    await refreshTriageCard(announce, moved, target.card);
    if (!deps.statusUpdates.isActive()) {
      await tellRequesterOfMove(announce, moved, lastMove(moved, "declined", user));
    }
  };
}
