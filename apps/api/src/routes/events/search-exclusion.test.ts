import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

// Here rather than in src/search/ so that the PostgreSQL project runs it too.
let api: TestApp;

beforeAll(async () => {
  api = await createTestApp();
});
afterAll(async () => {
  await api.close();
});

async function searchIds(resource: "events" | "practices", q: string): Promise<string[]> {
  const response = await api.request(`/v1/${resource}?q=${encodeURIComponent(q)}&limit=100`);
  expect(response.status, q).toBe(200);
  const page = (await response.json()) as { items: Array<{ id: string }> };
  return page.items.map((item) => item.id);
}

describe("leaving words out of a search with -word or NOT word", () => {
  const cases: Array<["events" | "practices", string, string, string[]]> = [
    ["events", "border -sahel", "border", ["sahel"]],
    ["events", "border NOT sahel", "border", ["sahel"]],
    ["events", "border -sah", "border", ["sah"]],
    ["events", "border -sahel NOT horn", "border", ["sahel", "horn"]],
    ["events", "border NOT Sénégal", "border", ["senegal"]],
    ["practices", "border -cooperation", "border", ["cooperation"]],
    ["practices", "border NOT cooperation", "border", ["cooperation"]],
  ];
  for (const [resource, q, found, leftOut] of cases) {
    it(`${resource}?q=${q} finds what “${found}” finds, in the same order, less what ${leftOut.join(" or ")} finds`, async () => {
      const all = await searchIds(resource, found);
      const unwanted = new Set((await Promise.all(leftOut.map((word) => searchIds(resource, word)))).flat());
      const expected = all.filter((id) => !unwanted.has(id));
      // Something is left out, and something is left: the comparison below can fail.
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      expect(await searchIds(resource, q)).toEqual(expected);
    });
  }

  it("changes nothing, ranking included, when no record has the word left out", async () => {
    const all = await searchIds("events", "border workshop");
    expect(all.length).toBeGreaterThan(1);
    expect(await searchIds("events", "border workshop -zzyzx")).toEqual(all);
    expect(await searchIds("practices", "border NOT zzyzx")).toEqual(await searchIds("practices", "border"));
  });

  it("reads a lowercase not, and a hyphen inside a word, as words to find", async () => {
    expect(await searchIds("practices", "cross-border")).toEqual(
      await searchIds("practices", "cross border"),
    );
    expect(await searchIds("practices", "cross-border")).toContain("cross-border-cooperation-joint-patrols");
    expect(await searchIds("events", "border not sahel")).toEqual(
      await searchIds("events", "border sahel not"),
    );
    expect(await searchIds("events", "border NOT sahel")).not.toEqual(
      await searchIds("events", "border sahel not"),
    );
  });

  const refusals: Array<[string, string, RegExp]> = [
    [
      "only words to leave out",
      "-border",
      /q must contain a word to search for, not only words to leave out/,
    ],
    ["only NOT words", "NOT border NOT sahel", /not only words to leave out/],
    ["NOT with nothing after it", "border NOT", /q must give the word to leave out after NOT/],
    ["NOT NOT", "border NOT NOT sahel", /after NOT/],
    ["AND", "border AND sahel", /q must be plain words/],
    ["OR", "border OR sahel", /q must be plain words/],
    ["a quoted phrase after NOT", 'border NOT "sahel region"', /q must be plain words/],
    ["parentheses after NOT", "border NOT (sahel horn)", /q must be plain words/],
    ["a star", "border -sah*", /q must be plain words/],
  ];
  for (const resource of ["events", "practices"] as const) {
    for (const [what, q, detail] of refusals) {
      it(`refuses ${what} in ${resource}?q with a 400 naming q`, async () => {
        const response = await api.request(`/v1/${resource}?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(400);
        const problem = (await response.json()) as { detail: string; errors: Array<{ field: string }> };
        expect(problem.detail).toMatch(detail);
        expect(problem.errors.map((error) => error.field)).toEqual(["q"]);
      });
    }
  }
});
