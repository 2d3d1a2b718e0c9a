import type { Request } from "@bsi/domain";
import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { type Move, renderMoveNotice, renderReceipt } from "../blocks/request-notice.js";
import type { SlackMessage } from "../blocks/types.js";
import { slackErrorCode } from "../slack/deliver.js";
import { languageFor, type ProfileCache } from "./profiles.js";
import { type CardLocation, findTriageCard, postTriageCard, updateTriageCard } from "./triage-cards.js";

type WebClient = webApi.WebClient;

export interface AnnounceContext {
  client: WebClient;
  logger: Logger;
  triageChannel: string | undefined;
  /** Profiles read from Slack: the requester's language for their DMs. */
  profiles?: ProfileCache | undefined;
  now?: () => Date;
}

/**
 * Slack said no for good (`channel_not_found`, `user_not_found`, `not_in_channel`…): retrying will
 * not help, so it is logged and the rest carries on. Anything else (Slack unreachable, HTTP 5xx,
 * rate limits outlasting the retries) is thrown, so a webhook delivery is retried by the API.
 */
function isPermanent(error: unknown): boolean {
  return slackErrorCode(error) !== undefined;
}

/** Sends a DM to a Slack user (conversations.open, then chat.postMessage). */
export async function sendDirectMessage(
  context: AnnounceContext,
  userId: string,
  message: SlackMessage,
): Promise<boolean> {
  try {
    const opened = await context.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error("conversations.open gave no channel");
    await context.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    return true;
  } catch (error) {
    if (!isPermanent(error)) throw error;
    context.logger.warn({ err: error, user: userId }, "could not send a direct message");
    return false;
  }
}

/**
 * A new request: its card in the triage channel (unless one is there already, so a repeat posts
 * nothing new), then the receipt to the requester. Throws on a transient Slack failure.
 * `hasNoCard` skips the look through the channel's history (up to 600 messages) when the caller
 * knows there is no card: the request was filed by this very call, or the caller just looked.
 */
export async function announceNewRequest(
  context: AnnounceContext,
  request: Request,
  options: { hasNoCard?: boolean } = {},
): Promise<void> {
  const channel = context.triageChannel;
  if (channel) {
    try {
      const existing = options.hasNoCard
        ? undefined
        : await findTriageCard(context.client, channel, request, context.now);
      if (!existing) await postTriageCard(context.client, channel, request);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      context.logger.error(
        { err: error, channel, reference: request.reference },
        "could not post the triage card: is the bot in SLACK_TRIAGE_CHANNEL?",
      );
    }
  }
  const requester = request.requester.slackUserId;
  if (requester) {
    const language = await languageFor(context.client, context, requester);
    await sendDirectMessage(context, requester, renderReceipt(request, language));
  }
}

/**
 * How long after filing a missing card is taken to be on its way: the API sends webhook deliveries
 * concurrently, so a move can arrive while the card for `request.created` is still being posted.
 */
export const CARD_GRACE_MS = 60_000;

/** A move arrived before its request's card: the delivery is answered 503 and retried by the API. */
export class CardNotPostedYetError extends Error {}

/**
 * Shows a request's current state on its card: at `known` when the caller has it (a click on the
 * card), else found through the channel history. A card already showing a later state is left as
 * it is (a late webhook must not wind it back). A request without a card gets one — with
 * `awaitCreatedCard`, only once it is older than CARD_GRACE_MS (before that the card is presumed on
 * its way, and CardNotPostedYetError asks for the delivery to be retried), so that a move and a
 * filing delivered at once do not make two cards.
 */
export async function refreshTriageCard(
  context: AnnounceContext,
  request: Request,
  known?: CardLocation,
  options: { awaitCreatedCard?: boolean } = {},
): Promise<void> {
  const channel = known?.channel ?? context.triageChannel;
  if (!channel) return;
  try {
    if (known) {
      await updateTriageCard(context.client, known, request);
      return;
    }
    const found = await findTriageCard(context.client, channel, request, context.now);
    if (!found) {
      const now = (context.now ?? (() => new Date()))().getTime();
      const age = now - Date.parse(request.createdAt);
      if (options.awaitCreatedCard && age < CARD_GRACE_MS) {
        throw new CardNotPostedYetError(`the card of ${request.reference} is not posted yet`);
      }
      await postTriageCard(context.client, channel, request);
      return;
    }
    if (found.version > (request.history?.length ?? 0)) return;
    await updateTriageCard(context.client, found, request);
  } catch (error) {
    if (!isPermanent(error)) throw error;
    context.logger.error(
      { err: error, channel, reference: request.reference },
      "could not update the triage card",
    );
  }
}

/** A move: the card shows it, and the requester hears of it (with the note). */
export async function announceMove(
  context: AnnounceContext,
  request: Request,
  move: Move,
  options: { card?: CardLocation; notifyRequester: boolean; awaitCreatedCard?: boolean },
): Promise<void> {
  await refreshTriageCard(context, request, options.card, {
    ...(options.awaitCreatedCard ? { awaitCreatedCard: true } : {}),
  });
  if (options.notifyRequester) await tellRequesterOfMove(context, request, move);
}

/** The requester's DM about a move, in their language (their Slack locale; English if unknown). */
export async function tellRequesterOfMove(
  context: AnnounceContext,
  request: Request,
  move: Move,
): Promise<void> {
  const requester = request.requester.slackUserId;
  if (!requester) return;
  const language = await languageFor(context.client, context, requester);
  await sendDirectMessage(context, requester, renderMoveNotice(request, move, language));
}
