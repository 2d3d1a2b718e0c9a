import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { languageFor, languageOfLocale, ProfileCache } from "./profiles.js";

const logger = createLogger("silent");

/** A Web API client whose users.info answers with `locale` after `delayMs`, or fails. */
function clientAnswering(locale: string | Error, delayMs = 0) {
  const asked: Record<string, unknown>[] = [];
  const client = {
    users: {
      info: async (args: Record<string, unknown>) => {
        asked.push(args);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (locale instanceof Error) throw locale;
        return { ok: true, user: { id: args.user, real_name: "Awa Diop", locale } };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, asked };
}

describe("ProfileCache", () => {
  it("gives a profile back for ten minutes, then forgets it", () => {
    let now = 1_000_000;
    const profiles = new ProfileCache(() => now);
    profiles.set("U1", { name: "Awa", email: "awa@example.org" });
    now += 9 * 60_000;
    expect(profiles.get("U1")).toEqual({ name: "Awa", email: "awa@example.org" });
    now += 60_000;
    expect(profiles.get("U1")).toBeUndefined();
  });

  it("keeps at most a thousand people, forgetting the longest-kept first", () => {
    const profiles = new ProfileCache();
    for (let index = 0; index <= 1000; index += 1) profiles.set(`U${index}`, { name: `n${index}` });
    expect(profiles.get("U0")).toBeUndefined();
    expect(profiles.get("U1")).toEqual({ name: "n1" });
    expect(profiles.get("U1000")).toEqual({ name: "n1000" });
  });
});

describe("a Slack user's language", () => {
  it("is French or Spanish for those locales, whatever the region, and English for any other", () => {
    expect(languageOfLocale("fr-FR")).toBe("fr");
    expect(languageOfLocale("fr-CA")).toBe("fr");
    expect(languageOfLocale("es-ES")).toBe("es");
    expect(languageOfLocale("es-LA")).toBe("es");
    expect(languageOfLocale("en-US")).toBe("en");
    expect(languageOfLocale("pt-BR")).toBe("en");
    expect(languageOfLocale("")).toBe("en");
    expect(languageOfLocale(undefined)).toBe("en");
  });

  it("is asked of Slack with the locale once, then kept", async () => {
    const { client, asked } = clientAnswering("es-ES");
    const profiles = new ProfileCache();
    expect(await languageFor(client, { logger, profiles }, "U1")).toBe("es");
    expect(await languageFor(client, { logger, profiles }, "U1")).toBe("es");
    expect(asked).toEqual([{ user: "U1", include_locale: true }]);
    expect(profiles.get("U1")).toEqual({ name: "Awa Diop", language: "es" });
  });

  it("is English when Slack refuses, and Slack is asked again next time", async () => {
    const { client, asked } = clientAnswering(new Error("fatal_error"));
    const profiles = new ProfileCache();
    expect(await languageFor(client, { logger, profiles }, "U1")).toBe("en");
    expect(profiles.get("U1")).toBeUndefined();
    await languageFor(client, { logger, profiles }, "U1");
    expect(asked).toHaveLength(2);
  });

  it("is English when Slack answers later than the wait, and kept for next time when it does", async () => {
    const { client } = clientAnswering("fr-FR", 200);
    const profiles = new ProfileCache();
    expect(await languageFor(client, { logger, profiles }, "U1", { waitMs: 20 })).toBe("en");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await languageFor(client, { logger, profiles }, "U1", { waitMs: 20 })).toBe("fr");
  });
});
