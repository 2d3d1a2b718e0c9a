import { ApiError } from "@bsi/client";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { apiStatus, isUnavailable, logRefusedKey } from "../../answers/failures.js";
import { API_TIMEOUT_MS } from "../../api.js";
import { FORM_BLOCK_IDS } from "../../blocks/ids.js";
import { buildFiledView, decodeFormMetadata } from "../../blocks/request-form.js";
import { REQUEST_WORDS } from "../../blocks/request-words.js";
import type { Language } from "../../blocks/words.js";
import { announceContextFor, type BotDeps } from "../../deps.js";
import { announceNewRequest } from "../../requests/announce.js";
import { type FiledRequest, fileBefore, isKeyInProgress } from "../../requests/file-request.js";
import {
  errorsForFields,
  type FormErrors,
  idempotencyKeyFor,
  readRequestForm,
} from "../../requests/request-form.js";
import { findTriageCard } from "../../requests/triage-cards.js";

/** How long a repeat waits before checking that the first submission posted the card. */
const REPLAY_SETTLE_MS = 1500;

/**
 * The messages for a filing the API did not accept, under the inputs (the form stays open), in the
 * requester's language. The Idempotency-Key is the view and what the form says: only the same form
 * is filed once, so "press Submit again" is safe as long as the form is left as it is.
 */
export function describeFilingFailure(error: unknown, language: Language = "en"): FormErrors {
  const words = REQUEST_WORDS[language].filingFailures;
  const top = FORM_BLOCK_IDS.type;
  if (isUnavailable(error)) return { [top]: words.unreachable };
  if (isKeyInProgress(error)) return { [top]: words.stillFiling };
  const status = apiStatus(error);
  if ((status === 400 || status === 422) && error instanceof ApiError) {
    const errors = errorsForFields(error.fieldErrors(), language);
    if (Object.keys(errors).length > 0) return errors;
    return { [top]: words.refused(error.problem.detail) };
  }
  if (status === 401) return { [top]: words.misconfigured };
  if (status === 403) return { [top]: words.notAllowed };
  if (status === 429) return { [top]: words.busy };
  return { [top]: words.problem };
}

/**
 * The request form submitted. Validated with the domain schema first (each failing field gets
 * its message under it); then filed with an Idempotency-Key made from the view, so a double click
 * or a redelivery files one request. Slack closes the form with an error unless it is answered
 * within 3 s, so the API gets at most 2.5 s; when it is down or slow the form stays open with
 * everything typed and says to press Submit again. Filed, the form turns into a confirmation.
 * Everything is said in the language the form was opened in.
 */
export function submitRequest(deps: BotDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const deadline = Date.now() + API_TIMEOUT_MS;
    const metadata = decodeFormMetadata(view.private_metadata);
    const language = metadata.language ?? "en";
    const outcome = readRequestForm(view.state.values, metadata, {
      userId: body.user.id,
      teamId: body.user.team_id ?? body.team?.id,
      userName: body.user.name,
    });
    if (!outcome.ok) {
      await ack({ response_action: "errors", errors: outcome.errors });
      return;
    }
    let filed: FiledRequest;
    try {
      filed = await fileBefore(deps.fileRequest, outcome.request, {
        idempotencyKey: idempotencyKeyFor(view.id, outcome.request),
        deadline,
      });
    } catch (error) {
      const status = apiStatus(error);
      if (status === 401 || status === 403) logRefusedKey(deps.logger, error, "requests:write");
      else if (
        !isUnavailable(error) &&
        status !== 400 &&
        status !== 422 &&
        status !== 429 &&
        !isKeyInProgress(error)
      )
        deps.logger.error({ err: error }, "the API refused to file a request");
      await ack({ response_action: "errors", errors: describeFilingFailure(error, language) });
      return;
    }
    await ack({
      response_action: "update",
      view: buildFiledView(filed.request, { hasTriageChannel: deps.triageChannel !== undefined, language }),
    });
    deps.logger.info(
      { reference: filed.request.reference, isReplay: filed.isReplay, user: body.user.id },
      "request filed from Slack",
    );
    // With webhooks on, the API's request.created delivery posts the card and the receipt.
    if (deps.statusUpdates.isActive()) return;
    const announce = announceContextFor(deps, client);
    try {
      if (filed.isReplay) {
        // The first submission announced it, unless the API filed it after the bot gave up.
        if (!deps.triageChannel) return;
        await new Promise((resolve) => setTimeout(resolve, REPLAY_SETTLE_MS));
        if (await findTriageCard(client, deps.triageChannel, filed.request, deps.now)) return;
      }
      // Filed by this submission, or a replay whose card was just looked for: no card to find,
      // unless webhook deliveries can still arrive (a secret is set though the subscription is not
      // confirmed) and one may have posted it meanwhile.
      const mayHaveDeliveries = deps.statusUpdates.secret() !== undefined;
      await announceNewRequest(announce, filed.request, { hasNoCard: !mayHaveDeliveries });
    } catch (error) {
      deps.logger.error(
        { err: error, reference: filed.request.reference },
        "could not announce a new request",
      );
    }
  };
}
