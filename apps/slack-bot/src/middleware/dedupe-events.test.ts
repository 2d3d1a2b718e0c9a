import { describe, expect, it } from "vitest";
import { createEventDeduper } from "./dedupe-events.js";

describe("the event de-duplicator", () => {
  it("lets a key through once within the time to live, and again after it", () => {
    let now = 0;
    const deduper = createEventDeduper({ ttlMs: 1000, now: () => now });
    expect(deduper.firstTime("Ev1")).toBe(true);
    expect(deduper.firstTime("Ev1")).toBe(false);
    now = 999;
    expect(deduper.firstTime("Ev1")).toBe(false);
    now = 2000;
    expect(deduper.firstTime("Ev1")).toBe(true);
  });

  it("stays bounded, forgetting the oldest keys first", () => {
    const deduper = createEventDeduper({ maxEntries: 3, now: () => 0 });
    for (const key of ["a", "b", "c", "d"]) expect(deduper.firstTime(key)).toBe(true);
    expect(deduper.firstTime("d")).toBe(false);
    expect(deduper.firstTime("a")).toBe(true);
  });
});
