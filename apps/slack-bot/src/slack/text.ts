/**
 * Turns the text of a Slack message into the plain question a person typed: the bot's own mention
 * removed, other mentions and links reduced to their labels, entities decoded. Whitespace is
 * collapsed to single spaces, or with `keepLineBreaks` only within lines; `keepUrls` writes a
 * labelled link as "label (url)" rather than its label alone.
 */
export function slackTextToPlain(
  text: string,
  botUserId: string | undefined,
  options: { keepLineBreaks?: boolean; keepUrls?: boolean } = {},
): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label: string | undefined) =>
      id === botUserId ? "" : label ? `@${label}` : "",
    )
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_, label: string | undefined) => (label ? `#${label}` : ""))
    .replace(/<!(?:channel|here|everyone)(?:\|[^>]*)?>/g, "")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_, label: string | undefined) => label ?? "")
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_, url: string, label: string | undefined) => {
      const target = url.replace(/^mailto:/, "");
      if (!label || label === target) return target;
      return options.keepUrls ? `${label} (${target})` : label;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(options.keepLineBreaks ? /[^\S\n]+/g : /\s+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
