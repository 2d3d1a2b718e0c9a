import { REQUEST_LIMITS } from "@bsi/domain";
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { parseCommand } from "../../answers/parse-command.js";
import { runQuery } from "../../answers/run-query.js";
import { renderNotice } from "../../blocks/answer.js";
import { renderHelp } from "../../blocks/help.js";
import { escapeMrkdwn } from "../../blocks/mrkdwn.js";
import { type BotDeps, queryContextFor, viewerFor } from "../../deps.js";
import { openRequestForm } from "../../requests/open-request-form.js";
import { replyEphemeral } from "../../slack/deliver.js";

/** What the terminal chat says to `request`: filing needs a Slack user to file as. */
export const REQUEST_IN_SLACK_ONLY =
  "Requests are filed in Slack: `/bsi request [summary]`, the *File a request* button on the BSI Desk Home, or the *File as BSI request* message shortcut.";

/**
 * `/bsi …`. Slack waits at most 3 seconds for the HTTP answer, so the command is acknowledged
 * first: at once with the reply when it needs no API call (help), else empty, with the answer
 * following through the response_url; `request` opens the request form. Replies are ephemeral, with a "Share in channel" button.
 */
export function bsiCommand(deps: BotDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const text = typeof command.text === "string" ? command.text : "";
    const parsed = parseCommand(text);
    if (parsed.kind === "help") {
      const intro = parsed.unknown
        ? `There is no \`/bsi ${escapeMrkdwn(parsed.unknown)}\`. Here is what BSI Desk can do — mention me in a channel, send me a direct message, or use:`
        : undefined;
      await ack({ response_type: "ephemeral", ...renderHelp(intro ? { intro } : {}) });
      return;
    }
    if (parsed.kind === "request") {
      await ack();
      const summary = parsed.summary.trim();
      // A summary longer than the form's 150 characters is cut there, and kept whole in the details.
      const isLong = Array.from(summary).length > REQUEST_LIMITS.summary;
      const isOpen = await openRequestForm(client, deps, {
        triggerId: command.trigger_id,
        userId: command.user_id,
        ...(summary ? { summary } : {}),
        ...(isLong ? { details: summary } : {}),
      });
      if (!isOpen) {
        const echo = `request ${summary}`.trim();
        await replyEphemeral(
          { respond, client, logger: deps.logger, channel: command.channel_id, user: command.user_id },
          renderNotice("BSI Desk couldn't open the request form — run `/bsi request` again.", { echo }),
        );
      }
      return;
    }
    await ack();
    const user = command.user_id;
    const message = await runQuery(
      parsed.query,
      queryContextFor(deps, { viewer: viewerFor(deps, user), shareable: true }),
    );
    await replyEphemeral(
      { respond, client, logger: deps.logger, channel: command.channel_id, user },
      message,
    );
  };
}
