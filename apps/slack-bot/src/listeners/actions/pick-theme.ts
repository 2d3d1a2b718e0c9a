import { isThemeCode } from "@bsi/domain";
import type {
  AllMiddlewareArgs,
  BlockAction,
  ExternalSelectAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import { runQuery } from "../../answers/run-query.js";
import { type BotDeps, queryContextFor, viewerFor } from "../../deps.js";
import { publishHome } from "../../home/publish-home.js";
import { replyEphemeral } from "../../slack/deliver.js";
import { readContainer } from "./container.js";

/** A theme picked in the practices picker: on the Home it republishes the Home, elsewhere it replies. */
export function pickTheme(deps: BotDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ExternalSelectAction>> & AllMiddlewareArgs) => {
    await ack();
    const theme = action.selected_option?.value;
    if (!theme || !isThemeCode(theme)) return;
    const container = readContainer(body);
    const user = body.user.id;
    if (container?.type === "view") {
      await publishHome(client, deps, { userId: user, theme, force: true });
      return;
    }
    const message = await runQuery(
      { kind: "practices", topic: theme },
      queryContextFor(deps, { viewer: viewerFor(deps, user), shareable: true }),
    );
    await replyEphemeral(
      {
        respond,
        client,
        logger: deps.logger,
        channel: container?.type === "message" ? container.channel : body.channel?.id,
        user,
        replaceOriginal: true,
      },
      message,
    );
  };
}
