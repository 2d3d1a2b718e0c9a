import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { countryOptions } from "../../blocks/request-options.js";

/** Options load for the form's Member State: countries whose English or French name (or code) matches. */
export async function loadMemberStateOptions({
  ack,
  options,
}: SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs): Promise<void> {
  const typed = typeof options.value === "string" ? options.value : "";
  await ack({ options: countryOptions(typed.slice(0, 100)) });
}
