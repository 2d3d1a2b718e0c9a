import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { decodeFormMetadata } from "../../blocks/request-form.js";
import { countryOptions } from "../../blocks/request-options.js";

/**
 * Options load for the form's Member State: countries whose name in any UN language (or code)
 * matches, named in the language the form is in.
 */
export async function loadMemberStateOptions({
  ack,
  options,
  body,
}: SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs): Promise<void> {
  const typed = typeof options.value === "string" ? options.value : "";
  const { language } = decodeFormMetadata(body.view?.private_metadata);
  await ack({ options: countryOptions(typed.slice(0, 100), language) });
}
