import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { buildRequestForm, type RequestFormInput, type RequestFormMetadata } from "../blocks/request-form.js";
import { slackErrorCode } from "../slack/deliver.js";

type WebClient = webApi.WebClient;

export interface OpenFormInput {
  triggerId: string;
  userId: string;
  summary?: string;
  details?: string;
  /** The message a shortcut files: its permalink is fetched after the form is open. */
  source?: { channel: string; ts: string };
}

/** The requester's name and email from their Slack profile; the email needs users:read.email. */
async function readProfile(
  client: WebClient,
  logger: Logger,
  userId: string,
): Promise<{ name?: string; email?: string }> {
  try {
    const { user } = await client.users.info({ user: userId });
    const profile = user?.profile;
    const name = profile?.real_name || user?.real_name || profile?.display_name || user?.name;
    return {
      ...(name ? { name } : {}),
      ...(profile?.email ? { email: profile.email } : {}),
    };
  } catch (error) {
    // missing_scope (no users:read.email / users:read) or anything else: the user types it.
    logger.info({ err: error, code: slackErrorCode(error) }, "could not read the user's profile");
    return {};
  }
}

async function readPermalink(
  client: WebClient,
  logger: Logger,
  source: { channel: string; ts: string } | undefined,
): Promise<string | undefined> {
  if (!source) return undefined;
  try {
    const { permalink } = await client.chat.getPermalink({ channel: source.channel, message_ts: source.ts });
    return typeof permalink === "string" ? permalink : undefined;
  } catch (error) {
    logger.info({ err: error, code: slackErrorCode(error) }, "could not get the message's permalink");
    return undefined;
  }
}

/**
 * Opens the request form. `views.open` goes first, while Slack's trigger_id is still valid (3 s);
 * the slower look-ups (profile email and name, the message's permalink) follow and are put in with
 * `views.update`. Slack keeps what the user has typed meanwhile (same block and action ids).
 * Resolves false when the form could not be opened.
 */
export async function openRequestForm(
  client: WebClient,
  logger: Logger,
  input: OpenFormInput,
): Promise<boolean> {
  const form: RequestFormInput = {
    ...(input.summary ? { summary: input.summary } : {}),
    ...(input.details ? { details: input.details } : {}),
    metadata: input.source ? { source: input.source } : {},
  };
  let opened: Awaited<ReturnType<WebClient["views"]["open"]>>;
  try {
    opened = await client.views.open({ trigger_id: input.triggerId, view: buildRequestForm(form) });
  } catch (error) {
    logger.warn({ err: error, code: slackErrorCode(error) }, "could not open the request form");
    return false;
  }
  const viewId = opened.view?.id;
  if (!viewId) return true;
  const [profile, permalink] = await Promise.all([
    readProfile(client, logger, input.userId),
    readPermalink(client, logger, input.source),
  ]);
  if (!profile.name && !profile.email && !permalink) return true;
  const metadata: RequestFormMetadata = {
    ...form.metadata,
    ...(profile.name ? { name: profile.name } : {}),
    ...(permalink ? { permalink } : {}),
  };
  try {
    await client.views.update({
      view_id: viewId,
      ...(opened.view?.hash ? { hash: opened.view.hash } : {}),
      view: buildRequestForm({ ...form, ...(profile.email ? { email: profile.email } : {}), metadata }),
    });
  } catch (error) {
    // hash_conflict: the view changed meanwhile (the user moved on); the form works without it.
    logger.info({ err: error, code: slackErrorCode(error) }, "could not prefill the request form");
  }
  return true;
}
