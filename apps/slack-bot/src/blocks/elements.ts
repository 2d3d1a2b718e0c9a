import { SLACK_LIMITS } from "./limits.js";
import { escapeAndTruncate, splitMrkdwn, truncateText } from "./mrkdwn.js";
import type { Button, ContextBlock, KnownBlock, SectionBlock } from "./types.js";

/** Sections for escaped mrkdwn of any length: one per 3,000 characters, split at word boundaries. */
export function mrkdwnSections(escapedText: string): SectionBlock[] {
  return splitMrkdwn(escapedText, SLACK_LIMITS.sectionText).map((chunk) => ({
    type: "section",
    text: { type: "mrkdwn", text: chunk },
  }));
}

export function header(text: string): KnownBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: truncateText(text, SLACK_LIMITS.headerText), emoji: true },
  };
}

/** A context line of escaped mrkdwn parts (at most ten, as Slack allows). */
export function context(parts: readonly string[]): ContextBlock {
  return {
    type: "context",
    elements: parts.slice(0, SLACK_LIMITS.contextElements).map((text) => ({
      type: "mrkdwn",
      text: text.length > SLACK_LIMITS.contextText ? text.slice(0, SLACK_LIMITS.contextText) : text,
    })),
  };
}

/** Context line from plain text, escaped. */
export function plainContext(text: string): ContextBlock {
  return context([escapeAndTruncate(text, SLACK_LIMITS.contextText)]);
}

export function button(options: {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: "primary" | "danger";
}): Button {
  const element: Button = {
    type: "button",
    text: { type: "plain_text", text: truncateText(options.text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: options.actionId,
  };
  if (options.value !== undefined) element.value = options.value;
  if (options.url !== undefined) element.url = options.url;
  if (options.style !== undefined) element.style = options.style;
  return element;
}

export const divider: KnownBlock = { type: "divider" };
