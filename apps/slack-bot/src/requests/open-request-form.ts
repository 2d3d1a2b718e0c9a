import type { webApi } from "@slack/bolt";
import { buildRequestForm, type ModalView, type RequestFormInput } from "../blocks/request-form.js";
import type { Language } from "../blocks/words.js";
import { slackErrorCode } from "../slack/deliver.js";
import { type Profile, type ProfileContext, readProfile, within } from "./profiles.js";

type WebClient = webApi.WebClient;

export interface OpenFormInput {
  triggerId: string;
  userId: string;
  summary?: string;
  details?: string;
  /** The message a shortcut files: its permalink is put in the form. */
  source?: { channel: string; ts: string };
}

/**
 * How long the form waits for the user's profile (language, name, email) and the message's
 * permalink before opening without them. Slack usually answers in a fraction of this, and
 * `views.open` still has over two of the trigger's three seconds.
 */
export const PREFILL_WAIT_MS = 800;

async function readPermalink(
  client: WebClient,
  context: ProfileContext,
  source: { channel: string; ts: string } | undefined,
): Promise<string | undefined> {
  if (!source) return undefined;
  try {
    const { permalink } = await client.chat.getPermalink({ channel: source.channel, message_ts: source.ts });
    return typeof permalink === "string" ? permalink : undefined;
  } catch (error) {
    context.logger.info({ err: error, code: slackErrorCode(error) }, "could not get the message's permalink");
    return undefined;
  }
}

/** The form in the user's language, with what their profile and the message's permalink add. */
function formFor(
  input: OpenFormInput,
  profile: Profile,
  permalink: string | undefined,
): { view: ModalView; language: Language } {
  const form: RequestFormInput = {
    ...(input.summary ? { summary: input.summary } : {}),
    ...(input.details ? { details: input.details } : {}),
    ...(profile.email ? { email: profile.email } : {}),
    metadata: {
      ...(input.source ? { source: input.source } : {}),
      ...(profile.name ? { name: profile.name } : {}),
      ...(permalink ? { permalink } : {}),
      ...(profile.language ? { language: profile.language } : {}),
    },
  };
  return { view: buildRequestForm(form), language: profile.language ?? "en" };
}

/**
 * Opens the request form in the user's language (their Slack locale), prefilled with their name
 * and email and, for a shortcut, the message's permalink. A profile read in the last few minutes
 * is used at once; otherwise Slack is asked and `views.open` waits for the answers at most
 * PREFILL_WAIT_MS, so that it is made well within Slack's 3 s trigger window. Answers that come
 * later are put in with `views.update` (the form switches to the user's language); Slack keeps
 * what the user has typed meanwhile (same block and action ids).
 */
export async function openRequestForm(
  client: WebClient,
  context: ProfileContext,
  input: OpenFormInput,
): Promise<{ isOpen: boolean; language: Language }> {
  const { logger } = context;
  const known = context.profiles?.get(input.userId);
  const lookups = Promise.all([
    known ?? readProfile(client, context, input.userId),
    readPermalink(client, context, input.source),
  ]);
  // Nothing to wait for when the profile is known and there is no message to link to.
  const early: [Profile, string | undefined] | undefined =
    known && !input.source ? [known, undefined] : await within(lookups, PREFILL_WAIT_MS);
  const first = early ? formFor(input, early[0], early[1]) : formFor(input, known ?? {}, undefined);
  const language = first.language;
  let opened: Awaited<ReturnType<WebClient["views"]["open"]>>;
  try {
    opened = await client.views.open({ trigger_id: input.triggerId, view: first.view });
  } catch (error) {
    logger.warn({ err: error, code: slackErrorCode(error) }, "could not open the request form");
    return { isOpen: false, language };
  }
  const viewId = opened.view?.id;
  if (early || !viewId) return { isOpen: true, language };
  const [profile, permalink] = await lookups;
  const filled = formFor(input, profile, permalink);
  if (JSON.stringify(filled.view) === JSON.stringify(first.view)) return { isOpen: true, language };
  try {
    await client.views.update({
      view_id: viewId,
      ...(opened.view?.hash ? { hash: opened.view.hash } : {}),
      view: filled.view,
    });
  } catch (error) {
    // hash_conflict: the view changed meanwhile (the user moved on); the form works without it.
    logger.info({ err: error, code: slackErrorCode(error) }, "could not prefill the request form");
  }
  return { isOpen: true, language: filled.language };
}
