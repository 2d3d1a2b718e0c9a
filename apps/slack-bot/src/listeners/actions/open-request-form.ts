import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { BotDeps } from "../../deps.js";
import { openRequestForm as openForm } from "../../requests/open-request-form.js";

/** The Home's "File a request" button: the request form, opened while the trigger is fresh. */
export function openRequestForm(deps: BotDeps) {
  return async ({
    ack,
    body,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await openForm(client, deps, { triggerId: body.trigger_id, userId: body.user.id });
  };
}
