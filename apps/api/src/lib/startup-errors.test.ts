import { describe, expect, it } from "vitest";
import { MigrationError } from "../db/migrate.js";
import { describeStartupError } from "./startup-errors.js";

const URL_WITH_PASSWORD = "postgres://bsi:s3cret-pw@db.example.org:5432/bsi";

function driverError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("describeStartupError", () => {
  it.each([
    [
      "ECONNREFUSED",
      /^cannot reach the database at postgres:\/\/bsi:\*\*\*@db\.example\.org:5432\/bsi \(ECONNREFUSED\)/,
    ],
    ["28P01", /^the database at postgres:\/\/bsi:\*\*\*@db\.example\.org:5432\/bsi refused the credentials/],
    ["3D000", /^the database named in postgres:\/\/bsi:\*\*\*@db\.example\.org:5432\/bsi does not exist/],
  ])("names a %s that surfaced while migrating as a database problem", (code, expected) => {
    const cause = driverError("the driver's message", code);
    const error = new MigrationError("migration (unknown) failed: the driver's message", { cause });
    expect(error.code).toBe(code);
    expect(describeStartupError(error, URL_WITH_PASSWORD)).toMatch(expected);
  });

  it("says what failed otherwise, without the password even when the message carries it", () => {
    const error = new Error("no pg_hba.conf entry for postgres://bsi:s3cret-pw@db.example.org/bsi");
    const text = describeStartupError(error, URL_WITH_PASSWORD);
    expect(text).toMatch(/^could not start: no pg_hba\.conf entry/);
    expect(text).not.toContain("s3cret-pw");
  });
});
