import { parseCommand } from "../answers/parse-command.js";
import { type DeskQuery, decodeQuery } from "../answers/query.js";
import { runQuery } from "../answers/run-query.js";
import type { DeskApi } from "../api.js";
import { renderNotice } from "../blocks/answer.js";
import { renderHelp } from "../blocks/help.js";
import { ACTION_IDS } from "../blocks/ids.js";
import type { SlackMessage } from "../blocks/types.js";
import { REQUEST_IN_SLACK_ONLY } from "../listeners/commands/bsi-command.js";
import { renderMessageAsText, type TextStyle } from "./render-text.js";

export interface ChatSession {
  /** Answers one line as the bot would (commands as with /bsi, anything else as a question). */
  answer(line: string): Promise<string>;
}

function showMoreQuery(message: SlackMessage): DeskQuery | undefined {
  for (const block of message.blocks) {
    if (block.type !== "actions") continue;
    for (const element of block.elements) {
      if (element.type === "button" && element.action_id === ACTION_IDS.showMore)
        return decodeQuery(element.value);
    }
  }
  return undefined;
}

/**
 * The bot in a terminal: the same parsing, the same API calls through the client and the same
 * Block Kit, rendered as text. The person at the terminal runs the API, so sees every request.
 */
export function createChatSession(options: {
  api: DeskApi;
  apiUrl: string;
  style: TextStyle;
  now?: () => Date;
}): ChatSession {
  let more: DeskQuery | undefined;
  const context = {
    api: options.api,
    apiUrl: options.apiUrl,
    viewer: { slackUserId: undefined, seesAllRequests: true },
    ...(options.now ? { now: options.now } : {}),
  };
  const render = (message: SlackMessage) => renderMessageAsText(message, options.style);

  return {
    async answer(line) {
      const text = line.trim().replace(/^\/bsi\b\s*/i, "");
      if (/^(more|show more)$/i.test(text)) {
        if (!more) return "There is nothing more to show.";
        const message = await runQuery(more, context);
        more = showMoreQuery(message);
        return render(message);
      }
      const parsed = parseCommand(text);
      let message: SlackMessage;
      if (parsed.kind === "help") {
        message = renderHelp({
          prefix: "",
          intro: parsed.unknown
            ? `There is no "${parsed.unknown}" command. Ask a question in plain words, or use:`
            : "Ask a question in plain words, or use these commands (the same as /bsi in Slack):",
        });
      } else if (parsed.kind === "request") {
        message = renderNotice(REQUEST_IN_SLACK_ONLY);
      } else {
        message = await runQuery(parsed.query, context);
      }
      more = showMoreQuery(message);
      return render(message);
    },
  };
}
