import { describe, expect, it } from "vitest";
import { createPostgresTestDatabase } from "../lib/test-app.js";
import { runCli } from "./run-cli.js";

const adminUrl = process.env.BSI_TEST_POSTGRES_URL ?? "";

async function errorsOf(argv: string[], databaseUrl: string): Promise<{ code: number; errors: string[] }> {
  const errors: string[] = [];
  const code = await runCli(argv, {
    env: { DATABASE_URL: databaseUrl },
    out: { log: () => undefined, error: (line) => errors.push(line) },
  });
  return { code, errors };
}

function withPath(url: string, changes: { username?: string; password?: string; database?: string }): string {
  const changed = new URL(url);
  if (changes.username !== undefined) changed.username = changes.username;
  if (changes.password !== undefined) changed.password = changes.password;
  if (changes.database !== undefined) changed.pathname = `/${changes.database}`;
  return changed.toString();
}

describe("the CLI on a PostgreSQL server that refuses it", () => {
  it("names a role the server does not know as refused credentials, without the password", async () => {
    const url = withPath(adminUrl, { username: "no_such_role_bsi", password: "s3cret-pw" });
    const { code, errors } = await errorsOf(["keys", "list"], url);
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^error: the database at postgres:\/\/no_such_role_bsi:\*\*\*@.* refused the credentials; check DATABASE_URL$/,
    );
    expect(errors[0]).not.toContain("s3cret-pw");
  });

  it("names a database that does not exist as such", async () => {
    const { code, errors } = await errorsOf(["migrate"], withPath(adminUrl, { database: "bsi_no_such_db" }));
    expect(code).toBe(1);
    expect(errors[0]).toMatch(
      /^error: the database named in .*\/bsi_no_such_db does not exist; create it or fix DATABASE_URL$/,
    );
  });

  it("migrates a database that exists", async () => {
    const database = await createPostgresTestDatabase(adminUrl);
    try {
      const lines: string[] = [];
      const code = await runCli(["migrate"], {
        env: { DATABASE_URL: database.url },
        out: { log: (line) => lines.push(line), error: (line) => lines.push(line) },
      });
      expect(code).toBe(0);
      expect(lines[0]).toMatch(/^database is up to date/);
    } finally {
      await database.drop();
    }
  });
});
