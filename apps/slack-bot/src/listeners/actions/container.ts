import type { BlockAction } from "@slack/bolt";

export type ActionContainer =
  | {
      type: "message";
      channel: string;
      messageTs: string;
      threadTs: string | undefined;
      isEphemeral: boolean;
    }
  | { type: "view"; viewId: string | undefined };

/** Where a clicked element lives, read defensively from the payload's `container`. */
export function readContainer(body: BlockAction): ActionContainer | undefined {
  const container = body.container as Record<string, unknown> | undefined;
  if (container?.type === "view") {
    return { type: "view", viewId: typeof container.view_id === "string" ? container.view_id : undefined };
  }
  if (container?.type === "message") {
    const channel = typeof container.channel_id === "string" ? container.channel_id : body.channel?.id;
    const messageTs = container.message_ts;
    if (typeof channel !== "string" || typeof messageTs !== "string") return undefined;
    return {
      type: "message",
      channel,
      messageTs,
      threadTs: typeof container.thread_ts === "string" ? container.thread_ts : undefined,
      isEphemeral: container.is_ephemeral === true,
    };
  }
  return undefined;
}

/** Direct-message channels start with D; only there may a reply show the user's own requests. */
export function isDirectMessage(channel: string): boolean {
  return channel.startsWith("D");
}
