/**
 * Turns the text of a Slack message into the plain question a person typed: the bot's own mention
 * removed, other mentions and links reduced to their labels, entities decoded.
 */
export function slackTextToPlain(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label: string | undefined) =>
      id === botUserId ? "" : label ? `@${label}` : "",
    )
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_, label: string | undefined) => (label ? `#${label}` : ""))
    .replace(/<!(?:channel|here|everyone)(?:\|[^>]*)?>/g, "")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_, label: string | undefined) => label ?? "")
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, "$1")
    .replace(
      /<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g,
      (_, url: string, label: string | undefined) => label ?? url.replace(/^mailto:/, ""),
    )
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
