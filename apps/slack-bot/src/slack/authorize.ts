import type { Authorize, AuthorizeResult, webApi } from "@slack/bolt";

/**
 * Authorization for a single workspace: the bot token, and the bot's own user and bot ids from
 * `auth.test` (Bolt's ignoreSelf needs them). The identity is fetched once and kept; a failed
 * fetch is retried on the next request instead of poisoning every later one.
 */
export function createAuthorize(client: webApi.WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<AuthorizeResult> | undefined;
  const fetchIdentity = async (): Promise<AuthorizeResult> => {
    const result = await client.auth.test({ token: botToken });
    return {
      botToken,
      botId: typeof result.bot_id === "string" ? result.bot_id : undefined,
      botUserId: typeof result.user_id === "string" ? result.user_id : undefined,
      teamId: typeof result.team_id === "string" ? result.team_id : undefined,
    };
  };
  return async () => {
    identity ??= fetchIdentity().catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return { ...(await identity) };
  };
}
