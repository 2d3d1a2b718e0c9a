import { createHash } from "node:crypto";
import { getTheme, isThemeCode } from "@bsi/domain";
import type { webApi } from "@slack/bolt";
import { apiStatus, logRefusedKey } from "../answers/failures.js";
import { canSeeRequest } from "../answers/viewer.js";
import {
  buildHomeView,
  HOME_EVENTS,
  HOME_PRACTICES,
  HOME_REQUESTS,
  type HomeInput,
  type Loaded,
  renderHome,
} from "../blocks/home.js";
import { type BotDeps, viewerFor } from "../deps.js";

export interface HomeState {
  theme: string | undefined;
  fingerprint: string | undefined;
}

/** Reads what the bot stored in the published Home's private_metadata; anything odd reads as empty. */
export function readHomeState(view: unknown): HomeState {
  const metadata = (view as { private_metadata?: unknown } | null | undefined)?.private_metadata;
  if (typeof metadata !== "string" || metadata === "") return { theme: undefined, fingerprint: undefined };
  try {
    const parsed = JSON.parse(metadata) as { theme?: unknown; fingerprint?: unknown };
    return {
      theme: typeof parsed.theme === "string" && isThemeCode(parsed.theme) ? parsed.theme : undefined,
      fingerprint: typeof parsed.fingerprint === "string" ? parsed.fingerprint : undefined,
    };
  } catch {
    return { theme: undefined, fingerprint: undefined };
  }
}

async function load<T>(
  promise: Promise<{ items: T[] }>,
  onError: (error: unknown) => Loaded<T>,
): Promise<Loaded<T>> {
  try {
    const page = await promise;
    return { state: "ok", items: page.items };
  } catch (error) {
    return onError(error);
  }
}

/** Loads the parts of a user's Home in parallel; a part that fails says so on its own. */
export async function loadHome(deps: BotDeps, userId: string, theme: string | undefined): Promise<HomeInput> {
  const unavailable = (error: unknown): Loaded<never> => {
    if (apiStatus(error) !== 401) return { state: "unavailable" };
    logRefusedKey(deps.logger, error);
    return { state: "misconfigured" };
  };
  const viewer = viewerFor(deps, userId);
  const [events, practices, requests] = await Promise.all([
    load(deps.api.listEvents({ upcoming: true, limit: HOME_EVENTS + 1 }), unavailable),
    theme && isThemeCode(theme)
      ? load(deps.api.listPractices({ theme: getTheme(theme).code, limit: HOME_PRACTICES + 1 }), unavailable)
      : Promise.resolve<Loaded<never>>({ state: "ok", items: [] }),
    load(deps.api.listRequests({ requester: userId, limit: HOME_REQUESTS }), (error): Loaded<never> => {
      const status = apiStatus(error);
      // The requests routes may not be deployed yet: a 404 means "not yet", not "broken".
      if (status === 404) return { state: "not_ready" };
      logRefusedKey(deps.logger, error, "requests:read");
      if (status === 401) return { state: "misconfigured" };
      if (status === 403) return { state: "not_allowed" };
      return { state: "unavailable" };
    }),
  ]);
  return {
    apiUrl: deps.apiUrl,
    events,
    theme,
    practices,
    requests:
      requests.state === "ok"
        ? { state: "ok", items: requests.items.filter((request) => canSeeRequest(viewer, request)) }
        : requests,
  };
}

/**
 * Publishes the user's Home. The view carries a fingerprint of its content; when Slack shows the
 * user a Home with the same fingerprint, nothing is published (unless `force`), so the Home is
 * republished exactly when it changes, with no state kept in the bot.
 */
export async function publishHome(
  client: webApi.WebClient,
  deps: BotDeps,
  input: { userId: string; theme: string | undefined; currentView?: unknown; force?: boolean },
): Promise<"published" | "unchanged"> {
  const home = await loadHome(deps, input.userId, input.theme);
  const blocks = renderHome(home);
  const fingerprint = createHash("sha256").update(JSON.stringify(blocks)).digest("hex").slice(0, 24);
  const current = readHomeState(input.currentView);
  if (!input.force && current.fingerprint === fingerprint && current.theme === input.theme)
    return "unchanged";
  await client.views.publish({
    user_id: input.userId,
    view: buildHomeView(blocks, { theme: input.theme, fingerprint }),
  });
  return "published";
}
