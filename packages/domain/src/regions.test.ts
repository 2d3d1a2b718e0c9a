import { describe, expect, it } from "vitest";
import { isCountryCode } from "./countries.js";
import {
  getRegion,
  REGION_CODES,
  REGIONS,
  type RegionCode,
  RegionCodeSchema,
  regionsOfCountry,
} from "./regions.js";

const regionCases = REGIONS.map((region) => [region.code, region] as const);

describe("REGIONS", () => {
  it("describes every region code exactly once, in the order of REGION_CODES", () => {
    expect(new Set(REGION_CODES).size).toBe(REGION_CODES.length);
    expect(REGIONS.map((region) => region.code)).toEqual([...REGION_CODES]);
  });

  it.each(regionCases)("lists only valid ISO alpha-2 codes in %s", (_code, region) => {
    expect(region.countries.filter((country) => !isCountryCode(country))).toEqual([]);
  });

  it.each(regionCases)("lists each country of %s once", (_code, region) => {
    expect(new Set(region.countries).size).toBe(region.countries.length);
  });

  it.each(regionCases)("names %s in English, French and Spanish", (_code, region) => {
    for (const name of Object.values(region.names)) expect(name.trim()).not.toBe("");
  });

  it.each(regionCases)("writes the synonyms of %s in lowercase", (_code, region) => {
    for (const synonym of region.synonyms) expect(synonym).toBe(synonym.toLowerCase().trim());
  });

  it("lets no synonym point at two regions", () => {
    const synonyms = REGIONS.flatMap((region) => region.synonyms);
    expect(synonyms.filter((synonym, index) => synonyms.indexOf(synonym) !== index)).toEqual([]);
  });

  it("puts Mali, Niger and Burkina Faso in the Sahel", () => {
    expect(getRegion("sahel").countries).toEqual(expect.arrayContaining(["ML", "NE", "BF"]));
  });

  it("puts the four lakeside States in the Lake Chad Basin", () => {
    expect([...getRegion("lake-chad-basin").countries].sort()).toEqual(["CM", "NE", "NG", "TD"]);
  });

  it("puts Morocco, Algeria and Tunisia in the Maghreb", () => {
    expect(getRegion("maghreb").countries).toEqual(expect.arrayContaining(["MA", "DZ", "TN"]));
  });
});

describe("regionsOfCountry", () => {
  it("puts Mauritania in the Sahel, the Maghreb and West Africa", () => {
    expect(regionsOfCountry("MR")).toEqual(expect.arrayContaining(["sahel", "maghreb", "west-africa"]));
  });

  it("puts Niger in the Sahel, West Africa and the Lake Chad Basin but not in the Maghreb", () => {
    const regions = regionsOfCountry("NE");
    expect(regions).toEqual(expect.arrayContaining(["sahel", "west-africa", "lake-chad-basin"]));
    expect(regions).not.toContain("maghreb");
  });

  it("puts France in Europe only", () => {
    expect(regionsOfCountry("FR")).toEqual(["europe"]);
  });

  it("finds no region for a country BSI does not group", () => {
    expect(regionsOfCountry("AQ")).toEqual([]);
  });

  it("agrees with every region's list of countries", () => {
    for (const region of REGIONS) {
      for (const country of region.countries) expect(regionsOfCountry(country)).toContain(region.code);
    }
  });
});

describe("getRegion", () => {
  it("returns the region with that code", () => {
    expect(getRegion("horn-of-africa").names.fr).toBe("Corne de l'Afrique");
  });

  it("throws for a region outside the list", () => {
    expect(() => getRegion("atlantis" as RegionCode)).toThrow("unknown region atlantis");
  });
});

describe("RegionCodeSchema", () => {
  it("lists the valid regions when it rejects one", () => {
    expect(RegionCodeSchema.safeParse("sub-saharan-africa").error?.issues[0]?.message).toBe(
      `must be one of the regions: ${REGION_CODES.join(", ")}`,
    );
  });
});
