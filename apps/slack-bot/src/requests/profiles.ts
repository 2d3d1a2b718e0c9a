import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { type Language, languageOf } from "../blocks/words.js";
import { slackErrorCode } from "../slack/deliver.js";

type WebClient = webApi.WebClient;

/** What the bot knows of a Slack user: for prefilling the request form, and the language to write in. */
export interface Profile {
  name?: string;
  email?: string;
  /** From the user's Slack locale; absent when Slack did not say. */
  language?: Language;
}

/** How long a profile read from Slack is reused. */
const PROFILE_TTL_MS = 10 * 60_000;
const MAX_PROFILES = 1000;

/**
 * Profiles read from Slack, kept a few minutes: someone who files several requests gets the
 * prefilled form at once, and the DMs about their request need no second look-up. Refusals
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

export interface ProfileContext {
  logger: Logger;
  profiles?: ProfileCache | undefined;
}

/** The language for a Slack locale ("fr-FR", "es-419", "en-US"): English unless French or Spanish. */
export function languageOfLocale(locale: unknown): Language {
  if (typeof locale !== "string") return "en";
  return languageOf(locale.toLowerCase().split(/[-_]/)[0]);
}

/**
 * Reads a user's name, email (it needs users:read.email) and locale from Slack, and keeps them.
 * When Slack refuses or fails, gives what it has — nothing — and keeps nothing.
 */
export async function readProfile(
  client: WebClient,
  context: ProfileContext,
  userId: string,
): Promise<Profile> {
  try {
    const { user } = await client.users.info({ user: userId, include_locale: true });
    const profile = user?.profile;
    const name = profile?.real_name || user?.real_name || profile?.display_name || user?.name;
    const found: Profile = {
      ...(name ? { name } : {}),
      ...(profile?.email ? { email: profile.email } : {}),
      ...(user?.locale ? { language: languageOfLocale(user.locale) } : {}),
    };
    context.profiles?.set(userId, found);
    return found;
  } catch (error) {
    // missing_scope (no users:read.email / users:read) or anything else: the user types it.
    context.logger.info({ err: error, code: slackErrorCode(error) }, "could not read the user's profile");
    return {};
  }
}

/** The profile read in the last few minutes, else read now. */
export async function profileOf(
  client: WebClient,
  context: ProfileContext,
  userId: string,
): Promise<Profile> {
  return context.profiles?.get(userId) ?? readProfile(client, context, userId);
}

/**
 * The language to write to a user in, from their Slack locale: English when Slack cannot say. With
 * `waitMs`, English too when Slack has not answered by then (the answer is still kept for next time).
 */
export async function languageFor(
  client: WebClient,
  context: ProfileContext,
  userId: string,
  options: { waitMs?: number } = {},
): Promise<Language> {
  const known = context.profiles?.get(userId);
  if (known) return known.language ?? "en";
  const reading = readProfile(client, context, userId);
  const profile = options.waitMs === undefined ? await reading : await within(reading, options.waitMs);
  return profile?.language ?? "en";
}

/** What `promise` gives if it settles within `ms`, else undefined (it carries on regardless). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
