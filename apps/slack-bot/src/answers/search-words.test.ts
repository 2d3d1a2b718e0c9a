import { describe, expect, it } from "vitest";
import { readSearchWords, toSearchWords } from "./search-words.js";

describe("toSearchWords", () => {
  it.each([
    ["(dakar", "dakar"],
    ["Tunis: API", "Tunis API"],
    ['"PNR"', "PNR"],
    ["“risk analysis”", "risk analysis"],
    ["NEAR Dakar", "Dakar"],
    ["Dakar NEAR", "Dakar"],
    ["NEAR(Dakar workshop, 5)", "Dakar workshop"],
    ["biometrics AND passports OR visas", "biometrics passports visas"],
    ["title:Dakar", "title Dakar"],
    ["bio* ^border +pnr [x] {y}", "bio border pnr x y"],
    ["events - Dakar", "events Dakar"],
  ])("drops search syntax: %s → %s", (typed, words) => {
    expect(toSearchWords(typed)).toBe(words);
  });

  it("keeps words in any script, and hyphens and apostrophes inside words", () => {
    expect(toSearchWords("Côte d'Ivoire, Timor-Leste")).toBe("Côte d'Ivoire Timor-Leste");
    expect(toSearchWords("الحدود (مطار)")).toBe("الحدود مطار");
    expect(toSearchWords("सीमा प्रबंधन")).toBe("सीमा प्रबंधन");
    expect(toSearchWords("边境管理？")).toBe("边境管理");
  });

  it.each([
    ["border NOT maritime", ["border"], ["maritime"], "border NOT maritime"],
    ["border NOT maritime training", ["border", "training"], ["maritime"], "border training NOT maritime"],
    ["border AND NOT maritime", ["border"], ["maritime"], "border NOT maritime"],
    ["border -maritime", ["border"], ["maritime"], "border NOT maritime"],
    ["border NOT -maritime", ["border"], ["maritime"], "border NOT maritime"],
    ["border NOT Timor-Leste", ["border"], ["Timor-Leste"], "border NOT Timor-Leste"],
    ["Timor-Leste border", ["Timor-Leste", "border"], [], "Timor-Leste border"],
    ["border NOT maritime NOT maritime", ["border"], ["maritime"], "border NOT maritime"],
    ["border NOT", ["border"], [], "border"],
    ["NOTE border", ["NOTE", "border"], [], "NOTE border"],
  ])("sets apart the words to leave out: %s", (typed, included, excluded, q) => {
    expect(readSearchWords(typed)).toEqual({ included, excluded, q });
  });

  it.each([
    ["border NOT (maritime air) Sahel", "border Sahel NOT maritime NOT air"],
    ['border NOT "sea ports" Sahel', "border Sahel NOT sea NOT ports"],
    ["border NOT “sea ports”", "border NOT sea NOT ports"],
    ["border -(maritime air)", "border NOT maritime NOT air"],
    ['border -"sea ports', "border NOT sea NOT ports"],
  ])("leaves out each word of a bracketed group or a quoted phrase: %s", (typed, q) => {
    expect(toSearchWords(typed)).toBe(q);
  });

  it("sends no words to leave out without a word to find, which the API would refuse", () => {
    expect(readSearchWords("NOT maritime -air")).toEqual({
      included: [],
      excluded: ["maritime", "air"],
      q: "",
    });
  });

  it("reads operator words typed in lower case as the words they are", () => {
    expect(toSearchWords("not near Dakar")).toBe("not near Dakar");
  });

  it("is empty when nothing searchable is left", () => {
    expect(toSearchWords('"" * () :')).toBe("");
  });

  it("keeps at most the 20 words and 200 characters the API searches, the words to find first", () => {
    expect(
      toSearchWords(Array.from({ length: 30 }, (_, index) => `w${index}`).join(" ")).split(" "),
    ).toHaveLength(20);
    const long = toSearchWords(Array.from({ length: 19 }, () => "border".repeat(3)).join(" "));
    expect(long.length).toBeLessThanOrEqual(200);
    const mixed = readSearchWords(
      Array.from({ length: 15 }, (_, index) => `NOT x${index} w${index}`).join(" "),
    );
    expect(mixed.included).toHaveLength(15);
    expect(mixed.excluded).toEqual(["x0", "x1", "x2", "x3", "x4"]);
    const longMixed = toSearchWords(`${"border ".repeat(18)}NOT maritime NOT ${"sea".repeat(20)}`);
    expect(longMixed).toMatch(/^(border ){18}NOT maritime$/);
  });
});
