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

describe("TRUST_PROXY", () => {
  it("trusts no forwarding header unless set", () => {
    for (const env of [{}, { TRUST_PROXY: "false" }, { TRUST_PROXY: "" }, { TRUST_PROXY: "0" }]) {
      expect(loadConfig(env).TRUST_PROXY("127.0.0.1", 0)).toBe(false);
    }
  });

  it("takes a number of hops to trust", () => {
    const trust = loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY;
    expect([trust("203.0.113.1", 0), trust("203.0.113.1", 1), trust("203.0.113.1", 2)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("takes a list of proxy addresses and CIDR ranges", () => {
    const trust = loadConfig({ TRUST_PROXY: "10.0.0.0/8, 2001:db8::1,loopback" }).TRUST_PROXY;
    expect(trust("10.1.2.3", 0)).toBe(true);
    expect(trust("2001:db8::1", 1)).toBe(true);
    expect(trust("127.0.0.1", 0)).toBe(true);
    expect(trust("192.0.2.7", 0)).toBe(false);
  });

  it.each(["true", "yes", "-1", "1.5", "33", "10.0.0.0/99", "10.0.0.1,", "proxy.internal"])(
    "refuses TRUST_PROXY=%s in one line naming it",
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /^Invalid configuration: TRUST_PROXY must be false, a number of proxy hops .*[^\n]$/,
      );
    },
  );
});
