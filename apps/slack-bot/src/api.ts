import type { BsiClient } from "@bsi/client";

/** The part of the BSI Desk API client the bot uses (tests and chat pass the real client). */
export type DeskApi = Pick<
  BsiClient,
  | "ask"
  | "listEvents"
  | "listPractices"
  | "listRequests"
  | "getRequest"
  | "createRequest"
  | "transitionRequest"
  | "listWebhooks"
  | "createWebhook"
  | "deleteWebhook"
>;

/**
 * The bot answers Slack within 3 seconds, so it gives the API 2.5: past that the user is told the
 * catalogue can't be reached instead of waiting for nothing.
 */
export const API_TIMEOUT_MS = 2500;
