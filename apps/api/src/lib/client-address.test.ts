import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustProxy, resolveClientAddress } from "./client-address.js";

describe("normalizeAddress", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["2001:DB8:0:0::1", "2001:db8::1"],
    ["1.2.3.4:5678", "1.2.3.4"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[::ffff:1.2.3.4]", "1.2.3.4"],
  ])("spells %s as %s", (value, expected) => {
    expect(normalizeAddress(value)).toBe(expected);
  });

  it.each(["", "unknown", "01.2.3.4", "1.2.3", "999.1.1.1", "<script>", "1.2.3.4 5.6.7.8"])(
    "refuses %j",
    (value) => {
      expect(normalizeAddress(value)).toBeNull();
    },
  );
});

describe("resolveClientAddress", () => {
  const none = parseTrustProxy("false");
  const oneHop = parseTrustProxy("1");
  const twoHops = parseTrustProxy("2");
  const loadBalancers = parseTrustProxy("10.0.0.0/8");

  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress("::ffff:10.0.0.5", "198.51.100.7", none)).toBe("10.0.0.5");
  });

  it("takes the right-most entry with one trusted hop, whatever the caller put to its left", () => {
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.7", oneHop)).toBe("198.51.100.7");
  });

  it("takes the Nth entry from the right with N trusted hops", () => {
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.9", twoHops)).toBe("198.51.100.7");
  });

  it("takes the left-most entry when there are fewer entries than trusted hops", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.7", twoHops)).toBe("198.51.100.7");
  });

  it("walks past listed proxies only, from the socket leftwards", () => {
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.9", loadBalancers)).toBe(
      "198.51.100.7",
    );
    // A caller that is not a listed proxy is its own address, whatever it sends.
    expect(resolveClientAddress("198.51.100.7", "6.6.6.6", loadBalancers)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:10.0.0.5", "::ffff:198.51.100.7", loadBalancers)).toBe(
      "198.51.100.7",
    );
  });

  it.each(["garbage", "198.51.100.7,", " , ", "198.51.100.7;evil"])(
    "falls back to the socket address on X-Forwarded-For %j",
    (header) => {
      expect(resolveClientAddress("10.0.0.5", header, oneHop)).toBe("10.0.0.5");
    },
  );

  it("uses the socket address when no header came", () => {
    expect(resolveClientAddress("10.0.0.5", undefined, oneHop)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", "", oneHop)).toBe("10.0.0.5");
  });
});
