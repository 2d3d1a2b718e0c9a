import { describe, expect, it } from "vitest";
import { LEXICON } from "./lexicon.js";
import { allowedEdits, editDistance, SpellingCorrector } from "./spelling.js";

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

describe("SpellingCorrector over the assistant's lexicon", () => {
  const targets = [...LEXICON.correctionTargets];
  const corrector = new SpellingCorrector(targets);

  /** The answer found by measuring the distance to every word, with the corrector's preferences. */
  function correctByMeasuringAll(word: string): string | null {
    const limit = allowedEdits(word.length);
    if (limit === 0) return null;
    let best: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const candidate of targets) {
      const distance = editDistance(word, candidate, limit);
      if (distance > limit || (distance === 2 && candidate[0] !== word[0])) continue;
      const score =
        distance * 100 + 20 + (candidate[0] === word[0] ? 0 : 10) + Math.abs(candidate.length - word.length);
      if (score < bestScore || (score === bestScore && best !== null && candidate < best)) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  it("finds what measuring every word would find, for one and two edits", () => {
    const misspellings: string[] = [];
    for (const [position, word] of targets.entries()) {
      if (position % 7 !== 0) continue;
      const at = position % word.length;
      const swapped = word.slice(0, at) + (word[at + 1] ?? "") + word[at] + word.slice(at + 2);
      misspellings.push(
        word.slice(0, at) + word.slice(at + 1),
        `${word.slice(0, at)}x${word.slice(at)}`,
        swapped,
        `${swapped.slice(0, -1)}e`,
      );
    }
    expect(misspellings.length).toBeGreaterThan(1000);
    const found = misspellings.map((word) => corrector.correct(word));
    expect(found.filter((word) => word !== null).length).toBeGreaterThan(500);
    expect(found).toEqual(misspellings.map(correctByMeasuringAll));
  });
});
