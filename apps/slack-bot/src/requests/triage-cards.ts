import type { Request } from "@bsi/domain";
import type { webApi } from "@slack/bolt";
import { TRIAGE_CARD_EVENT_TYPE } from "../blocks/ids.js";
import { renderTriageCard } from "../blocks/triage-card.js";

type WebClient = webApi.WebClient;

export interface CardLocation {
  channel: string;
  ts: string;
}

export interface FoundCard extends CardLocation {
  /** How many history entries the card shows (from its metadata). */
  version: number;
}

/** Message pages read per window when looking for a card (200 messages each). */
const PAGES_NEAR_FILING = 3;
const PAGES_LATER = 5;
/** A card is normally posted within seconds of filing; clocks may differ by a few minutes. */
const BEFORE_FILING_S = 5 * 60;
const NEAR_FILING_S = 60 * 60;

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

async function searchWindow(
  client: WebClient,
  channel: string,
  reference: string,
  window: { oldest: number; latest?: number; pages: number },
): Promise<FoundCard | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < window.pages; page += 1) {
    const result = await client.conversations.history({
      channel,
      oldest: window.oldest.toFixed(6),
      ...(window.latest !== undefined ? { latest: window.latest.toFixed(6) } : {}),
      inclusive: true,
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of (result.messages ?? []) as HistoryMessage[]) {
      const payload = message.metadata?.event_payload;
      if (
        message.metadata?.event_type === TRIAGE_CARD_EVENT_TYPE &&
        payload?.reference === reference &&
        typeof message.ts === "string"
      ) {
        return { channel, ts: message.ts, version: Number(payload.version ?? 0) || 0 };
      }
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return undefined;
  }
  return undefined;
}

/**
 * Finds a request's card in the triage channel without any memory in the bot: the card carries
 * the reference in its message metadata, and is posted when the request is filed, so the search
 * reads the channel's history around the request's `createdAt` first, then what came after.
 * Any bot instance finds the same card.
 */
export async function findTriageCard(
  client: WebClient,
  channel: string,
  request: Pick<Request, "reference" | "createdAt">,
  now: () => Date = () => new Date(),
): Promise<FoundCard | undefined> {
  const filedAt = Date.parse(request.createdAt) / 1000;
  const start = Number.isFinite(filedAt) ? filedAt - BEFORE_FILING_S : now().getTime() / 1000 - 86_400;
  const near = await searchWindow(client, channel, request.reference, {
    oldest: start,
    latest: start + BEFORE_FILING_S + NEAR_FILING_S,
    pages: PAGES_NEAR_FILING,
  });
  if (near) return near;
  const laterStart = start + BEFORE_FILING_S + NEAR_FILING_S;
  if (laterStart > now().getTime() / 1000) return undefined;
  return searchWindow(client, channel, request.reference, { oldest: laterStart, pages: PAGES_LATER });
}

/** Posts a new card for a request. */
export async function postTriageCard(
  client: WebClient,
  channel: string,
  request: Request,
): Promise<CardLocation> {
  const card = renderTriageCard(request);
  const posted = await client.chat.postMessage({
    channel,
    text: card.text,
    blocks: card.blocks,
    metadata: card.metadata,
    unfurl_links: false,
    unfurl_media: false,
  });
  return { channel: String(posted.channel ?? channel), ts: String(posted.ts) };
}

/** Shows a request's current state on its card (mentions allowed: an edit notifies no one). */
export async function updateTriageCard(
  client: WebClient,
  location: CardLocation,
  request: Request,
): Promise<void> {
  const card = renderTriageCard(request, { mentions: true });
  await client.chat.update({
    channel: location.channel,
    ts: location.ts,
    text: card.text,
    blocks: card.blocks,
    metadata: card.metadata,
  });
}
