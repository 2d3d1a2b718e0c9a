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
