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
  });
});
