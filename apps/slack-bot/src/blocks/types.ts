import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type Button = types.Button;
export type HomeView = types.HomeView;
export type PlainTextOption = types.PlainTextOption;
export type ExternalSelect = types.ExternalSelect;

/** What a reply is made of: Block Kit for Slack and a short plain `text` for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
