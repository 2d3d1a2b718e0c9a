import { describe, expect, it } from "vitest";
import { createDeliveryLog } from "./webhook-receiver.js";

describe("the delivery log", () => {
  it("runs each webhook-id once, makes a concurrent repeat wait for the first, and lets a failure be retried", async () => {
    const log = createDeliveryLog();
    let runs = 0;
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<void>((resolve) => {
        runs += 1;
        release = resolve;
      });
    const first = log.once("msg_1", slow);
    const repeat = log.once("msg_1", slow);
    release();
    expect(await first).toBe("done");
    expect(await repeat).toBe("repeat");
    expect(await log.once("msg_1", slow)).toBe("repeat");
    expect(runs).toBe(1);

    await expect(log.once("msg_2", () => Promise.reject(new Error("Slack down")))).rejects.toThrow(
      "Slack down",
    );
    expect(await log.once("msg_2", () => Promise.resolve())).toBe("done");
  });

  it("forgets ids after their time to live", async () => {
    let now = 0;
    const log = createDeliveryLog({ ttlMs: 1000, now: () => now });
    await log.once("msg_1", () => Promise.resolve());
    now = 1500;
    expect(await log.once("msg_1", () => Promise.resolve())).toBe("done");
  });
});
