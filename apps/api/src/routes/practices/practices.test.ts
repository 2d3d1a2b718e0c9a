import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../lib/test-app.js";

let api: TestApp;
let writer: string;

beforeAll(async () => {
  api = await createTestApp({ now: () => new Date("2026-11-24T10:00:00Z") });
  writer = await api.createKey(["catalog:write"]);
});
afterAll(async () => {
  await api.close();
});

type PracticeList = {
  items: Array<{ id: string; themes: string[]; references: string[] }>;
  nextCursor: string | null;
};

describe("good practices", () => {
  it("lists the seeded practices by theme", async () => {
    const body = (await (
      await api.request("/v1/practices?theme=community-engagement")
    ).json()) as PracticeList;
    expect(body.items.map((practice) => practice.id)).toContain("community-border-policing");
    for (const practice of body.items) expect(practice.themes).toContain("community-engagement");
  });

  it("finds the API/PNR practice by its resolution and by 'advance passenger information'", async () => {
    const byWords = (await (
      await api.request("/v1/practices?q=advance%20passenger%20information")
    ).json()) as PracticeList;
    expect(byWords.items[0]?.id).toBe("advance-passenger-information-and-pnr");
    const practice = (await (
      await api.request("/v1/practices/advance-passenger-information-and-pnr")
    ).json()) as {
      references: string[];
    };
    expect(practice.references.join(" ")).toContain("2396");
    expect(practice.references.join(" ")).toContain("2178");
  });

  it("pages through every practice without repeats", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/practices?limit=4${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await api.request(url)).json()) as PracticeList;
      ids.push(...page.items.map((practice) => practice.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(11);
  });

  it("creates a practice that names existing source events, and refuses unknown ones with 422", async () => {
    const practice = {
      id: "test-joint-border-posts",
      title: "Joint border posts",
      themes: ["cross-border-cooperation"],
      summary: "Neighbours share one post.",
      sourceEventIds: ["2015-08-cairns-study-tour"],
    };
    expect(
      (await api.request("/v1/practices", { method: "POST", json: practice, token: writer })).status,
    ).toBe(201);
    const unknown = await api.request("/v1/practices", {
      method: "POST",
      json: { ...practice, id: "test-other", sourceEventIds: ["no-such-event"] },
      token: writer,
    });
    expect(unknown.status).toBe(422);
    expect((await api.request("/v1/practices/test-other")).status).toBe(404);
    const renamed = await api.request("/v1/practices/test-joint-border-posts", {
      method: "PATCH",
      json: { title: "One-stop border posts" },
      token: writer,
    });
    expect(((await renamed.json()) as { title: string }).title).toBe("One-stop border posts");
    expect(
      (await api.request("/v1/practices/test-joint-border-posts", { method: "DELETE", token: writer }))
        .status,
    ).toBe(204);
  });

  it("refuses a practice without a theme, naming the field", async () => {
    const response = await api.request("/v1/practices", {
      method: "POST",
      json: { id: "no-theme", title: "x", themes: [], summary: "y" },
      token: writer,
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).toContain("themes");
  });

  it("serves the theme taxonomy with synonyms such as FTF and IBM", async () => {
    const body = (await (await api.request("/v1/themes")).json()) as {
      items: Array<{ code: string; synonyms: string[] }>;
    };
    const byCode = new Map(body.items.map((theme) => [theme.code, theme]));
    expect(byCode.get("ftf-travel")?.synonyms).toContain("ftf");
    expect(byCode.get("integrated-border-management")?.synonyms).toContain("ibm");
    expect(byCode.get("api-pnr")?.synonyms).toContain("advance passenger information");
  });
});

describe("seeding", () => {
  it("adds nothing the second time it runs", async () => {
    const { seedCatalogue } = await import("../../db/seed/seed.js");
    const again = await seedCatalogue(api.handle.db, api.deps.search, new Date("2026-12-24T10:00:00Z"));
    expect(again).toEqual({ events: 0, practices: 0 });
  });

  it("does not bring back a seeded record an operator deleted", async () => {
    const { seedCatalogue } = await import("../../db/seed/seed.js");
    const writer = await api.createKey(["catalog:write"], "seed deleter");
    const page = (await (await api.request("/v1/practices?limit=1")).json()) as {
      items: Array<{ id: string }>;
    };
    const id = page.items[0]?.id as string;
    expect((await api.request(`/v1/practices/${id}`, { method: "DELETE", token: writer })).status).toBe(204);
    const again = await seedCatalogue(api.handle.db, api.deps.search, new Date("2026-12-24T10:00:00Z"));
    expect(again).toEqual({ events: 0, practices: 0 });
    expect((await api.request(`/v1/practices/${id}`)).status).toBe(404);
  });

  it("seeds each record once when instances start together on a fresh database", async () => {
    const { seedCatalogue } = await import("../../db/seed/seed.js");
    const fresh = await createTestApp({ seed: false });
    try {
      const at = new Date("2026-11-24T10:00:00Z");
      const runs = await Promise.all(
        [1, 2, 3].map(() => seedCatalogue(fresh.handle.db, fresh.deps.search, at)),
      );
      const added = runs.reduce((sum, run) => sum + run.events + run.practices, 0);
      const events = (await (await fresh.request("/v1/events?limit=100&from=2000-01-01")).json()) as {
        items: unknown[];
      };
      const practices = (await (await fresh.request("/v1/practices?limit=100")).json()) as {
        items: unknown[];
      };
      expect(added).toBe(events.items.length + practices.items.length);
      expect(runs.filter((run) => run.events > 0)).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});
