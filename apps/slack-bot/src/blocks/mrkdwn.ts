/**
 * Text from data or users goes into mrkdwn escaped: Slack reads `<!channel>`, `<@U123>` and
 * `<https://x|label>` as control sequences, so `&`, `<` and `>` must be sent as entities.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The inverse of escapeMrkdwn, for rendering to a terminal. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Cuts plain text to `max` characters (counting the ellipsis), at a word boundary when one is near. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(0, max - 1)).join("");
  const space = cut.lastIndexOf(" ");
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}

/** Escapes then cuts so that the escaped result fits in `max` characters without splitting an entity. */
export function escapeAndTruncate(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (escapeMrkdwn(truncateText(text, middle)).length <= max) low = middle;
    else high = middle - 1;
  }
  return escapeMrkdwn(truncateText(text, low));
}

/**
 * Splits already-escaped mrkdwn into chunks of at most `max` characters, preferring paragraph, then
 * line, then word boundaries, and never cutting an `&amp;`-style entity or a `<...>` link in two.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = -1;
    for (const separator of ["\n\n", "\n", " "]) {
      const at = window.lastIndexOf(separator);
      if (at > max * 0.5) {
        cut = at + separator.length;
        break;
      }
    }
    if (cut === -1) cut = safeCut(rest, max);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** The last position at or before `max` that is not inside an entity or a `<...>` sequence. */
function safeCut(text: string, max: number): number {
  let cut = max;
  const ampersand = text.lastIndexOf("&", cut - 1);
  if (ampersand !== -1 && ampersand > cut - 6 && text.indexOf(";", ampersand) >= cut) cut = ampersand;
  const open = text.lastIndexOf("<", cut - 1);
  if (open !== -1 && text.lastIndexOf(">", cut - 1) < open && open > 0) cut = open;
  return Math.max(1, cut);
}

/** A mrkdwn link whose label is escaped and whose URL cannot close the link early. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|]/g, (char) => encodeURIComponent(char));
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}
