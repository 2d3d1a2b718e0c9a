import { describe, expect, it } from "vitest";
import {
  COUNTRY_NAME_LANGUAGES,
  CountryCodeSchema,
  countryCodeFromName,
  countryName,
  foldText,
  isCountryCode,
  listCountries,
  listCountryCodes,
  searchCountries,
} from "./countries.js";

const codesOf = (countries: readonly { code: string }[]) => countries.map((country) => country.code);

describe("listCountryCodes", () => {
  it("lists every ISO 3166-1 alpha-2 code: two capital letters, each once, sorted", () => {
    const codes = listCountryCodes();
    expect(codes.length).toBeGreaterThanOrEqual(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes]).toEqual([...codes].sort());
  });

  it("includes the countries BSI works with most", () => {
    expect(listCountryCodes()).toEqual(
      expect.arrayContaining(["SN", "ML", "NE", "BF", "MR", "MA", "TD", "NG"]),
    );
  });
});

describe("isCountryCode", () => {
  it.each(["SN", "MA", "FR", "US"])("accepts %s", (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each([
    ["sn", "lowercase"],
    ["SEN", "alpha-3"],
    ["XX", "assigned to no country"],
    ["UK", "not the ISO code of the United Kingdom"],
    ["", "empty"],
    ["Senegal", "a name"],
  ])("rejects %j (%s)", (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});

describe("CountryCodeSchema", () => {
  it("gives an example of a country code when it rejects one", () => {
    expect(CountryCodeSchema.safeParse("sn").error?.issues[0]?.message).toBe(
      "must be an ISO 3166-1 alpha-2 country code in capitals, such as SN",
    );
  });
});

describe("countryName", () => {
  it.each([
    ["SN", "en", "Senegal"],
    ["SN", "fr", "Sénégal"],
    ["SN", "es", "Senegal"],
    ["MA", "en", "Morocco"],
    ["MA", "fr", "Maroc"],
    ["MA", "es", "Marruecos"],
    ["DE", "fr", "Allemagne"],
    ["DE", "es", "Alemania"],
    ["TD", "fr", "Tchad"],
  ] as const)("names %s in %s as %s", (code, language, name) => {
    expect(countryName(code, language)).toBe(name);
  });

  it("names a country in English by default", () => {
    expect(countryName("NE")).toBe("Niger");
  });

  it("names a country in Arabic and Russian too", () => {
    expect(countryName("EG", "ar")).toMatch(/\p{Script=Arabic}/u);
    expect(countryName("EG", "ru")).toMatch(/\p{Script=Cyrillic}/u);
  });
});

describe("listCountries", () => {
  it("has one entry per code", () => {
    expect(codesOf(listCountries())).toEqual([...listCountryCodes()]);
  });

  it("gives every country a name in every UN language the package knows", () => {
    for (const country of listCountries()) {
      expect(Object.keys(country.names).sort()).toEqual([...COUNTRY_NAME_LANGUAGES].sort());
      for (const name of Object.values(country.names)) expect(name.trim()).not.toBe("");
    }
  });

  it("gives every country a French and a Spanish name that is not just its code", () => {
    for (const country of listCountries()) {
      expect(country.names.fr).not.toBe(country.code);
      expect(country.names.es).not.toBe(country.code);
    }
  });

  it("keeps every official name among the aliases", () => {
    for (const country of listCountries()) {
      expect(country.aliases).toEqual(expect.arrayContaining(Object.values(country.names)));
    }
  });
});

describe("foldText", () => {
  it("lowercases and folds accents, so Sénégal and senegal compare equal", () => {
    expect(foldText("Sénégal")).toBe(foldText("senegal"));
    expect(foldText("CÔTE D'IVOIRE")).toBe("cote d'ivoire");
    expect(foldText("Túnez")).toBe("tunez");
  });
});

describe("searchCountries", () => {
  it("finds Sénégal from the unaccented start of its name", () => {
    expect(codesOf(searchCountries("sene"))[0]).toBe("SN");
  });

  it.each([
    ["Sénégal", "SN"],
    ["senegal", "SN"],
    ["Maroc", "MA"],
    ["Marruecos", "MA"],
    ["morocco", "MA"],
    ["Tchad", "TD"],
    ["  mali  ", "ML"],
  ])("puts the country named %j first", (query, code) => {
    expect(codesOf(searchCountries(query))[0]).toBe(code);
  });

  it("puts an exact code match before names that start with the same letters", () => {
    const codes = codesOf(searchCountries("ma"));
    expect(codes[0]).toBe("MA");
    expect(codes).toEqual(expect.arrayContaining(["MG", "MW", "ML"]));
  });

  it("matches codes whatever their case", () => {
    expect(codesOf(searchCountries("NI"))[0]).toBe("NI");
    expect(codesOf(searchCountries("ni"))[0]).toBe("NI");
  });

  it("ranks the exact name first, then names that start with the query, then later words that do", () => {
    const codes = codesOf(searchCountries("guinea"));
    expect(codes[0]).toBe("GN");
    expect(codes.indexOf("GW")).toBeLessThan(codes.indexOf("PG"));
    expect(codes.indexOf("GQ")).toBeLessThan(codes.indexOf("PG"));
  });

  it("ranks a name that starts with the query before one that merely contains it", () => {
    const codes = codesOf(searchCountries("ger"));
    expect(codes[0]).toBe("DE");
    expect(codes).toEqual(expect.arrayContaining(["NE", "NG"]));
  });

  it("finds a country by a later word of its name", () => {
    expect(codesOf(searchCountries("ivoire"))).toContain("CI");
  });

  it("finds a country by the middle of a word", () => {
    expect(codesOf(searchCountries("egal"))).toContain("SN");
  });

  it("finds nothing for a query that matches no country", () => {
    expect(searchCountries("atlantis")).toEqual([]);
  });

  it("lists the first countries when the query is blank", () => {
    expect(codesOf(searchCountries("   ", 3))).toEqual(codesOf(listCountries().slice(0, 3)));
  });

  it("returns at most 100 countries by default, as Slack's pickers allow", () => {
    expect(searchCountries("").length).toBe(100);
    expect(searchCountries("a").length).toBeLessThanOrEqual(100);
  });

  it("returns at most the limit asked for", () => {
    expect(searchCountries("a", 5)).toHaveLength(5);
  });
});

describe("countryCodeFromName", () => {
  it.each([
    ["Sénégal", "SN"],
    ["senegal", "SN"],
    [" SENEGAL ", "SN"],
    ["Maroc", "MA"],
    ["Marruecos", "MA"],
    ["Morocco", "MA"],
    ["Allemagne", "DE"],
  ])("reads %j as %s", (name, code) => {
    expect(countryCodeFromName(name)).toBe(code);
  });

  it("does not guess from part of a name", () => {
    expect(countryCodeFromName("sene")).toBeUndefined();
  });

  it("returns nothing for a blank or unknown name", () => {
    expect(countryCodeFromName("")).toBeUndefined();
    expect(countryCodeFromName("   ")).toBeUndefined();
    expect(countryCodeFromName("Atlantis")).toBeUndefined();
  });
});
