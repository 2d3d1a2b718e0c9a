import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { parseCommand } from "../../answers/parse-command.js";
import { runQuery } from "../../answers/run-query.js";
import { renderNotice } from "../../blocks/answer.js";
import { renderHelp } from "../../blocks/help.js";
import { escapeMrkdwn } from "../../blocks/mrkdwn.js";
import { type BotDeps, queryContextFor, viewerFor } from "../../deps.js";
import { replyEphemeral } from "../../slack/deliver.js";

export const REQUEST_NOT_READY =
  "Filing a request from Slack is coming soon. Until then, please contact the BSI team at UNCCT directly.";

/**
 * `/bsi …`. Slack waits at most 3 seconds for the HTTP answer, so the command is acknowledged
 * first: at once with the reply when it needs no API call (help), else empty, with the answer
 * following through the response_url. Replies are ephemeral, with a "Share in channel" button.
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
      const echo = `request ${parsed.summary}`.trim();
      await ack({
        response_type: "ephemeral",
        ...renderNotice(REQUEST_NOT_READY, parsed.summary ? { echo } : {}),
      });
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
