import type { App, BlockAction, ButtonAction, ExternalSelectAction } from "@slack/bolt";
import { ACTION_IDS } from "../../blocks/ids.js";
import type { BotDeps } from "../../deps.js";
import { acknowledgeLink } from "./acknowledge-link.js";
import { pickTheme } from "./pick-theme.js";
import { refreshHome } from "./refresh-home.js";
import { shareInChannel } from "./share-in-channel.js";
import { showMore } from "./show-more.js";

export function registerActions(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.showMore, showMore(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, shareInChannel(deps));
  app.action<BlockAction<ExternalSelectAction>>(ACTION_IDS.pickTheme, pickTheme(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.refreshHome, refreshHome(deps));
  app.action(ACTION_IDS.addToCalendar, acknowledgeLink);
  app.action(ACTION_IDS.openSource, acknowledgeLink);
}
