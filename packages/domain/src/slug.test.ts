import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlugSchema, slugify } from "./slug.js";

/** Titles as people write them: accents, ligatures, capitals, punctuation, and anything else Unicode has. */
const titles = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."aeEéÉèçÇñÑœŒæßŁø019 -–_'’&/.,:()!"), maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
);

describe("slugify", () => {
  it.each([
    ["Vienna experts seminar", "vienna-experts-seminar"],
    ["2015-09 Vienna Experts Seminar", "2015-09-vienna-experts-seminar"],
    ["Séminaire régional à Niamey", "seminaire-regional-a-niamey"],
    ["Coopération transfrontalière : Mali – Niger", "cooperation-transfrontaliere-mali-niger"],
    ["Gestión integrada de fronteras (España)", "gestion-integrada-de-fronteras-espana"],
    ["Côte d'Ivoire & Sénégal", "cote-d-ivoire-senegal"],
    ["API/PNR workshop, 2nd edition!", "api-pnr-workshop-2nd-edition"],
    ["  --Spaces  and   dashes--  ", "spaces-and-dashes"],
    ["UNSCR 2396 (2017)", "unscr-2396-2017"],
  ])("turns %j into %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ["Main-d'œuvre", "main-d-oeuvre"],
    ["Nœud frontalier", "noeud-frontalier"],
    ["Straße", "strasse"],
    ["Æsir", "aesir"],
    ["Łódź", "lodz"],
    ["Øresund", "oresund"],
  ])("spells out %j, a letter Unicode does not split into letter and accent, as %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("gives an empty string for a title with no letters or digits", () => {
    expect(slugify("!!! — ???")).toBe("");
    expect(slugify("")).toBe("");
  });

  it("drops letters outside the Latin alphabet", () => {
    expect(slugify("Sahel الساحل 2026")).toBe("sahel-2026");
  });

  it("cuts a long title to 120 characters without leaving a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(119)} b c d`);
    expect(slug).toBe("a".repeat(119));
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it("always gives an empty string or a string of SlugSchema's shape, at most 120 characters", () => {
    fc.assert(
      fc.property(titles, (title) => {
        const slug = slugify(title);
        expect(slug === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(120);
      }),
    );
  });

  it("leaves a slug as it is", () => {
    fc.assert(
      fc.property(titles, (title) => {
        const slug = slugify(title);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});

describe("SlugSchema", () => {
  it.each(["2015-09-vienna-experts-seminar", "abc", "a1b", "x".repeat(120)])("accepts %j", (slug) => {
    expect(SlugSchema.parse(slug)).toBe(slug);
  });

  it.each([
    ["ab", "must be at least 3 characters"],
    ["x".repeat(121), "must be at most 120 characters"],
    [
      "Vienna-seminar",
      "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar",
    ],
    [
      "vienna--seminar",
      "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar",
    ],
    ["-vienna", "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar"],
    ["vienna-", "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar"],
    [
      "vienna_seminar",
      "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar",
    ],
    [
      "séminaire",
      "must be lowercase letters, digits and single hyphens, like 2015-09-vienna-experts-seminar",
    ],
  ])("rejects %j: %s", (slug, message) => {
    const result = SlugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
