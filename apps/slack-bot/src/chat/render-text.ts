import { ACTION_IDS } from "../blocks/ids.js";
import { unescapeMrkdwn } from "../blocks/mrkdwn.js";
import type { KnownBlock, SlackMessage } from "../blocks/types.js";

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: TextStyle = { bold: (text) => text, dim: (text) => text };
export const ANSI: TextStyle = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

/** Slack mrkdwn as terminal text: bold kept (as ANSI when styled), links as "label (url)", entities decoded. */
export function mrkdwnToText(mrkdwn: string, style: TextStyle = PLAIN): string {
  const withLinks = mrkdwn
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]*)>/g, (_, url: string, label: string) => `${label} (${url})`)
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<#([CG][A-Z0-9]+)\|([^>]*)>/g, "#$2");
  const styled = withLinks.replace(
    /(^|[\s(“])\*([^*\n]+)\*(?=$|[\s.,;:!?)”—])/g,
    (_, before: string, inner: string) => `${before}${style.bold(inner)}`,
  );
  return unescapeMrkdwn(styled);
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

/**
 * A Slack message as readable terminal text: the same blocks the bot posts, so the chat shows the
 * same answers. Buttons become hints ("more" for Show more) or plain links.
 */
export function renderMessageAsText(message: SlackMessage, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  for (const block of message.blocks as KnownBlock[]) {
    switch (block.type) {
      case "header":
        lines.push("", style.bold(block.text.text));
        break;
      case "section": {
        const parts: string[] = [];
        if (block.text) parts.push(mrkdwnToText(block.text.text, style));
        for (const field of block.fields ?? []) parts.push(mrkdwnToText(field.text, style));
        const accessory = block.accessory as
          | { type?: string; url?: string; text?: { text?: string } }
          | undefined;
        if (accessory?.type === "button" && accessory.url) {
          parts.push(style.dim(`  ${accessory.text?.text ?? "Link"}: ${accessory.url}`));
        } else if (accessory?.type === "external_select") {
          parts.push(style.dim('  Pick one by typing "practices <theme>".'));
        }
        lines.push("", ...parts);
        break;
      }
      case "context":
        lines.push(
          indent(
            style.dim(
              block.elements
                .map((element) => ("text" in element ? mrkdwnToText(element.text, PLAIN) : ""))
                .filter(Boolean)
                .join(" · "),
            ),
            "  ",
          ),
        );
        break;
      case "actions":
        for (const element of block.elements) {
          if (element.type === "button" && element.action_id === ACTION_IDS.showMore) {
            lines.push("", style.dim('Type "more" to see more.'));
          }
        }
        break;
      case "divider":
        lines.push("");
        break;
      default:
        break;
    }
  }
  const text = lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text || mrkdwnToText(message.text, style);
}
