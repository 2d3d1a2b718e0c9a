import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotDeps } from "../../deps.js";
import { publishHome, readHomeState } from "../../home/publish-home.js";

/** The user opened the Home tab: publish it if its content changed since Slack last showed it. */
export function appHomeOpened(deps: BotDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home" || typeof event.user !== "string") return;
    const current = (event as { view?: unknown }).view;
    await publishHome(client, deps, {
      userId: event.user,
      theme: readHomeState(current).theme,
      currentView: current,
    });
  };
}
