import type { App } from "@slack/bolt";
import { ACTION_IDS } from "../../blocks/ids.js";
import { loadThemeOptions } from "./theme-options.js";

export function registerOptions(app: App): void {
  app.options({ action_id: ACTION_IDS.pickTheme, type: "block_suggestion" }, loadThemeOptions);
}
