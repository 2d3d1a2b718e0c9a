import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { BotDeps } from "../../deps.js";
import { publishHome, readHomeState } from "../../home/publish-home.js";

/** The Home's Refresh button: publish it again, keeping the theme the user picked. */
export function refreshHome(deps: BotDeps) {
  return async ({
    ack,
    body,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await publishHome(client, deps, {
      userId: body.user.id,
      theme: readHomeState(body.view).theme,
      force: true,
    });
  };
}
