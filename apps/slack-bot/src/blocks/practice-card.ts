import type { Practice } from "@bsi/domain";
import { context } from "./elements.js";
import { formatThemes } from "./format.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock } from "./types.js";
import { type Language, WORDS } from "./words.js";

const SUMMARY_ON_CARD = 500;
const REFERENCES_ON_CARD = 3;

/**
 * A good practice as a card in the answer's language: title, summary, then the sample mark, themes
 * and references. Titles, summaries and references are shown as the catalogue has them.
 */
export function renderPracticeCard(practice: Practice, options: { language?: Language } = {}): KnownBlock[] {
  const words = WORDS[options.language ?? "en"];
  const text = `*${escapeMrkdwn(practice.title)}*\n${escapeAndTruncate(practice.summary, SUMMARY_ON_CARD)}`;
  const details: string[] = [];
  if (practice.sample) details.push(words.sampleMark);
  if (practice.themes.length > 0) {
    details.push(words.themes(escapeAndTruncate(formatThemes(practice.themes, options.language), 1000)));
  }
  if (practice.references.length > 0) {
    const shown = practice.references.slice(0, REFERENCES_ON_CARD).join("; ");
    const more = practice.references.length - REFERENCES_ON_CARD;
    details.push(words.references(`${escapeAndTruncate(shown, 1000)}${more > 0 ? words.andMore(more) : ""}`));
  }
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (details.length > 0) blocks.push(context(details));
  return blocks;
}
