import { readFileSync } from "node:fs";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { BotDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";

interface Manifest {
  features: { slash_commands: { command: string; url: string }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL("../manifest.yaml", import.meta.url), "utf8")) as Manifest;

/** Runs the real registerListeners against a recorder standing in for Bolt's App. */
function listenedTo() {
  const seen = {
    commands: [] as string[],
    events: [] as string[],
    actions: [] as string[],
    options: [] as string[],
  };
  const recorder = {
    use: () => undefined,
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: (id: string) => seen.actions.push(id),
    options: (constraint: { action_id: string }) => seen.options.push(constraint.action_id),
    view: () => undefined,
  };
  registerListeners(recorder as unknown as App, {} as BotDeps);
  return seen;
}

describe("manifest.yaml", () => {
  const seen = listenedTo();

  it("declares every slash command the bot answers", () => {
    const declared = manifest.features.slash_commands.map((command) => command.command);
    expect(seen.commands.length).toBeGreaterThan(0);
    for (const command of seen.commands) expect(declared).toContain(command);
  });

  it("subscribes to every event the bot listens to", () => {
    const declared = manifest.settings.event_subscriptions.bot_events;
    for (const event of seen.events) {
      // A `message` listener needs a message.* subscription (message.im for DMs).
      const subscribed = declared.some((name) => name === event || name.startsWith(`${event}.`));
      expect(subscribed, `${event} is not subscribed`).toBe(true);
    }
    expect(declared).toEqual(expect.arrayContaining(["app_mention", "message.im", "app_home_opened"]));
  });

  it("enables interactivity and options loads, all at the bot's one endpoint", () => {
    expect(seen.actions.length).toBeGreaterThan(0);
    expect(seen.options.length).toBeGreaterThan(0);
    const { interactivity, event_subscriptions } = manifest.settings;
    expect(interactivity.is_enabled).toBe(true);
    for (const url of [
      interactivity.request_url,
      interactivity.message_menu_options_url,
      event_subscriptions.request_url,
      ...manifest.features.slash_commands.map((command) => command.url),
    ]) {
      expect(new URL(url).pathname).toBe("/slack/events");
    }
  });

  it("asks for the bot scopes the features need and the Home tab", () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "im:read",
        "im:write",
        "users:read",
        "users:read.email",
      ].sort(),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(typeof manifest.settings.socket_mode_enabled).toBe("boolean");
  });
});
