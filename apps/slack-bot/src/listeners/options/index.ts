import type { App } from "@slack/bolt";
import { ACTION_IDS } from "../../blocks/ids.js";
import type { BotDeps } from "../../deps.js";
import { loadEventOptions } from "./event-options.js";
import { loadMemberStateOptions } from "./member-state-options.js";
import { loadThemeOptions } from "./theme-options.js";

export function registerOptions(app: App, deps: BotDeps): void {
  app.options({ action_id: ACTION_IDS.pickTheme, type: "block_suggestion" }, loadThemeOptions);
  app.options({ action_id: ACTION_IDS.memberState, type: "block_suggestion" }, loadMemberStateOptions);
  app.options({ action_id: ACTION_IDS.relatedEvent, type: "block_suggestion" }, loadEventOptions(deps));
}
