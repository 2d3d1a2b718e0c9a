import type { App } from "@slack/bolt";
import type { BotDeps } from "../../deps.js";
import { bsiCommand } from "./bsi-command.js";

export function registerCommands(app: App, deps: BotDeps): void {
  app.command("/bsi", bsiCommand(deps));
}
