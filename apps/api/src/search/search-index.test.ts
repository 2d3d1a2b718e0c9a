import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./search-index.js";

describe("parseSearchQuery", () => {
  it("folds compatibility characters to the words they stand for, as PostgreSQL's search does", () => {
    expect(parseSearchQuery("\ufb01rst \uff21").words).toEqual(["first", "a"]);
    expect(parseSearchQuery("N\u00ba 2 \u2460").words).toEqual(["no", "2", "1"]);
  });

  it("keeps letters with accents and other scripts as they are", () => {
    expect(parseSearchQuery("Sénégal الساحل").words).toEqual(["sénégal", "الساحل"]);
  });

  it("still refuses search syntax", () => {
    expect(() => parseSearchQuery('"sahel')).toThrow(/must be plain words/);
    expect(() => parseSearchQuery("border AND sahel")).toThrow(/must be plain words/);
  });

  it("sets apart the words to leave out, written -word or NOT word", () => {
    expect(parseSearchQuery("border -maritime")).toEqual({ words: ["border"], excluded: ["maritime"] });
    expect(parseSearchQuery("border NOT Maritime sea")).toEqual({
      words: ["border", "sea"],
      excluded: ["maritime"],
    });
    expect(parseSearchQuery("border NOT sea-ports -l'OIM")).toEqual({
      words: ["border"],
      excluded: ["sea", "ports", "l", "oim"],
    });
  });

  it("reads a lowercase not, a hyphen inside a word and a lone hyphen as no exclusion", () => {
    expect(parseSearchQuery("not counter-terrorism - Not")).toEqual({
      words: ["not", "counter", "terrorism", "not"],
      excluded: [],
    });
  });

  it("keeps the first 20 words, found and left out together", () => {
    const typed = Array.from({ length: 25 }, (_, index) => (index % 2 ? `-w${index}` : `w${index}`)).join(
      " ",
    );
    const terms = parseSearchQuery(typed);
    expect([...terms.words, ...(terms.excluded ?? [])]).toHaveLength(20);
    expect(terms.excluded).toContain("w19");
    expect(terms.words).not.toContain("w20");
  });

  it("needs a word to find", () => {
    expect(() => parseSearchQuery("-maritime NOT sea")).toThrow(/not only words to leave out/);
    expect(() => parseSearchQuery("border NOT")).toThrow(/word to leave out after NOT/);
    expect(() => parseSearchQuery("- ,")).toThrow(/must contain at least one word/);
  });
});
