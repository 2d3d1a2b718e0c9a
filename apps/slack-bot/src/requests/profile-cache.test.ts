import { describe, expect, it } from "vitest";
import { ProfileCache } from "./open-request-form.js";

describe("ProfileCache", () => {
  it("gives a profile back for ten minutes, then forgets it", () => {
    let now = 1_000_000;
    const profiles = new ProfileCache(() => now);
    profiles.set("U1", { name: "Awa", email: "awa@example.org" });
    now += 9 * 60_000;
    expect(profiles.get("U1")).toEqual({ name: "Awa", email: "awa@example.org" });
    now += 60_000;
    expect(profiles.get("U1")).toBeUndefined();
  });

  it("keeps at most a thousand people, forgetting the longest-kept first", () => {
    const profiles = new ProfileCache();
    for (let index = 0; index <= 1000; index += 1) profiles.set(`U${index}`, { name: `n${index}` });
    expect(profiles.get("U0")).toBeUndefined();
    expect(profiles.get("U1")).toEqual({ name: "n1" });
    expect(profiles.get("U1000")).toEqual({ name: "n1000" });
  });
});
