import { findReference, foldText, getTheme, THEMES, type ThemeCode } from "@bsi/domain";
import type { DeskApi } from "../api.js";
import { type AnswerInput, renderAnswer, renderNotice } from "../blocks/answer.js";
import { context as contextBlock } from "../blocks/elements.js";
import { renderEventCard } from "../blocks/event-card.js";
import { ACTION_IDS } from "../blocks/ids.js";
import { renderPracticeCard } from "../blocks/practice-card.js";
import { renderRequestCard } from "../blocks/request-card.js";
import { REQUEST_WORDS } from "../blocks/request-words.js";
import type { KnownBlock, SlackMessage } from "../blocks/types.js";
import { type Language, languageOf, WORDS } from "../blocks/words.js";
import { apiStatus, describeFailure, isUnexpected } from "./failures.js";
import { type DeskQuery, encodeQuery } from "./query.js";
import { readSearchWords } from "./search-words.js";
import { canSeeRequest, type Viewer } from "./viewer.js";

/** Items asked of list routes per page. */
export const LIST_PAGE_SIZE = 5;

export interface QueryContext {
  api: DeskApi;
  apiUrl: string;
  viewer: Viewer;
  /** Offer "Share in channel" (ephemeral replies to commands). */
  shareable?: boolean;
  /** Set when the reply is being shared into a channel by this user. */
  sharedBy?: string;
  /** The clock, for the "now" a question is first asked at. */
  now?: () => Date;
  /** The viewer's language for request status (their Slack locale, or the question's); default English. */
  language?: Language;
  /** Told about failures an operator should see (bugs, a misconfigured API key). */
  onUnexpectedError?: (error: unknown, query: DeskQuery) => void;
}

/**
 * Runs a query against the API and lays the result out as a Slack message. Failures become a
 * message too (what failed, what to do, what the user typed): this never throws for API errors.
 */
export async function runQuery(query: DeskQuery, context: QueryContext): Promise<SlackMessage> {
  try {
    switch (query.kind) {
      case "ask":
        return await answerQuestion(query, context);
      case "events":
        return await listUpcomingEvents(query, context);
      case "next":
        return await showNextEvent(context);
      case "practices":
        return await listPractices(query, context);
      case "status":
        return await showRequestStatus(query, context);
    }
  } catch (error) {
    if (isUnexpected(error)) context.onUnexpectedError?.(error, query);
    return describeFailure(error, echoOf(query));
  }
}

/** What the user typed, to show back with a failure. */
export function echoOf(query: DeskQuery): string | undefined {
  switch (query.kind) {
    case "ask":
      return query.question;
    case "events":
      return `events ${query.words}`.trim();
    case "next":
      return "next";
    case "practices":
      return `practices ${query.topic}`.trim();
    case "status":
      return `status ${query.reference ?? ""}`.trim();
  }
}

function shareOf(query: DeskQuery, context: QueryContext): Pick<AnswerInput, "share" | "sharedBy"> {
  const result: Pick<AnswerInput, "share" | "sharedBy"> = {};
  if (context.shareable) result.share = encodeQuery(query);
  if (context.sharedBy) result.sharedBy = context.sharedBy;
  return result;
}

/**
 * A request shown on its own: with its history, and for a triager who it is from and how to reach
 * them (the triage card leaves the email out in a public channel; these replies are private).
 */
function detailsFor(viewer: Viewer): { withHistory: true; withRequester: boolean } {
  return { withHistory: true, withRequester: viewer.seesAllRequests };
}

type AskDeskQuery = Extract<DeskQuery, { kind: "ask" }>;

/** The moment a question is first asked: "next month" counts from it on every page of the answer. */
function nowOf(context: QueryContext): string {
  return (context.now ?? (() => new Date()))().toISOString();
}

async function answerQuestion(query: AskDeskQuery, context: QueryContext): Promise<SlackMessage> {
  const now = query.now ?? nowOf(context);
  const answer = await context.api.ask({ question: query.question, now });
  // "What's the status of my request?" without a reference: in private, list the asker's requests
  // (as `/bsi status` does) rather than ask for a reference they may not have at hand.
  const filters = answer.query.filters as { reference?: unknown } | undefined;
  const isPrivate = Boolean(context.viewer.slackUserId) || context.viewer.seesAllRequests;
  if (answer.intent === "request_status" && filters?.reference === null) {
    if (isPrivate) {
      return showRequestStatus({ kind: "status" }, { ...context, language: languageOf(answer.language) });
    }
    return renderNotice(WORDS[languageOf(answer.language)].requestsArePrivate);
  }
  return renderQuestionAnswer({ ...query, now }, answer, context);
}

function renderQuestionAnswer(
  query: AskDeskQuery & { now: string },
  answer: Awaited<ReturnType<DeskApi["ask"]>>,
  context: QueryContext,
): SlackMessage {
  const { now } = query;
  // The lead is in the question's language: the cards and the lines around them follow it.
  const language = languageOf(answer.language);
  const words = WORDS[language];
  const visibleRequests = answer.requests.filter((request) => canSeeRequest(context.viewer, request));
  const hiddenRequest = answer.requests.find((request) => !canSeeRequest(context.viewer, request));
  // The API's lead describes the request it found; when this viewer may not see it, say only what
  // `/bsi status` would say, so nothing leaks into a channel or to someone else.
  const lead = !hiddenRequest
    ? answer.text
    : context.viewer.slackUserId
      ? words.requestNotFound(hiddenRequest.reference)
      : words.requestsArePrivate;
  const units: KnownBlock[][] = [
    ...answer.events.map((event) => renderEventCard(event, { apiUrl: context.apiUrl, language })),
    ...answer.practices.map((practice) => renderPracticeCard(practice, { language })),
    ...visibleRequests.map((request) =>
      renderRequestCard(request, { ...detailsFor(context.viewer), language }),
    ),
  ];
  if (answer.fallback) units.push([contextBlock([words.tryHelp])]);
  const firstPage = { ...query, now, offset: 0, language };
  return renderAnswer({
    lead,
    units,
    language,
    offset: query.offset ?? 0,
    more: { kind: "offset", value: (offset) => encodeQuery({ ...query, now, offset, language }) },
    ...shareOf(firstPage, context),
  }).message;
}

/**
 * Said under the full list when the user only typed words to leave out: the API leaves words out of
 * a search for others, so there was nothing to leave them out of.
 */
function exclusionsAloneNote(excluded: readonly string[]): string | undefined {
  const [first] = excluded;
  if (first === undefined) return undefined;
  const quoted = excluded.map((word) => `“${word}”`).join(", ");
  return `To leave out ${quoted}, give a word to search for too, as in “border NOT ${first}”.`;
}

async function listUpcomingEvents(
  query: Extract<DeskQuery, { kind: "events" }>,
  context: QueryContext,
): Promise<SlackMessage> {
  const { q: words, included, excluded } = readSearchWords(query.words);
  const page = await context.api.listEvents({
    upcoming: true,
    limit: LIST_PAGE_SIZE,
    ...(words ? { q: words } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  if (words && !query.cursor && page.items.length === 0) {
    // No event has these words, but they may say where or when ("outside the Sahel", "in March"):
    // the assistant's answer is shown when it read a place, a period or a kind in them (it says so
    // when it had to widen the question).
    const asked: AskDeskQuery & { now: string } = {
      kind: "ask",
      question: `events ${words}`.slice(0, 1500),
      now: nowOf(context),
    };
    const answer = await context.api.ask({ question: asked.question, now: asked.now });
    if (answer.events.length > 0 && narrowsEvents(answer.query)) {
      return renderQuestionAnswer(asked, answer, context);
    }
  }
  const lead = query.cursor
    ? undefined
    : words
      ? page.items.length > 0
        ? `Upcoming events matching “${words}”:`
        : undefined
      : page.items.length > 0
        ? "Upcoming BSI events:"
        : undefined;
  const input: AnswerInput = {
    units: page.items.map((event) => renderEventCard(event, { apiUrl: context.apiUrl })),
    empty: words
      ? `No upcoming events match “${words}”. Try fewer words, or \`/bsi events\` for every upcoming event.`
      : "No upcoming events are scheduled yet.",
    ...shareOf({ kind: "events", words, ...(query.cursor ? { cursor: query.cursor } : {}) }, context),
  };
  if (lead) input.lead = lead;
  const note = included.length === 0 ? exclusionsAloneNote(excluded) : undefined;
  if (note) input.note = note;
  if (page.nextCursor)
    input.more = { kind: "cursor", value: encodeQuery({ kind: "events", words, cursor: page.nextCursor }) };
  return renderAnswer(input).message;
}

/** Whether the assistant read more than words into the question: a place, a period, a kind… */
function narrowsEvents(query: Record<string, unknown>): boolean {
  const filters = query.filters;
  if (typeof filters !== "object" || filters === null) return false;
  return Object.keys(filters).some((key) => key !== "words" && key !== "from");
}

async function showNextEvent(context: QueryContext): Promise<SlackMessage> {
  const page = await context.api.listEvents({ upcoming: true, limit: 1 });
  const input: AnswerInput = {
    lead: page.items.length > 0 ? "The next BSI event:" : "No upcoming events are scheduled yet.",
    units: page.items.map((event) => renderEventCard(event, { apiUrl: context.apiUrl })),
    ...shareOf({ kind: "next" }, context),
  };
  if (page.nextCursor)
    input.more = {
      kind: "cursor",
      value: encodeQuery({ kind: "events", words: "", cursor: page.nextCursor }),
    };
  return renderAnswer(input).message;
}

/** The theme a topic names: its code, label or one of its synonyms, accents and case ignored. */
export function themeForTopic(topic: string): ThemeCode | undefined {
  const folded = foldText(topic.trim());
  if (!folded) return undefined;
  const theme = THEMES.find(
    (candidate) =>
      candidate.code === folded ||
      foldText(candidate.label) === folded ||
      Object.values(candidate.labels).some((label) => foldText(label) === folded) ||
      candidate.synonyms.some((synonym) => foldText(synonym) === folded),
  );
  return theme?.code;
}

async function listPractices(
  query: Extract<DeskQuery, { kind: "practices" }>,
  context: QueryContext,
): Promise<SlackMessage> {
  // "API/PNR" names a theme as typed; '"PNR"' once its quotes are gone.
  const topic = readSearchWords(query.topic).q;
  const theme = themeForTopic(query.topic) ?? themeForTopic(topic);
  if (!topic && !theme) return pickThemeMessage();
  // The theme's code, for Show more and Share, names the same theme however it was typed.
  const rerunTopic = theme ?? topic;
  const page = await context.api.listPractices({
    limit: LIST_PAGE_SIZE,
    ...(theme ? { theme } : { q: topic }),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  const about = theme ? getTheme(theme).label : `“${topic}”`;
  const input: AnswerInput = {
    units: page.items.map((practice) => renderPracticeCard(practice)),
    empty: `No good practices found on ${about}. Try another topic, or \`/bsi practices\` to browse by theme.`,
    ...shareOf(
      { kind: "practices", topic: rerunTopic, ...(query.cursor ? { cursor: query.cursor } : {}) },
      context,
    ),
  };
  if (!query.cursor && page.items.length > 0) input.lead = `Good practices on ${about}:`;
  if (page.nextCursor)
    input.more = {
      kind: "cursor",
      value: encodeQuery({ kind: "practices", topic: rerunTopic, cursor: page.nextCursor }),
    };
  return renderAnswer(input).message;
}

/** `/bsi practices` with no topic: the themes, and a picker that lists a theme's practices. */
export function pickThemeMessage(): SlackMessage {
  const labels = THEMES.map((theme) => theme.label).join(" · ");
  return {
    text: "Good practices are grouped by theme: pick one.",
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Good practices are grouped by theme. Pick one, or try `/bsi practices <topic>`.",
        },
        accessory: {
          type: "external_select",
          action_id: ACTION_IDS.pickTheme,
          placeholder: { type: "plain_text", text: "Choose a theme" },
          min_query_length: 0,
        },
      },
      contextBlock([labels]),
    ],
  };
}

async function showRequestStatus(
  query: Extract<DeskQuery, { kind: "status" }>,
  context: QueryContext,
): Promise<SlackMessage> {
  const language = context.language ?? "en";
  const words = REQUEST_WORDS[language].status;
  if (query.reference) {
    const reference = findReference(query.reference)?.reference;
    if (!reference) {
      return renderNotice(words.notAReference(query.reference));
    }
    const notFound = renderNotice(words.notFound(reference));
    let request: Awaited<ReturnType<DeskApi["getRequest"]>>;
    try {
      request = await context.api.getRequest(reference);
    } catch (error) {
      if (apiStatus(error) === 404) return notFound;
      throw error;
    }
    // Only the requester and triagers see a request: say the same as for a missing one.
    if (!canSeeRequest(context.viewer, request)) return notFound;
    // No "Share in channel": requests are private to the requester and the triagers.
    return renderAnswer({
      units: [renderRequestCard(request, { ...detailsFor(context.viewer), language })],
      language,
    }).message;
  }
  if (!context.viewer.slackUserId && !context.viewer.seesAllRequests) {
    return renderNotice("Give a reference to look up a request: `status BSI-2026-0042`.");
  }
  const requester = context.viewer.slackUserId;
  let page: Awaited<ReturnType<DeskApi["listRequests"]>>;
  try {
    page = await context.api.listRequests({ limit: 10, ...(requester ? { requester } : {}) });
  } catch (error) {
    if (apiStatus(error) === 404) {
      return renderNotice(words.cannotListYet);
    }
    throw error;
  }
  const items = page.items.filter((request) => canSeeRequest(context.viewer, request));
  // In Slack, the asker's own requests; in the terminal chat (no Slack user), everyone's.
  const lead = requester
    ? items.length > 0
      ? words.yours
      : words.noneYet
    : items.length === 0
      ? "No requests have been filed yet."
      : page.nextCursor
        ? `The ${items.length} latest requests, from every requester (\`status <reference>\` shows any other):`
        : "Every request filed, latest first:";
  return renderAnswer({
    lead,
    units: items.map((request) => renderRequestCard(request, { language })),
    language,
  }).message;
}
