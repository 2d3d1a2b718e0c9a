import { describe, expect, it } from "vitest";
import { editDistance, SpellingCorrector } from "./spelling.js";

describe("editDistance", () => {
  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(editDistance("wrokshop", "workshop")).toBe(1);
    expect(editDistance("kneya", "kenya")).toBe(1);
  });

  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("dakkar", "dakar")).toBe(1);
    expect(editDistance("sahel", "sahell")).toBe(1);
    expect(editDistance("vienna", "viena")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops early above the limit", () => {
    expect(editDistance("workshop", "conference", 2)).toBe(3);
  });
});

describe("SpellingCorrector", () => {
  const corrector = new SpellingCorrector(
    ["workshop", "seminar", "sahel", "sahelo", "nairobi", "kenya"],
    new Set(["workshop", "seminar", "sahel", "nairobi", "kenya"]),
  );

  it("sets a misspelt word right", () => {
    expect(corrector.correct("worshop")).toBe("workshop");
    expect(corrector.correct("semniar")).toBe("seminar");
    expect(corrector.correct("nairobbi")).toBe("nairobi");
  });

  it("prefers a word that means something alone over part of a longer name", () => {
    expect(corrector.correct("sahell")).toBe("sahel");
  });

  it("leaves short words and far-off words alone", () => {
    expect(corrector.correct("kny")).toBeNull();
    expect(corrector.correct("budget")).toBeNull();
  });

  it("keeps the first letter when it takes two edits", () => {
    expect(corrector.correct("wrkshopp")).toBe("workshop");
    expect(corrector.correct("qorkshpo")).toBeNull();
  });
});
