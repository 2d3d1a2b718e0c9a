import { WORDS } from "../blocks/words.js";

/** Everything a user could read in a recorded message or response_url post, as one string. */
export function readableText(message: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof message.text === "string") parts.push(message.text);
  collect(message.blocks, parts);
  return parts.join("\n");
}

function collect(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  if ((record.type === "mrkdwn" || record.type === "plain_text") && typeof record.text === "string") {
    into.push(record.text);
    return;
  }
  for (const child of Object.values(record)) collect(child, into);
}

/** The button with this action id in a message's blocks, if any. */
export function findButton(
  message: Record<string, unknown>,
  actionId: string,
): { action_id: string; value?: string; url?: string } | undefined {
  const found: { action_id: string; value?: string; url?: string }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.type === "button" && record.action_id === actionId) found.push(record as never);
    for (const child of Object.values(record)) walk(child);
  };
  walk(message.blocks);
  return found[0];
}

/** How the organizers and partners lines start, in every language a card is written in. */
const NAMES_LEADS = Object.values(WORDS).flatMap((words) => [
  ...Object.values(words.organisedBy),
  words.inPartnershipWith,
]);

/** A card's kind-and-dates and place lines, then its organizers and partners lines (if any). */
function cardOwnLines(text: string): string[] {
  const [, kindAndDates = "", place = "", ...rest] = text.split("\n");
  const names = rest.filter((line) => NAMES_LEADS.some((lead) => line.startsWith(`${lead} `)));
  return [kindAndDates, place, ...names];
}

/**
 * The words the bot writes on event cards around the catalogue's own text (titles and summaries
 * stay as the catalogue has them): each card's kind and dates, place, organizers and partners
 * lines, every context line and every button label.
 */
export function cardWords(message: Record<string, unknown>): { cardLines: string[][]; words: string } {
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Record<string, unknown>[]) : [];
  const cardLines: string[][] = [];
  const parts: string[] = [];
  for (const block of blocks) {
    const accessory = block.accessory as { action_id?: string; text?: { text?: string } } | undefined;
    if (block.type === "section" && accessory?.action_id === "event.add_to_calendar") {
      const text = (block.text as { text?: string } | undefined)?.text ?? "";
      const lines = cardOwnLines(text);
      cardLines.push(lines);
      parts.push(...lines, accessory.text?.text ?? "");
    } else if (block.type === "context" || block.type === "actions") {
      collect(block, parts);
    }
  }
  return { cardLines, words: parts.join("\n") };
}

/** English words the bot writes on cards and around them: none may show in a French or Spanish answer. */
export const ENGLISH_CARD_WORDS =
  /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Workshop|Conference|Study tour|Seminar|Training|Meeting|Online|Registration|By invitation|Add to calendar|Sample|Themes|Organised by|In partnership with|Show more|Share in channel|Continued|Shared by|More results)\b/;
