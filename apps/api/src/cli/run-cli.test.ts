import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

let directory: string;
let lines: string[];
let errors: string[];

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "bsi-cli-test-"));
  lines = [];
  errors = [];
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function cli(argv: string[], databaseUrl = `file:${join(directory, "bsi.sqlite")}`): Promise<number> {
  return runCli(argv, {
    env: { DATABASE_URL: databaseUrl },
    out: { log: (line) => lines.push(line), error: (line) => errors.push(line) },
  });
}

describe("the CLI's database errors", () => {
  it("says a PostgreSQL server it cannot reach is unreachable, not a failed migration, without the password", async () => {
    expect(await cli(["keys", "list"], "postgres://bsi:s3cret-pw@127.0.0.1:1/x")).toBe(1);
    expect(errors).toEqual([
      "error: cannot reach the database at postgres://bsi:***@127.0.0.1:1/x (ECONNREFUSED); check DATABASE_URL and that the server is running",
    ]);
    expect(errors.join("\n")).not.toContain("s3cret-pw");
  });

  it("says the same for migrate", async () => {
    expect(await cli(["migrate"], "postgres://bsi:pw@127.0.0.1:1/x")).toBe(1);
    expect(errors[0]).toMatch(
      /^error: cannot reach the database at postgres:\/\/bsi:\*\*\*@127\.0\.0\.1:1\/x/,
    );
  });
});

describe("keys create", () => {
  it("makes a key that keys list shows on one line", async () => {
    expect(await cli(["keys", "create", "--name", "Slack bot", "--scopes", "requests:read"])).toBe(0);
    expect(lines[0]).toMatch(/^created key key_\w+ "Slack bot" with scopes requests:read$/);
    lines = [];
    expect(await cli(["keys", "list"])).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ {2}Slack bot {2}\[requests:read\] {2}active {2}created /);
  });

  it.each([
    ["a line break", "line1\nfake  [all]  active"],
    ["a carriage return", "bot\rfake"],
    ["an escape sequence", "bot\u001b[2J"],
    ["a bidirectional override", "bot\u202Eevil"],
  ])("refuses a name with %s, with exit code 2, and stores nothing", async (_what, name) => {
    expect(await cli(["keys", "create", "--name", name, "--scopes", "requests:read"])).toBe(2);
    expect(errors[0]).toMatch(/^error: --name must not contain control characters/);
    errors = [];
    await cli(["keys", "list"]);
    expect(lines).toEqual(["no keys yet: npm run api -- keys create --name NAME --scopes a,b"]);
  });

  it("still names the option in other refusals", async () => {
    expect(await cli(["keys", "create", "--name", "  ", "--scopes", "requests:read"])).toBe(2);
    expect(errors[0]).toMatch(/^error: --name must not be empty/);
    expect(await cli(["keys", "create", "--name", "bot", "--scopes", "everything"])).toBe(2);
    expect(errors[1]).toMatch(/^error: --scopes must be one of the scopes: /);
  });
});

describe("keys revoke", () => {
  it("refuses an id or prefix with a line break instead of echoing it", async () => {
    expect(await cli(["keys", "revoke", "key_1\nrevoked key_2"])).toBe(2);
    expect(errors[0]).toMatch(/^error: the key id or prefix must not contain control characters/);
  });

  it("says when no key matches", async () => {
    expect(await cli(["keys", "revoke", "key_missing"])).toBe(1);
    expect(errors).toEqual(["no key has the id or prefix key_missing"]);
  });
});
