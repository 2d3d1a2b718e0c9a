import { REQUEST_LIMITS } from "@bsi/domain";
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { truncateText } from "../../blocks/mrkdwn.js";
import { renderRequestFailure } from "../../blocks/request-notice.js";
import { REQUEST_WORDS } from "../../blocks/request-words.js";
import type { BotDeps } from "../../deps.js";
import { openRequestForm } from "../../requests/open-request-form.js";
import { replyEphemeral } from "../../slack/deliver.js";
import { slackTextToPlain } from "../../slack/text.js";

/** Room left in the details for what the requester adds (the permalink is added on submission). */
const ROOM_FOR_MORE = 200;

/**
 * "File as BSI request" on a message: the request form with the message's first line as the
 * summary and its text in the details; its permalink is put in the form (see openRequestForm) and
 * added to the details when the form is submitted.
 */
export function fileMessageAsRequest(deps: BotDeps) {
  return async ({
    ack,
    shortcut,
    client,
    respond,
    context,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const text = slackTextToPlain(shortcut.message.text ?? "", context.botUserId, {
      keepLineBreaks: true,
      keepUrls: true,
    });
    const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
    const details = truncateText(text, REQUEST_LIMITS.detailsInSlack - ROOM_FOR_MORE);
    const { isOpen, language } = await openRequestForm(client, deps, {
      triggerId: shortcut.trigger_id,
      userId: shortcut.user.id,
      ...(firstLine ? { summary: truncateText(firstLine.trim(), REQUEST_LIMITS.summary) } : {}),
      ...(details ? { details } : {}),
      source: { channel: shortcut.channel.id, ts: shortcut.message.ts ?? shortcut.message_ts },
    });
    if (!isOpen) {
      await replyEphemeral(
        { respond, client, logger: deps.logger, channel: shortcut.channel.id, user: shortcut.user.id },
        renderRequestFailure(REQUEST_WORDS[language].couldNotOpenForm.shortcut, language),
      );
    }
  };
}
