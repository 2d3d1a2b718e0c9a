import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import { z } from "zod";

const require = createRequire(import.meta.url);

/** UN official languages that i18n-iso-countries has names for (it has no Chinese list). */
export const COUNTRY_NAME_LANGUAGES = ["en", "fr", "es", "ar", "ru"] as const;
export type CountryNameLanguage = (typeof COUNTRY_NAME_LANGUAGES)[number];

for (const language of COUNTRY_NAME_LANGUAGES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
}

const ALPHA2_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const ALPHA2_SET = new Set(ALPHA2_CODES);

export function isCountryCode(value: string): boolean {
  return ALPHA2_SET.has(value);
}

export const CountryCodeSchema = z
  .string()
  .refine(isCountryCode, { message: "must be an ISO 3166-1 alpha-2 country code in capitals, such as SN" })
  .meta({ description: "ISO 3166-1 alpha-2 country code", example: "SN" });
export type CountryCode = z.infer<typeof CountryCodeSchema>;

export interface Country {
  code: CountryCode;
  /** Official short name per language. */
  names: Record<CountryNameLanguage, string>;
  /** Every name the package knows (official and aliases), in every registered language. */
  aliases: string[];
}

/** Every ISO 3166-1 alpha-2 code, sorted. */
export function listCountryCodes(): readonly CountryCode[] {
  return ALPHA2_CODES;
}

/** The country's name in a UN language (English when the package lacks it). */
export function countryName(code: CountryCode, language: CountryNameLanguage = "en"): string {
  return countries.getName(code, language) ?? countries.getName(code, "en") ?? code;
}

let cache: Country[] | undefined;

/** Every country with its names in the UN languages the package has. */
export function listCountries(): readonly Country[] {
  cache ??= ALPHA2_CODES.map((code) => {
    const names = Object.fromEntries(
      COUNTRY_NAME_LANGUAGES.map((language) => [language, countryName(code, language)]),
    ) as Record<CountryNameLanguage, string>;
    const aliases = new Set<string>();
    for (const language of COUNTRY_NAME_LANGUAGES) {
      for (const name of countries.getName(code, language, { select: "all" }) ?? []) aliases.add(name);
    }
    return { code, names, aliases: [...aliases] };
  });
  return cache;
}

/** Lowercase, accents folded: "Sénégal" and "senegal" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * Countries whose code or any name (in any UN language the package has) starts with or contains the
 * query, best first: exact code, then name prefix, then word prefix, then substring. Used for
 * type-ahead pickers, where Slack allows at most 100 options.
 */
export function searchCountries(query: string, limit = 100): Country[] {
  const needle = foldText(query.trim());
  const all = listCountries();
  if (needle.length === 0) return all.slice(0, limit);
  const scored: Array<{ country: Country; score: number }> = [];
  for (const country of all) {
    let best = Number.POSITIVE_INFINITY;
    if (country.code.toLowerCase() === needle) best = 0;
    for (const alias of country.aliases) {
      const name = foldText(alias);
      if (name === needle) best = Math.min(best, 0);
      else if (name.startsWith(needle)) best = Math.min(best, 1);
      else if (name.split(/[\s,()'-]+/).some((word) => word.startsWith(needle))) best = Math.min(best, 2);
      else if (name.includes(needle)) best = Math.min(best, 3);
    }
    if (best < Number.POSITIVE_INFINITY) scored.push({ country, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.country.names.en.localeCompare(b.country.names.en));
  return scored.slice(0, limit).map((entry) => entry.country);
}

/** The code for a country name in any registered language ("Sénégal", "Senegal", "Marruecos"). */
export function countryCodeFromName(name: string): CountryCode | undefined {
  const folded = foldText(name.trim());
  if (folded.length === 0) return undefined;
  for (const country of listCountries()) {
    if (country.aliases.some((alias) => foldText(alias) === folded)) return country.code;
  }
  return undefined;
}
