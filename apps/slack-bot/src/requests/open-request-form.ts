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

type Profile = { name?: string; email?: string };

/** How long a profile read from Slack is reused to prefill the next form. */
const PROFILE_TTL_MS = 10 * 60_000;
const MAX_PROFILES = 1000;

/**
 * Profiles read from Slack for prefilling forms, kept a few minutes: someone who files several
 * requests gets the prefilled form at once, without a second look-up and update. Refusals
 * (missing_scope) are not kept, so granting the scope takes effect with the next form.
 */
export class ProfileCache {
  readonly #entries = new Map<string, { profile: Profile; until: number }>();

  constructor(readonly now: () => number = Date.now) {}

  get(userId: string): Profile | undefined {
    const entry = this.#entries.get(userId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.#entries.delete(userId);
      return undefined;
    }
    return entry.profile;
  }

  set(userId: string, profile: Profile): void {
    this.#entries.delete(userId);
    if (this.#entries.size >= MAX_PROFILES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(userId, { profile, until: this.now() + PROFILE_TTL_MS });
  }
}

/** The requester's name and email from their Slack profile; the email needs users:read.email. */
async function readProfile(
  client: WebClient,
  logger: Logger,
  userId: string,
  profiles: ProfileCache | undefined,
): Promise<Profile> {
  try {
    const { user } = await client.users.info({ user: userId });
    const profile = user?.profile;
    const name = profile?.real_name || user?.real_name || profile?.display_name || user?.name;
    const found = {
      ...(name ? { name } : {}),
      ...(profile?.email ? { email: profile.email } : {}),
    };
    profiles?.set(userId, found);
    return found;
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
 * `views.update`. Slack keeps what the user has typed meanwhile (same block and action ids). A
 * profile read in the last few minutes is put in at once, and then needs no update.
 * Resolves false when the form could not be opened.
 */
export async function openRequestForm(
  client: WebClient,
  context: { logger: Logger; profiles?: ProfileCache | undefined },
  input: OpenFormInput,
): Promise<boolean> {
  const { logger, profiles } = context;
  const known = profiles?.get(input.userId);
  const form: RequestFormInput = {
    ...(input.summary ? { summary: input.summary } : {}),
    ...(input.details ? { details: input.details } : {}),
    ...(known?.email ? { email: known.email } : {}),
    metadata: {
      ...(input.source ? { source: input.source } : {}),
      ...(known?.name ? { name: known.name } : {}),
    },
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
    known ?? readProfile(client, logger, input.userId, profiles),
    readPermalink(client, logger, input.source),
  ]);
  if (!permalink && (known || (!profile.name && !profile.email))) return true;
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
