import type { webApi } from "@slack/bolt";
import { runQuery } from "../../answers/run-query.js";
import { renderHelp } from "../../blocks/help.js";
import { type BotDeps, PUBLIC_VIEWER, queryContextFor, viewerFor } from "../../deps.js";
import { postInThread } from "../../slack/deliver.js";
import { slackTextToPlain } from "../../slack/text.js";

/**
 * Answers a mention or a direct message in a thread under it. Empty text or "help" gets the help;
 * anything else goes to the assistant through `POST /v1/ask`.
 */
export async function answerInThread(
  client: webApi.WebClient,
  deps: BotDeps,
  input: {
    channel: string;
    ts: string;
    threadTs: string | undefined;
    user: string;
    text: string;
    botUserId: string | undefined;
  },
): Promise<void> {
  const question = slackTextToPlain(input.text, input.botUserId);
  const target = { channel: input.channel, threadTs: input.threadTs ?? input.ts };
  if (question === "" || /^help[.!?]?$/i.test(question)) {
    await postInThread(
      client,
      deps.logger,
      target,
      renderHelp({ intro: "Hello! Ask me a question in plain words, or use these commands:" }),
    );
    return;
  }
  const message = await runQuery(
    { kind: "ask", question: question.slice(0, 1500) },
    queryContextFor(deps, {
      // A thread in a channel is public: requests, which are private, are shown only in a DM.
      viewer: input.channel.startsWith("D") ? viewerFor(deps, input.user) : PUBLIC_VIEWER,
    }),
  );
  await postInThread(client, deps.logger, target, message);
}
