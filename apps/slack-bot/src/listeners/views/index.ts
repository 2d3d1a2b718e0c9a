import type { App, ViewSubmitAction } from "@slack/bolt";
import { CALLBACK_IDS } from "../../blocks/ids.js";
import type { BotDeps } from "../../deps.js";
import { submitDecline } from "./submit-decline.js";
import { submitRequest } from "./submit-request.js";

export function registerViews(app: App, deps: BotDeps): void {
  app.view<ViewSubmitAction>(
    { callback_id: CALLBACK_IDS.requestForm, type: "view_submission" },
    submitRequest(deps),
  );
  app.view<ViewSubmitAction>(
    { callback_id: CALLBACK_IDS.declineForm, type: "view_submission" },
    submitDecline(deps),
  );
}
