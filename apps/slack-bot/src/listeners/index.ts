import type { App } from "@slack/bolt";
import type { BotDeps } from "../deps.js";
import { dedupeEvents } from "../middleware/dedupe-events.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerOptions } from "./options/index.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { registerViews } from "./views/index.js";

/** Wires every listener (and the event de-duplication that runs before them) to the app. */
export function registerListeners(app: App, deps: BotDeps): void {
  app.use(dedupeEvents(deps.deduper, deps.logger));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
  registerOptions(app, deps);
}
