import { parseArgs } from "node:util";
import { SCOPES, ScopeSchema } from "@bsi/domain";
import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "./auth/api-keys.js";
import { requestCommands } from "./cli/requests-commands.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/connect.js";
import { migrateToLatest } from "./db/migrate.js";
import { describeStartupError } from "./lib/startup-errors.js";

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

export class UsageError extends Error {}

const KeyCreateArgsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "--name must not be empty")
    .max(100, "--name must be at most 100 characters"),
  scopes: z
    .string({ error: "--scopes is required, e.g. --scopes catalog:write" })
    .transform((value) =>
      value
        .split(",")
        .map((scope) => scope.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ScopeSchema).min(1, "--scopes must name at least one scope")),
});

async function run(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  if (!group || group === "help" || group === "--help" || group === "-h") {
    console.log(USAGE);
    return group ? 0 : 2;
  }
  const config = loadConfig();
  const handle = await openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  try {
    await migrateToLatest(handle.db);
    if (group === "migrate") {
      console.log(`database is up to date (${handle.location})`);
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
        if (!parsed.success)
          throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("; "));
        const { key, secret } = await createApiKey(handle.db, parsed.data);
        console.log(`created key ${key.id} "${key.name}" with scopes ${key.scopes.join(", ")}`);
        console.log("the secret below is shown once; store it now:");
        console.log(secret);
        return 0;
      }
      if (action === "list") {
        const keys = await listApiKeys(handle.db);
        if (keys.length === 0)
          console.log("no keys yet: npm run api -- keys create --name NAME --scopes a,b");
        for (const key of keys) {
          const state = key.revokedAt ? `revoked ${key.revokedAt}` : "active";
          console.log(
            `${key.id}  ${key.prefix}…  ${key.name}  [${key.scopes.join(",")}]  ${state}  created ${key.createdAt}`,
          );
        }
        return 0;
      }
      if (action === "revoke") {
        const target = rest[0];
        if (!target) throw new UsageError("keys revoke needs the key's id or prefix (see keys list)");
        const key = await revokeApiKey(handle.db, target);
        if (!key) {
          console.error(`no key has the id or prefix ${target}`);
          return 1;
        }
        console.log(`revoked ${key.id} "${key.name}"`);
        return 0;
      }
    }
    if (group === "requests") {
      return await requestCommands(handle.db, action, rest);
    }
    throw new UsageError(`unknown command: ${argv.join(" ")}`);
  } finally {
    await handle.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(
      `error: ${describeStartupError(error, process.env.DATABASE_URL ?? "file:./data/bsi.sqlite")}`,
    );
    process.exitCode = 1;
  }
}
