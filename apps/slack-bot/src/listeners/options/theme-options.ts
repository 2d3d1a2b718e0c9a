import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { themeOptions } from "../../blocks/home.js";

/** Options load for the practices picker: themes matching what the user typed, from the domain taxonomy. */
export async function loadThemeOptions({
  ack,
  options,
}: SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs): Promise<void> {
  const typed = typeof options.value === "string" ? options.value : "";
  await ack({ options: themeOptions(typed.slice(0, 200)) });
}
