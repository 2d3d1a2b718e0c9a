import { context, header } from "./elements.js";
import type { SlackMessage } from "./types.js";

/** The `/bsi` subcommands, as help lists them. `prefix` is "/bsi " in Slack. */
export function renderHelp(options: { prefix?: string; intro?: string } = {}): SlackMessage {
  const p = options.prefix ?? "/bsi ";
  const lines = [
    `\`${p}next\` — the next BSI event`,
    `\`${p}events [words]\` — upcoming events, optionally matching words: \`${p}events biometrics Dakar\``,
    `\`${p}practices [topic]\` — good practices on border security and management: \`${p}practices PNR\``,
    `\`${p}status [reference]\` — your requests, or one request: \`${p}status BSI-2026-0042\``,
    `\`${p}request [summary]\` — file a request for assistance, training, a workshop seat or expert advice (opens a form)`,
    `\`${p}help\` — this list`,
    `Anything else is a question: \`${p}workshops in the Sahel next month\``,
  ];
  const intro =
    options.intro ??
    "Ask about Border Security Initiative workshops, events and good practices. Mention me in a channel, send me a direct message, or use these commands:";
  return {
    text: "BSI Desk help: next, events, practices, status, request, or ask a question",
    blocks: [
      header("BSI Desk"),
      { type: "section", text: { type: "mrkdwn", text: intro } },
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
      context(["Replies to commands are visible only to you; *Share in channel* posts one for everyone."]),
    ],
  };
}
