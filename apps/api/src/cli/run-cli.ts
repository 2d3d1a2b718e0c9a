import { parseArgs } from "node:util";
import { SCOPES, ScopeSchema, singleLineText } from "@bsi/domain";
import { sql } from "kysely";
import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "../auth/api-keys.js";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";
import { describeStartupError } from "../lib/startup-errors.js";
import { type Output, requestCommands } from "./requests-commands.js";

const USAGE = `Usage: npm run api -- <command>

  migrate                                     apply pending migrations
  keys create --name NAME --scopes a,b        make an API key (its secret is printed once, last line)
  keys list                                   list keys (never their secrets)
  keys revoke ID_OR_PREFIX                    revoke a key at once
  requests list [--status S] [--member-state CC] [--type T] [--requester U|EMAIL] [--limit N]
                                              list requests, newest first
  requests show REF                           one request with its history

Scopes: ${SCOPES.join(", ")}
The database is DATABASE_URL (default file:./data/bsi.sqlite).`;

const DEFAULT_DATABASE_URL = "file:./data/bsi.sqlite";

class UsageError extends Error {}

/** One line, as `keys list` prints one key a line: no line breaks or other control characters. */
const KeyCreateArgsSchema = z.object({
  name: singleLineText({ max: 100, blankMessage: "must not be empty" }),
  scopes: z
    .string({ error: "is required, e.g. --scopes catalog:write" })
    .transform((value) =>
      value
        .split(",")
        .map((scope) => scope.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ScopeSchema).min(1, "must name at least one scope")),
});

/** Echoed back when no key matches, so held to one line too. */
const KeyIdOrPrefixSchema = singleLineText({ max: 100 });

/** `--name must not be empty; --scopes …`: each issue led by what it is about. */
function describeIssues(issues: readonly z.core.$ZodIssue[], subject: (key: string) => string): string {
  return issues.map((issue) => `${subject(String(issue.path[0] ?? ""))} ${issue.message}`).join("; ");
}

async function runCommand(argv: string[], databaseUrl: string, poolSize: number, out: Output) {
  const [group, action, ...rest] = argv;
  const handle = await openDatabase(databaseUrl, { poolSize });
  try {
    // Reach the database first, as the server does, so a wrong URL is not reported as a failed migration.
    await sql`SELECT 1`.execute(handle.db);
    await migrateToLatest(handle.db);
    if (group === "migrate") {
      out.log(`database is up to date (${handle.location})`);
      return 0;
    }
    if (group === "keys") {
      if (action === "create") {
        const { values } = parseArgs({
          args: rest,
          options: { name: { type: "string" }, scopes: { type: "string" } },
          strict: true,
        });
        const parsed = KeyCreateArgsSchema.safeParse({ name: values.name ?? "", scopes: values.scopes });
        if (!parsed.success) throw new UsageError(describeIssues(parsed.error.issues, (key) => `--${key}`));
        const { key, secret } = await createApiKey(handle.db, parsed.data);
        out.log(`created key ${key.id} "${key.name}" with scopes ${key.scopes.join(", ")}`);
        out.log("the secret below is shown once; store it now:");
        out.log(secret);
        return 0;
      }
      if (action === "list") {
        const keys = await listApiKeys(handle.db);
        if (keys.length === 0) out.log("no keys yet: npm run api -- keys create --name NAME --scopes a,b");
        for (const key of keys) {
          const state = key.revokedAt ? `revoked ${key.revokedAt}` : "active";
          out.log(
            `${key.id}  ${key.prefix}…  ${key.name}  [${key.scopes.join(",")}]  ${state}  created ${key.createdAt}`,
          );
        }
        return 0;
      }
      if (action === "revoke") {
        const [given, ...extra] = rest;
        if (given === undefined || extra.length > 0)
          throw new UsageError("keys revoke needs one key id or prefix (see keys list)");
        const parsed = KeyIdOrPrefixSchema.safeParse(given);
        if (!parsed.success)
          throw new UsageError(describeIssues(parsed.error.issues, () => "the key id or prefix"));
        const target = parsed.data;
        const key = await revokeApiKey(handle.db, target);
        if (!key) {
          out.error(`no key has the id or prefix ${target}`);
          return 1;
        }
        out.log(`revoked ${key.id} "${key.name}"`);
        return 0;
      }
    }
    if (group === "requests") return await requestCommands(handle.db, action, rest, out);
    throw new UsageError(`unknown command: ${argv.join(" ")}`);
  } finally {
    await handle.close();
  }
}

/**
 * `npm run api -- …`: runs one operator command against DATABASE_URL and returns the exit code
 * (2 for a usage or configuration error, 1 when the command or the database failed). Errors are
 * printed as one line, never with a stack trace or the database password.
 */
export async function runCli(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; out?: Output } = {},
): Promise<number> {
  const env = options.env ?? process.env;
  const out = options.out ?? { log: (line) => console.log(line), error: (line) => console.error(line) };
  const [group] = argv;
  if (!group || group === "help" || group === "--help" || group === "-h") {
    out.log(USAGE);
    return group ? 0 : 2;
  }
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  try {
    const config = loadConfig(env);
    return await runCommand(argv, config.DATABASE_URL, config.DATABASE_POOL_SIZE, out);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      out.error(`error: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      out.error(`error: ${error.message}`);
      return 2;
    }
    out.error(`error: ${describeStartupError(error, databaseUrl)}`);
    return 1;
  }
}
