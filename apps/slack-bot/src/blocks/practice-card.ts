import type { Practice } from "@bsi/domain";
import { context } from "./elements.js";
import { SAMPLE_MARK } from "./event-card.js";
import { formatThemes } from "./format.js";
import { escapeAndTruncate, escapeMrkdwn } from "./mrkdwn.js";
import type { KnownBlock } from "./types.js";

const SUMMARY_ON_CARD = 500;
const REFERENCES_ON_CARD = 3;

/** A good practice as a card: title, summary, then themes, references and the sample mark. */
export function renderPracticeCard(practice: Practice): KnownBlock[] {
  const text = `*${escapeMrkdwn(practice.title)}*\n${escapeAndTruncate(practice.summary, SUMMARY_ON_CARD)}`;
  const details: string[] = [];
  if (practice.sample) details.push(SAMPLE_MARK);
  if (practice.themes.length > 0) {
    details.push(`Themes: ${escapeAndTruncate(formatThemes(practice.themes), 1000)}`);
  }
  if (practice.references.length > 0) {
    const shown = practice.references.slice(0, REFERENCES_ON_CARD).join("; ");
    const more = practice.references.length - REFERENCES_ON_CARD;
    details.push(`References: ${escapeAndTruncate(shown, 1000)}${more > 0 ? ` and ${more} more` : ""}`);
  }
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (details.length > 0) blocks.push(context(details));
  return blocks;
}
