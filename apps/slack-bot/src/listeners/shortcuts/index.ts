import type { App, MessageShortcut } from "@slack/bolt";
import { CALLBACK_IDS } from "../../blocks/ids.js";
import type { BotDeps } from "../../deps.js";
import { fileMessageAsRequest } from "./file-message-as-request.js";

export function registerShortcuts(app: App, deps: BotDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: CALLBACK_IDS.fileMessageShortcut, type: "message_action" },
    fileMessageAsRequest(deps),
  );
}
