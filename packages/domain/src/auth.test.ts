import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, API_KEY_PREFIX, SCOPES, ScopeSchema } from "./auth.js";

describe("API_KEY_PATTERN", () => {
  it("matches a key made as the API makes them: the prefix and 32 random bytes in base64url", () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      expect(`${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`).toMatch(API_KEY_PATTERN);
    }
  });

  it("matches keys that use the URL-safe characters - and _", () => {
    expect(`bsi_${"-_".repeat(21)}A`).toMatch(API_KEY_PATTERN);
  });

  it.each([
    ["too short", `bsi_${"A".repeat(42)}`],
    ["too long", `bsi_${"A".repeat(44)}`],
    ["another prefix", `key_${"A".repeat(43)}`],
    ["a prefix in capitals", `BSI_${"A".repeat(43)}`],
    ["plain base64's +", `bsi_${"A".repeat(42)}+`],
    ["plain base64's /", `bsi_${"A".repeat(42)}/`],
    ["base64 padding", `bsi_${"A".repeat(42)}=`],
    ["surrounding spaces", ` bsi_${"A".repeat(43)}`],
  ])("rejects a key with %s", (_why, key) => {
    expect(key).not.toMatch(API_KEY_PATTERN);
  });
});

describe("ScopeSchema", () => {
  it.each(SCOPES)("accepts the scope %s", (scope) => {
    expect(ScopeSchema.parse(scope)).toBe(scope);
  });

  it("lists the scopes when it rejects one", () => {
    expect(ScopeSchema.safeParse("admin").error?.issues[0]?.message).toBe(
      `must be one of the scopes: ${SCOPES.join(", ")}`,
    );
  });
});
