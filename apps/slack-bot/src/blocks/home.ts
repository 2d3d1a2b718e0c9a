import type { Event, Practice, Request } from "@bsi/domain";
import { getTheme, isThemeCode, THEMES } from "@bsi/domain";
import { MISCONFIGURED_TEXT } from "../answers/failures.js";
import { button, context, divider, header } from "./elements.js";
import { renderEventCard } from "./event-card.js";
import { ACTION_IDS, BLOCK_IDS } from "./ids.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { renderPracticeCard } from "./practice-card.js";
import { renderRequestCard } from "./request-card.js";
import type { ExternalSelect, HomeView, KnownBlock, PlainTextOption } from "./types.js";

export const HOME_EVENTS = 5;
export const HOME_PRACTICES = 5;
export const HOME_REQUESTS = 10;

export type Loaded<T> =
  | { state: "ok"; items: T[] }
  | { state: "unavailable" }
  | { state: "not_ready" }
  /** The API refuses the bot's key (401). */
  | { state: "misconfigured" }
  /** The bot's key lacks the scope (403). */
  | { state: "not_allowed" };

export interface HomeInput {
  apiUrl: string;
  events: Loaded<Event>;
  /** The theme the viewer picked to browse practices, if any. */
  theme: string | undefined;
  practices: Loaded<Practice>;
  requests: Loaded<Request>;
}

const UNREACHABLE = "BSI Desk can't reach its catalogue right now — try again in a minute.";
const MISCONFIGURED = `${escapeMrkdwn(MISCONFIGURED_TEXT)} — please tell a BSI Desk operator.`;

/** Why a part of the Home is not shown. */
function notLoaded(loaded: Loaded<unknown>): string {
  return loaded.state === "misconfigured" ? MISCONFIGURED : UNREACHABLE;
}

/** Theme options for the practice picker, filtered by what the user typed (label, code or synonym). */
export function themeOptions(typed: string): PlainTextOption[] {
  const needle = typed.trim().toLowerCase();
  return THEMES.filter(
    (theme) =>
      needle === "" ||
      theme.label.toLowerCase().includes(needle) ||
      theme.code.includes(needle) ||
      theme.synonyms.some((synonym) => synonym.includes(needle)),
  )
    .slice(0, SLACK_LIMITS.optionsPerSelect)
    .map((theme) => ({ text: { type: "plain_text", text: theme.label }, value: theme.code }));
}

function themePicker(theme: string | undefined): KnownBlock {
  const element: ExternalSelect = {
    type: "external_select",
    action_id: ACTION_IDS.pickTheme,
    placeholder: { type: "plain_text", text: "Browse practices by theme" },
    min_query_length: 0,
  };
  if (theme && isThemeCode(theme)) {
    element.initial_option = { text: { type: "plain_text", text: getTheme(theme).label }, value: theme };
  }
  return {
    type: "section",
    block_id: BLOCK_IDS.homeThemePicker,
    text: { type: "mrkdwn", text: "*Good practices* on border security and management" },
    accessory: element,
  };
}

/**
 * The App Home: upcoming events, practices by theme and the viewer's requests. Each part says
 * plainly when it cannot be loaded instead of failing the whole view.
 */
export function renderHome(input: HomeInput): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header("BSI Desk"),
    context([
      "Ask me in a direct message, mention me in a channel, or use `/bsi help` — about BSI workshops, events and good practices.",
    ]),
    header("Upcoming events"),
  ];
  if (input.events.state === "ok") {
    if (input.events.items.length === 0) blocks.push(context(["No upcoming events are scheduled yet."]));
    for (const event of input.events.items.slice(0, HOME_EVENTS)) {
      blocks.push(...renderEventCard(event, { apiUrl: input.apiUrl }));
    }
    if (input.events.items.length > HOME_EVENTS) blocks.push(context(["More with `/bsi events`."]));
  } else {
    blocks.push(context([notLoaded(input.events)]));
  }

  blocks.push(divider, themePicker(input.theme));
  if (input.theme && isThemeCode(input.theme)) {
    const label = escapeMrkdwn(getTheme(input.theme).label);
    if (input.practices.state === "ok") {
      if (input.practices.items.length === 0) blocks.push(context([`No practices on ${label} yet.`]));
      for (const practice of input.practices.items.slice(0, HOME_PRACTICES)) {
        blocks.push(...renderPracticeCard(practice));
      }
      if (input.practices.items.length > HOME_PRACTICES) {
        blocks.push(context([`More with \`/bsi practices ${label}\`.`]));
      }
    } else {
      blocks.push(context([notLoaded(input.practices)]));
    }
  } else {
    blocks.push(context([`Themes: ${THEMES.map((theme) => escapeMrkdwn(theme.label)).join(" · ")}`]));
  }

  blocks.push(divider, header("Your requests"));
  if (input.requests.state === "ok") {
    if (input.requests.items.length === 0) {
      blocks.push(context(["You have no requests yet."]));
    }
    for (const request of input.requests.items.slice(0, HOME_REQUESTS))
      blocks.push(...renderRequestCard(request));
  } else if (input.requests.state === "misconfigured") {
    blocks.push(context([`Your requests can't be shown: ${MISCONFIGURED}`]));
  } else if (input.requests.state === "not_allowed") {
    blocks.push(context(["Your requests can't be shown: BSI Desk's API key lacks the requests:read scope."]));
  } else if (input.requests.state === "not_ready") {
    blocks.push(context(["Your requests can't be listed yet: BSI Desk's API has no requests routes."]));
  } else {
    blocks.push(context(["Your requests can't be loaded right now — try again in a minute."]));
  }

  blocks.push({
    type: "actions",
    block_id: BLOCK_IDS.homeActions,
    elements: [
      button({
        text: "File a request",
        actionId: ACTION_IDS.openRequestForm,
        value: "open",
        style: "primary",
      }),
      button({ text: "Refresh", actionId: ACTION_IDS.refreshHome, value: "refresh" }),
    ],
  });
  return blocks.slice(0, SLACK_LIMITS.blocksPerView);
}

/** The Home view with a fingerprint of its content, so an unchanged Home is not published again. */
export function buildHomeView(
  blocks: KnownBlock[],
  state: { theme: string | undefined; fingerprint: string },
): HomeView {
  return {
    type: "home",
    blocks,
    private_metadata: JSON.stringify({ theme: state.theme ?? null, fingerprint: state.fingerprint }),
  };
}
