import { describe, expect, it } from "vitest";
import { loadConfig, MISSING_CREDENTIALS_MESSAGE } from "./config.js";

describe("loadConfig", () => {
  it("uses the documented defaults when nothing is set, and knows there are no credentials", () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      apiUrl: "http://127.0.0.1:8787",
      slackApiUrl: "https://slack.com/api/",
      port: 3000,
      host: "127.0.0.1",
      mode: "http",
      slack: undefined,
      triagers: [],
    });
  });

  it("chooses Socket Mode when SLACK_APP_TOKEN is set", () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(result.ok && result.config.mode).toBe("socket");
  });

  it("chooses HTTP mode with a bot token and signing secret, and reads the triagers", () => {
    const result = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_TRIAGERS: "U0AAA, U0BBB",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.mode).toBe("http");
    expect(result.config.triagers).toEqual(["U0AAA", "U0BBB"]);
    expect(result.config.slackApiUrl).toBe("http://127.0.0.1:9999/api/");
  });

  it.each([
    [{ BOT_PORT: "eighty" }, "BOT_PORT"],
    [{ BOT_PORT: "70000" }, "BOT_PORT"],
    [{ BSI_API_URL: "ftp://example.org" }, "BSI_API_URL"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_TRIAGERS: "alice,bob" }, "SLACK_TRIAGERS"],
    [{ SLACK_TRIAGE_CHANNEL: "#triage" }, "SLACK_TRIAGE_CHANNEL"],
    [{ BOT_PUBLIC_URL: "bot.example.org" }, "BOT_PUBLIC_URL"],
    [{ BOT_PUBLIC_URL: "https://bot.example.org", BSI_WEBHOOK_SECRET: "hunter2" }, "BSI_WEBHOOK_SECRET"],
    [{ BSI_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }, "BSI_WEBHOOK_SECRET"],
    [{ BSI_WEBHOOK_CHECK_MS: "a minute" }, "BSI_WEBHOOK_CHECK_MS"],
    [{ BSI_WEBHOOK_CHECK_MS: "10" }, "BSI_WEBHOOK_CHECK_MS"],
  ])("stops on %o with one line naming %s", (env, name) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(name);
    expect(result.message.split("\n")).toHaveLength(1);
  });

  it("reads the bot's public URL (without a trailing slash) and the webhook secret", () => {
    const result = loadConfig({
      BOT_PUBLIC_URL: "https://bot.example.org/",
      BSI_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.publicUrl).toBe("https://bot.example.org");
    expect(result.config.webhookSecret).toBe("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    const none = loadConfig({ BOT_PUBLIC_URL: "" });
    expect(none.ok && none.config.publicUrl).toBeUndefined();
  });

  it("checks the webhook every minute unless BSI_WEBHOOK_CHECK_MS says otherwise", () => {
    const byDefault = loadConfig({ BSI_WEBHOOK_CHECK_MS: "" });
    expect(byDefault.ok && byDefault.config.webhookCheckMs).toBe(60_000);
    const often = loadConfig({ BSI_WEBHOOK_CHECK_MS: "5000" });
    expect(often.ok && often.config.webhookCheckMs).toBe(5000);
  });

  it("treats empty variables as unset", () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "", BSI_API_TOKEN: "" });
    expect(result.ok && result.config.slack).toBeUndefined();
  });

  it("says in one line what to set and how to try the chat", () => {
    expect(MISSING_CREDENTIALS_MESSAGE.split("\n")).toHaveLength(1);
    expect(MISSING_CREDENTIALS_MESSAGE).toContain("SLACK_BOT_TOKEN");
    expect(MISSING_CREDENTIALS_MESSAGE).toContain("npm run chat");
  });
});
