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
    ["-Dakar", "Dakar"],
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
    ["border NOT maritime", "border", ["maritime"]],
    ["border NOT maritime training", "border training", ["maritime"]],
    ["border AND NOT maritime", "border", ["maritime"]],
    ["border NOT (maritime air) Sahel", "border Sahel", ["maritime", "air"]],
    ['border NOT "sea ports" Sahel', "border Sahel", ["sea", "ports"]],
    ["border NOT “sea ports”", "border", ["sea", "ports"]],
    ["NOT maritime", "", ["maritime"]],
    ["border NOT", "border", []],
    ["border NOT maritime NOT maritime", "border", ["maritime"]],
    ["NOTE border", "NOTE border", []],
  ])("sets apart the words after NOT, which the API cannot leave out: %s", (typed, words, notLeftOut) => {
    expect(readSearchWords(typed)).toEqual({ words, notLeftOut });
  });

  it("reads operator words typed in lower case as the words they are", () => {
    expect(readSearchWords("not near Dakar")).toEqual({ words: "not near Dakar", notLeftOut: [] });
  });

  it("is empty when nothing searchable is left", () => {
    expect(toSearchWords('"" * () :')).toBe("");
  });

  it("keeps at most the 20 words and 200 characters the API searches", () => {
    expect(
      toSearchWords(Array.from({ length: 30 }, (_, index) => `w${index}`).join(" ")).split(" "),
    ).toHaveLength(20);
    const long = toSearchWords(Array.from({ length: 19 }, () => "border".repeat(3)).join(" "));
    expect(long.length).toBeLessThanOrEqual(200);
  });
});
