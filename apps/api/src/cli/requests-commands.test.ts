import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../lib/test-app.js";
import { type Output, requestCommands } from "./requests-commands.js";

let app: TestApp;
let lines: string[];
let errors: string[];
const out: Output = {
  log: (line) => lines.push(line),
  error: (line) => errors.push(line),
};

beforeEach(async () => {
  app = await createTestApp({ seed: false, now: () => new Date("2026-09-15T12:00:00.000Z") });
  lines = [];
  errors = [];
  const token = await app.createKey(["requests:write", "requests:manage"]);
  for (const [memberState, summary] of [
    ["MA", "Training on API/PNR for airport police"],
    ["TD", "Advice on a border community engagement plan"],
  ]) {
    await app.request("/v1/requests", {
      method: "POST",
      token,
      json: {
        type: "training",
        memberState,
        summary,
        details: "Two sessions.\nIn French.",
        requester: { name: "Youssef", email: "youssef@example.org", slackUserId: "U0YOUSSEF" },
      },
    });
  }
  await app.request("/v1/requests/BSI-2026-0002/transitions", {
    method: "POST",
    token,
    json: { to: "under_review", actor: "U0TRIAGER", note: "Checking dates" },
  });
});

afterEach(async () => {
  await app.close();
});

describe("requests list", () => {
  it("prints one line per request, newest first", async () => {
    expect(await requestCommands(app.handle.db, "list", [], out)).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^BSI-2026-0002 +under_review +TD +training +2026-09-15 +Advice on a border/);
    expect(lines[1]).toMatch(/^BSI-2026-0001 +submitted +MA .*\(Youssef\)$/);
  });

  it("filters by status and says when nothing matches", async () => {
    await requestCommands(app.handle.db, "list", ["--status", "submitted"], out);
    expect(lines.map((line) => line.slice(0, 13))).toEqual(["BSI-2026-0001"]);
    lines = [];
    await requestCommands(app.handle.db, "list", ["--status", "completed"], out);
    expect(lines).toEqual(["no requests match"]);
  });

  it("filters by requester, a Slack user id or an email address", async () => {
    await requestCommands(app.handle.db, "list", ["--requester", "youssef@example.org"], out);
    expect(lines).toHaveLength(2);
    lines = [];
    await requestCommands(app.handle.db, "list", ["--requester", "U0SOMEONE"], out);
    expect(lines).toEqual(["no requests match"]);
  });

  it("says when there are more than --limit", async () => {
    await requestCommands(app.handle.db, "list", ["--limit", "1"], out);
    expect(lines.at(-1)).toMatch(/more; raise --limit/);
  });

  it("refuses an unknown status or a bad limit with exit code 2", async () => {
    expect(await requestCommands(app.handle.db, "list", ["--status", "lost"], out)).toBe(2);
    expect(errors[0]).toMatch(/--status must be among: submitted/);
    expect(await requestCommands(app.handle.db, "list", ["--limit", "0"], out)).toBe(2);
    expect(
      await requestCommands(app.handle.db, "list", ["--requester", "U0YOUSSEF\nBSI-2026-0003"], out),
    ).toBe(2);
    expect(errors.at(-1)).toMatch(/--requester must be a Slack user id \(U012ABCDEF\) or an email address/);
    await expect(requestCommands(app.handle.db, "list", ["--colour", "red"], out)).rejects.toMatchObject({
      code: "ERR_PARSE_ARGS_UNKNOWN_OPTION",
    });
  });
});

describe("requests show", () => {
  it("prints the request with its details and history", async () => {
    expect(await requestCommands(app.handle.db, "show", ["bsi-2026-0002"], out)).toBe(0);
    expect(lines[0]).toBe("BSI-2026-0002: Advice on a border community engagement plan");
    expect(lines).toContain("status:       Under review");
    expect(lines).toContain("requester:    Youssef <youssef@example.org> Slack U0YOUSSEF");
    expect(lines).toContain("  In French.");
    expect(lines.slice(-2)).toEqual([
      "  2026-09-15T12:00:00.000Z  U0YOUSSEF      -> submitted",
      '  2026-09-15T12:00:00.000Z  U0TRIAGER      submitted -> under_review  "Checking dates"',
    ]);
  });

  it("exits 1 for an unknown reference and 2 without one", async () => {
    expect(await requestCommands(app.handle.db, "show", ["BSI-2026-0404"], out)).toBe(1);
    expect(errors[0]).toBe("no request has the reference BSI-2026-0404");
    expect(await requestCommands(app.handle.db, "show", [], out)).toBe(2);
    expect(await requestCommands(app.handle.db, "archive", [], out)).toBe(2);
  });
});
