import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from "@slack/bolt";

/** Link buttons ("Add to calendar") open in the browser; Slack still sends the click and wants an ack. */
export async function acknowledgeLink({ ack }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  await ack();
}
