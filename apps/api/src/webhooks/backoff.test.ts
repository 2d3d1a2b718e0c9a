import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe("retryDelayMs", () => {
  it("follows 5 s, 30 s, 2 min, 10 min, 30 min, 1 h with the default base", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((failures) => retryDelayMs(failures, 5 * SECOND, 4 * HOUR));
    expect(delays).toEqual([5 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR]);
  });

  it("doubles after the schedule and stops at the cap", () => {
    expect(retryDelayMs(7, 5 * SECOND, 4 * HOUR)).toBe(2 * HOUR);
    expect(retryDelayMs(8, 5 * SECOND, 4 * HOUR)).toBe(4 * HOUR);
    expect(retryDelayMs(50, 5 * SECOND, 4 * HOUR)).toBe(4 * HOUR);
  });

  it("keeps retrying for more than a day before a three-day give-up", () => {
    let elapsed = 0;
    let failures = 0;
    while (elapsed < 24 * HOUR) {
      failures += 1;
      elapsed += retryDelayMs(failures, 5 * SECOND, 4 * HOUR);
    }
    expect(failures).toBeGreaterThan(8);
    expect(elapsed).toBeLessThan(72 * HOUR);
  });

  it("scales with the base so tests can run the schedule in milliseconds", () => {
    expect(retryDelayMs(1, 10, 1000)).toBe(10);
    expect(retryDelayMs(3, 10, 1000)).toBe(240);
    expect(retryDelayMs(5, 10, 1000)).toBe(1000);
  });
});
