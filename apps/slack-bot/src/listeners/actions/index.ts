import type { App, BlockAction, ButtonAction, ExternalSelectAction } from "@slack/bolt";
import { ACTION_IDS, MOVE_ACTION_PATTERN } from "../../blocks/ids.js";
import type { BotDeps } from "../../deps.js";
import { acknowledgeLink } from "./acknowledge-link.js";
import { moveRequest } from "./move-request.js";
import { openRequestForm } from "./open-request-form.js";
import { pickTheme } from "./pick-theme.js";
import { refreshHome } from "./refresh-home.js";
import { shareInChannel } from "./share-in-channel.js";
import { showMore } from "./show-more.js";
import { withdrawRequest } from "./withdraw-request.js";

export function registerActions(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.showMore, showMore(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, shareInChannel(deps));
  app.action<BlockAction<ExternalSelectAction>>(ACTION_IDS.pickTheme, pickTheme(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.refreshHome, refreshHome(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.openRequestForm, openRequestForm(deps));
  app.action<BlockAction<ButtonAction>>(MOVE_ACTION_PATTERN, moveRequest(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.withdrawRequest, withdrawRequest(deps));
  app.action(ACTION_IDS.addToCalendar, acknowledgeLink);
  app.action(ACTION_IDS.openSource, acknowledgeLink);
}
