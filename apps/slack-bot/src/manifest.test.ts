import { readFileSync } from "node:fs";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { BotDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";

interface Manifest {
  features: {
    slash_commands: { command: string; url: string }[];
    app_home: { home_tab_enabled: boolean };
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
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
    actions: [] as unknown[],
    options: [] as string[],
    shortcuts: [] as { callback_id: string; type: string }[],
    views: [] as string[],
  };
  const recorder = {
    use: () => undefined,
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: (id: unknown) => seen.actions.push(id),
    options: (constraint: { action_id: string }) => seen.options.push(constraint.action_id),
    shortcut: (constraint: { callback_id: string; type: string }) => seen.shortcuts.push(constraint),
    view: (constraint: { callback_id: string }) => seen.views.push(constraint.callback_id),
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

  it("declares every message shortcut the bot answers, with Slack's length limits", () => {
    expect(seen.shortcuts).toEqual([{ callback_id: "file_bsi_request", type: "message_action" }]);
    for (const shortcut of seen.shortcuts) {
      const declared = manifest.features.shortcuts.find(
        (entry) => entry.callback_id === shortcut.callback_id,
      );
      expect(declared?.type).toBe("message");
      expect(declared?.name.length).toBeLessThanOrEqual(25);
      expect(declared?.description.length).toBeLessThanOrEqual(80);
    }
    expect(seen.views).toEqual(expect.arrayContaining(["request.file", "request.decline"]));
  });

  it("asks for the bot scopes the features need and the Home tab", () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "channels:read",
        "chat:write",
        "commands",
        "groups:history",
        "groups:read",
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
