import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
} from "kysely";
import type { Database } from "./database.js";
import * as createCatalogue from "./migrations/2026_11_24_090000_create_catalogue.js";
import * as createSearchIndex from "./migrations/2026_11_24_090100_create_search_index.js";
import * as createRequests from "./migrations/2026_11_24_090200_create_requests.js";
import * as createRateLimits from "./migrations/2026_11_24_090300_create_rate_limits.js";
import * as webhookEnabledAt from "./migrations/2026_11_24_230000_webhook_enabled_at.js";
import * as searchOrganizations from "./migrations/2026_11_25_070000_search_organizations.js";
import * as djiboutiThemes from "./migrations/2026_11_25_080000_djibouti_themes.js";

/** Migrations are listed here (not read from disk) so the compiled build and the tests run the same set. */
const MIGRATIONS: Record<string, Migration> = {
  "2026_11_24_090000_create_catalogue": createCatalogue,
  "2026_11_24_090100_create_search_index": createSearchIndex,
  "2026_11_24_090200_create_requests": createRequests,
  "2026_11_24_090300_create_rate_limits": createRateLimits,
  "2026_11_24_230000_webhook_enabled_at": webhookEnabledAt,
  "2026_11_25_070000_search_organizations": searchOrganizations,
  "2026_11_25_080000_djibouti_themes": djiboutiThemes,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/**
 * A migration that failed. Keeps the database driver's error as `cause` and its `code`, so a
 * connection that was refused or a role that does not exist can still be told apart.
 */
export class MigrationError extends Error {
  readonly code: string | undefined;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = "MigrationError";
    const code = (options.cause as { code?: unknown } | null | undefined)?.code;
    this.code = typeof code === "string" ? code : undefined;
  }
}

/** Brings the schema up to date; throws MigrationError naming the migration that failed. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((entry) => entry.status === "Error");
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`, {
      cause: result.error,
    });
  }
  return result;
}
