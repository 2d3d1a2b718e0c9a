import { describe, expect, it } from "vitest";
import {
  getTheme,
  isThemeCode,
  THEME_CODES,
  THEMES,
  type ThemeCode,
  ThemeCodeSchema,
  ThemeSchema,
} from "./themes.js";

describe("THEME_CODES", () => {
  it("has no code twice", () => {
    expect(new Set(THEME_CODES).size).toBe(THEME_CODES.length);
  });

  it("writes every code as a lowercase, hyphenated slug", () => {
    for (const code of THEME_CODES) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

describe("THEMES", () => {
  it("describes every theme code exactly once, in the order of THEME_CODES", () => {
    expect(THEMES.map((theme) => theme.code)).toEqual([...THEME_CODES]);
  });

  it.each(THEMES.map((theme) => [theme.code, theme] as const))(
    "matches ThemeSchema for %s",
    (_code, theme) => {
      expect(ThemeSchema.parse(theme)).toEqual(theme);
    },
  );

  it.each(THEMES.map((theme) => [theme.code, theme] as const))(
    "gives %s a label, a description and labels in English, French and Spanish",
    (_code, theme) => {
      for (const text of [
        theme.label,
        theme.description,
        theme.labels.en,
        theme.labels.fr,
        theme.labels.es,
      ]) {
        expect(text.trim()).not.toBe("");
      }
    },
  );

  it.each(THEMES.map((theme) => [theme.code, theme] as const))(
    "gives %s synonyms that are lowercase, trimmed and not empty",
    (_code, theme) => {
      expect(theme.synonyms.length).toBeGreaterThan(0);
      for (const synonym of theme.synonyms) {
        expect(synonym).toBe(synonym.toLowerCase());
        expect(synonym).toBe(synonym.trim());
        expect(synonym).not.toBe("");
        expect(synonym).not.toMatch(/\s{2}/);
      }
    },
  );

  it.each(THEMES.map((theme) => [theme.code, theme] as const))(
    "lists no synonym of %s twice",
    (_code, theme) => {
      const repeated = theme.synonyms.filter((synonym, index) => theme.synonyms.indexOf(synonym) !== index);
      expect(repeated).toEqual([]);
    },
  );

  it("lets no synonym point at two themes, so a typed word never matches two themes", () => {
    const owners = new Map<string, ThemeCode[]>();
    for (const theme of THEMES) {
      for (const synonym of new Set(theme.synonyms)) {
        owners.set(synonym, [...(owners.get(synonym) ?? []), theme.code]);
      }
    }
    const shared = [...owners].filter(([, codes]) => codes.length > 1);
    expect(shared).toEqual([]);
  });

  it("finds the acronyms practitioners type in the theme they stand for", () => {
    expect(getTheme("integrated-border-management").synonyms).toContain("ibm");
    expect(getTheme("api-pnr").synonyms).toEqual(expect.arrayContaining(["api", "pnr"]));
    expect(getTheme("ftf-travel").synonyms).toEqual(expect.arrayContaining(["ftf", "cte"]));
  });
});

describe("getTheme", () => {
  it("returns the theme with that code", () => {
    expect(getTheme("biometrics").labels.fr).toBe("Biométrie");
  });

  it("throws for a code outside the taxonomy", () => {
    expect(() => getTheme("astrology" as ThemeCode)).toThrow("unknown theme code astrology");
  });
});

describe("isThemeCode", () => {
  it.each(THEME_CODES)("recognises %s", (code) => {
    expect(isThemeCode(code)).toBe(true);
  });

  it.each(["Biometrics", "biometric", "api/pnr", "", "human rights"])("does not recognise %j", (value) => {
    expect(isThemeCode(value)).toBe(false);
  });
});

describe("ThemeCodeSchema", () => {
  it("lists the valid codes when it rejects one", () => {
    const result = ThemeCodeSchema.safeParse("astrology");
    expect(result.error?.issues[0]?.message).toBe(
      `must be one of the theme codes: ${THEME_CODES.join(", ")}`,
    );
  });
});
