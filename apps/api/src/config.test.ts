import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("starts from defaults that need no setting", () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 8787,
      DATABASE_URL: "file:./data/bsi.sqlite",
      DATABASE_POOL_SIZE: 10,
    });
  });

  it.each(["-1", "0", "abc", "2.5", "1000"])(
    "refuses DATABASE_POOL_SIZE=%s in one line naming it",
    (value) => {
      expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(
        /^Invalid configuration: DATABASE_POOL_SIZE /,
      );
    },
  );

  it("takes a pool size within bounds", () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: "25" }).DATABASE_POOL_SIZE).toBe(25);
  });
});
