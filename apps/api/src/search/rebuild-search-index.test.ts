import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Migration, Migrator } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/connect.js";
import * as createCatalogue from "../db/migrations/2026_11_24_090000_create_catalogue.js";
import * as createSearchIndex from "../db/migrations/2026_11_24_090100_create_search_index.js";
import * as createRequests from "../db/migrations/2026_11_24_090200_create_requests.js";
import * as createRateLimits from "../db/migrations/2026_11_24_090300_create_rate_limits.js";
import * as webhookEnabledAt from "../db/migrations/2026_11_24_230000_webhook_enabled_at.js";
import * as searchOrganizations from "../db/migrations/2026_11_25_070000_search_organizations.js";
import * as djiboutiThemes from "../db/migrations/2026_11_25_080000_djibouti_themes.js";
import { openApi } from "../runtime.js";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** The schema as the release before organizations were searched left it. */
const EARLIER_MIGRATIONS: Record<string, Migration> = {
  "2026_11_24_090000_create_catalogue": createCatalogue,
  "2026_11_24_090100_create_search_index": createSearchIndex,
  "2026_11_24_090200_create_requests": createRequests,
  "2026_11_24_090300_create_rate_limits": createRateLimits,
  "2026_11_24_230000_webhook_enabled_at": webhookEnabledAt,
};

describe("the search index after an upgrade", () => {
  it("indexes the events an earlier version stored again, organizers and partners included", async () => {
    const directory = mkdtempSync(join(tmpdir(), "bsi-reindex-"));
    directories.push(directory);
    const url = `file:${join(directory, "bsi.sqlite")}`;
    const earlier = await openDatabase(url);
    await new Migrator({
      db: earlier.db,
      provider: { getMigrations: async () => EARLIER_MIGRATIONS },
    }).migrateToLatest();
    await earlier.db
      .insertInto("events")
      .values({
        id: "2027-05-rabat-osce-seminar",
        title: "Seminar on border communities",
        kind: "seminar",
        status: "confirmed",
        starts_on: "2027-05-04",
        ends_on: "2027-05-05",
        time_zone: "UTC",
        city: "Rabat",
        country: "MA",
        online: 0,
        region: "maghreb",
        organizers: JSON.stringify(["UNCCT"]),
        partners: JSON.stringify(["OSCE"]),
        themes: JSON.stringify([]),
        summary: "Stored before organizations were searched.",
        registration_status: "open",
        registration_deadline: null,
        source_url: null,
        sample: 0,
        created_at: "2026-11-20T00:00:00.000Z",
        updated_at: "2026-11-20T00:00:00.000Z",
      })
      .execute();
    await earlier.close();

    const runtime = await openApi(loadConfig({ DATABASE_URL: url, BSI_SEED: "none", LOG_LEVEL: "silent" }));
    try {
      for (const q of ["OSCE", "seminar", "Rabat"]) {
        const response = await runtime.app.request(`/v1/events?q=${q}`);
        const page = (await response.json()) as { items: Array<{ id: string }> };
        expect(
          page.items.map((event) => event.id),
          q,
        ).toEqual(["2027-05-rabat-osce-seminar"]);
      }
    } finally {
      await runtime.close();
    }
  });

  it("keeps the index's rows when the migration is rolled back to the earlier shape", async () => {
    const directory = mkdtempSync(join(tmpdir(), "bsi-reindex-"));
    directories.push(directory);
    const url = `file:${join(directory, "bsi.sqlite")}`;
    const runtime = await openApi(loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }));
    await runtime.close();
    const handle = await openDatabase(url);
    try {
      const migrator = new Migrator({
        db: handle.db,
        provider: {
          getMigrations: async () => ({
            ...EARLIER_MIGRATIONS,
            "2026_11_25_070000_search_organizations": searchOrganizations,
            "2026_11_25_080000_djibouti_themes": djiboutiThemes,
          }),
        },
      });
      const result = await migrator.migrateTo("2026_11_24_230000_webhook_enabled_at");
      expect(result.error).toBeUndefined();
      const sqlite = handle.sqlite as NonNullable<typeof handle.sqlite>;
      const events = sqlite.prepare("SELECT count(*) AS n FROM events").get() as { n: number };
      const indexed = sqlite
        .prepare("SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH 'workshop'")
        .get() as {
        n: number;
      };
      expect(events.n).toBeGreaterThan(0);
      expect(indexed.n).toBeGreaterThan(0);
      const columns = sqlite
        .prepare("SELECT * FROM events_fts LIMIT 1")
        .columns()
        .map((column) => column.name);
      expect(columns).not.toContain("organizations");
    } finally {
      await handle.close();
    }
  });
});
