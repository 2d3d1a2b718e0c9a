import { z } from "zod";
import type { CountryCode } from "./countries.js";

export const REGION_CODES = [
  "sahel",
  "maghreb",
  "horn-of-africa",
  "west-africa",
  "east-africa",
  "central-africa",
  "north-africa",
  "lake-chad-basin",
  "middle-east",
  "central-asia",
  "south-asia",
  "south-east-asia",
  "western-balkans",
  "europe",
  "oceania",
  "americas",
] as const;

export const RegionCodeSchema = z.enum(REGION_CODES, {
  error: () => `must be one of the regions: ${REGION_CODES.join(", ")}`,
});
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export interface Region {
  code: RegionCode;
  names: { en: string; fr: string; es: string };
  /** Other ways people name it, lowercase. */
  synonyms: string[];
  countries: CountryCode[];
}

/** The regions BSI works in, as lists of ISO alpha-2 codes. Regions overlap on purpose. */
export const REGIONS: readonly Region[] = [
  {
    code: "sahel",
    names: { en: "Sahel", fr: "Sahel", es: "Sahel" },
    synonyms: ["sahel", "the sahel", "sahelian", "g5 sahel", "sahélien", "saheliano"],
    countries: ["BF", "CM", "TD", "GM", "GN", "ML", "MR", "NE", "NG", "SN", "SD"],
  },
  {
    code: "maghreb",
    names: { en: "Maghreb", fr: "Maghreb", es: "Magreb" },
    synonyms: ["maghreb", "magreb", "maghrebi", "maghrébin", "magrebí"],
    countries: ["DZ", "LY", "MA", "MR", "TN"],
  },
  {
    code: "horn-of-africa",
    names: { en: "Horn of Africa", fr: "Corne de l'Afrique", es: "Cuerno de África" },
    synonyms: ["horn of africa", "the horn", "corne de l'afrique", "cuerno de africa", "igad"],
    countries: ["DJ", "ER", "ET", "KE", "SO", "SD", "SS", "UG"],
  },
  {
    code: "west-africa",
    names: { en: "West Africa", fr: "Afrique de l'Ouest", es: "África Occidental" },
    synonyms: [
      "west africa",
      "western africa",
      "ecowas",
      "afrique de l'ouest",
      "africa occidental",
      "cedeao",
    ],
    countries: [
      "BJ",
      "BF",
      "CV",
      "CI",
      "GM",
      "GH",
      "GN",
      "GW",
      "LR",
      "ML",
      "MR",
      "NE",
      "NG",
      "SN",
      "SL",
      "TG",
    ],
  },
  {
    code: "east-africa",
    names: { en: "East Africa", fr: "Afrique de l'Est", es: "África Oriental" },
    synonyms: ["east africa", "eastern africa", "afrique de l'est", "africa oriental"],
    countries: ["BI", "DJ", "ER", "ET", "KE", "RW", "SO", "SS", "TZ", "UG"],
  },
  {
    code: "central-africa",
    names: { en: "Central Africa", fr: "Afrique centrale", es: "África Central" },
    synonyms: ["central africa", "afrique centrale", "africa central", "eccas", "ceeac"],
    countries: ["AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"],
  },
  {
    code: "north-africa",
    names: { en: "North Africa", fr: "Afrique du Nord", es: "África del Norte" },
    synonyms: ["north africa", "northern africa", "afrique du nord", "africa del norte", "norte de africa"],
    countries: ["DZ", "EG", "LY", "MA", "SD", "TN"],
  },
  {
    code: "lake-chad-basin",
    names: { en: "Lake Chad Basin", fr: "Bassin du lac Tchad", es: "Cuenca del lago Chad" },
    synonyms: ["lake chad", "lake chad basin", "bassin du lac tchad", "lac tchad", "lago chad"],
    countries: ["CM", "TD", "NE", "NG"],
  },
  {
    code: "middle-east",
    names: { en: "Middle East", fr: "Moyen-Orient", es: "Oriente Medio" },
    synonyms: ["middle east", "mena", "moyen-orient", "moyen orient", "oriente medio", "medio oriente"],
    countries: ["BH", "EG", "IQ", "JO", "KW", "LB", "OM", "QA", "SA", "SY", "AE", "YE", "IL", "PS", "IR"],
  },
  {
    code: "central-asia",
    names: { en: "Central Asia", fr: "Asie centrale", es: "Asia Central" },
    synonyms: ["central asia", "asie centrale", "asia central"],
    countries: ["KZ", "KG", "TJ", "TM", "UZ"],
  },
  {
    code: "south-asia",
    names: { en: "South Asia", fr: "Asie du Sud", es: "Asia del Sur" },
    synonyms: ["south asia", "asie du sud", "asia del sur", "asia meridional"],
    countries: ["AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"],
  },
  {
    code: "south-east-asia",
    names: { en: "South-East Asia", fr: "Asie du Sud-Est", es: "Sudeste Asiático" },
    synonyms: [
      "south-east asia",
      "southeast asia",
      "south east asia",
      "asean",
      "asie du sud-est",
      "sudeste asiatico",
    ],
    countries: ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"],
  },
  {
    code: "western-balkans",
    names: { en: "Western Balkans", fr: "Balkans occidentaux", es: "Balcanes Occidentales" },
    synonyms: ["western balkans", "balkans", "balkans occidentaux", "balcanes"],
    countries: ["AL", "BA", "ME", "MK", "RS"],
  },
  {
    code: "europe",
    names: { en: "Europe", fr: "Europe", es: "Europa" },
    synonyms: ["europe", "european", "europa", "européen", "europeo"],
    countries: [
      "AT",
      "BE",
      "BG",
      "HR",
      "CY",
      "CZ",
      "DK",
      "EE",
      "FI",
      "FR",
      "DE",
      "GR",
      "HU",
      "IE",
      "IT",
      "LV",
      "LT",
      "LU",
      "MT",
      "NL",
      "PL",
      "PT",
      "RO",
      "SK",
      "SI",
      "ES",
      "SE",
      "GB",
      "NO",
      "CH",
      "IS",
    ],
  },
  {
    code: "oceania",
    names: { en: "Oceania", fr: "Océanie", es: "Oceanía" },
    synonyms: ["oceania", "pacific", "océanie", "pacifique", "pacífico"],
    countries: ["AU", "NZ", "FJ", "PG", "SB", "VU", "WS", "TO"],
  },
  {
    code: "americas",
    names: { en: "Americas", fr: "Amériques", es: "Américas" },
    synonyms: ["americas", "the americas", "latin america", "amériques", "amérique latine", "américa latina"],
    countries: ["US", "CA", "MX", "BR", "AR", "CO", "PE", "CL", "EC", "PA", "GT", "HN", "SV", "CR"],
  },
];

const REGIONS_BY_CODE = new Map(REGIONS.map((region) => [region.code, region]));

export function getRegion(code: RegionCode): Region {
  const region = REGIONS_BY_CODE.get(code);
  if (!region) throw new Error(`unknown region ${code}`);
  return region;
}

/** The regions a country belongs to (Mauritania is in the Sahel, the Maghreb and West Africa). */
export function regionsOfCountry(code: CountryCode): RegionCode[] {
  return REGIONS.filter((region) => region.countries.includes(code)).map((region) => region.code);
}
