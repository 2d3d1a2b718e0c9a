import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { toSearchWords } from "../../answers/search-words.js";
import { decodeFormMetadata } from "../../blocks/request-form.js";
import { eventOptions } from "../../blocks/request-options.js";
import type { BotDeps } from "../../deps.js";

/**
 * Options load for the form's related event: upcoming events matching the words the user typed
 * (their punctuation dropped: the API searches plain words), from the API. If the API cannot answer
 * in time the list is empty (Slack shows "no results"); the form still submits, and only a workshop
 * participation request needs an event. Dates are written in the language the form is in.
 */
export function loadEventOptions(deps: BotDeps) {
  return async ({
    ack,
    options,
    body,
  }: SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs): Promise<void> => {
    const words = toSearchWords(typeof options.value === "string" ? options.value : "");
    try {
      const page = await deps.api.listEvents({ upcoming: true, limit: 100, ...(words ? { q: words } : {}) });
      const { language } = decodeFormMetadata(body.view?.private_metadata);
      await ack({ options: eventOptions(page.items, language) });
    } catch (error) {
      deps.logger.warn({ err: error }, "could not load upcoming events for the request form");
      await ack({ options: [] });
    }
  };
}
