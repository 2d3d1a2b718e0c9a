import { REQUEST_LIMITS } from "@bsi/domain";
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { parseCommand } from "../../answers/parse-command.js";
import { runQuery } from "../../answers/run-query.js";
import { HELP_WORDS, renderHelp } from "../../blocks/help.js";
import { escapeMrkdwn } from "../../blocks/mrkdwn.js";
import { renderRequestFailure } from "../../blocks/request-notice.js";
import { REQUEST_WORDS } from "../../blocks/request-words.js";
import { type BotDeps, queryContextFor, viewerFor } from "../../deps.js";
import { openRequestForm, PREFILL_WAIT_MS } from "../../requests/open-request-form.js";
import { languageFor } from "../../requests/profiles.js";
import { replyEphemeral } from "../../slack/deliver.js";

/** What the terminal chat says to `request`: filing needs a Slack user to file as. */
export const REQUEST_IN_SLACK_ONLY =
  "Requests are filed in Slack: `/bsi request [summary]`, the *File a request* button on the BSI Desk Home, or the *File as BSI request* message shortcut.";

/**
 * `/bsi …`. Slack waits at most 3 seconds for the HTTP answer, so the command is acknowledged
 * first: at once with the reply when it needs no API call (help), else empty, with the answer
 * following through the response_url; `request` opens the request form. Replies are ephemeral, with a "Share in channel" button.
 * Help, the request form and `status` are in the user's language (their Slack locale); help waits
 * for Slack to say which at most PREFILL_WAIT_MS, then answers in English.
 */
export function bsiCommand(deps: BotDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const text = typeof command.text === "string" ? command.text : "";
    const parsed = parseCommand(text);
    const user = command.user_id;
    if (parsed.kind === "help") {
      const language = await languageFor(client, deps, user, { waitMs: PREFILL_WAIT_MS });
      const intro = parsed.unknown
        ? HELP_WORDS[language].unknownCommand(escapeMrkdwn(parsed.unknown))
        : undefined;
      await ack({ response_type: "ephemeral", ...renderHelp({ language, ...(intro ? { intro } : {}) }) });
      return;
    }
    if (parsed.kind === "request") {
      await ack();
      const summary = parsed.summary.trim();
      // A summary longer than the form's 150 characters is cut there, and kept whole in the details.
      const isLong = Array.from(summary).length > REQUEST_LIMITS.summary;
      const { isOpen, language } = await openRequestForm(client, deps, {
        triggerId: command.trigger_id,
        userId: user,
        ...(summary ? { summary } : {}),
        ...(isLong ? { details: summary } : {}),
      });
      if (!isOpen) {
        const echo = `request ${summary}`.trim();
        await replyEphemeral(
          { respond, client, logger: deps.logger, channel: command.channel_id, user },
          renderRequestFailure(REQUEST_WORDS[language].couldNotOpenForm.command, language, echo),
        );
      }
      return;
    }
    await ack();
    const context = queryContextFor(deps, { viewer: viewerFor(deps, user), shareable: true });
    // Requests are the user's own business: their status is told in their language.
    const language = parsed.query.kind === "status" ? await languageFor(client, deps, user) : undefined;
    const message = await runQuery(parsed.query, { ...context, ...(language ? { language } : {}) });
    await replyEphemeral(
      { respond, client, logger: deps.logger, channel: command.channel_id, user },
      message,
    );
  };
}
