/**
 * Organizations that run or partner in border-security events, with the names people use for them
 * in English, French and Spanish. Events list their organizers and partners as free text
 * ("GCTF East Africa Working Group", "IOM"); this table lets a question naming "l'OIM" find an event
 * whose partner is written "IOM". Names are folded (lowercase, no accents, no punctuation).
 */
export interface Organization {
  /** The usual English acronym, as the catalogue writes it. */
  code: string;
  /** How an answer names it: "IOM", "l'OIM", "la OIM". */
  labels: { en: string; fr: string; es: string };
  /** Every folded name, acronym and translation that means this organization. */
  names: readonly string[];
}

export const ORGANIZATIONS: readonly Organization[] = [
  {
    code: "UNCCT",
    labels: { en: "UNCCT", fr: "l'UNCCT", es: "el UNCCT" },
    names: [
      "uncct",
      "un counter terrorism centre",
      "united nations counter terrorism centre",
      "centre des nations unies pour la lutte contre le terrorisme",
      "centro de las naciones unidas contra el terrorismo",
    ],
  },
  {
    code: "UNOCT",
    labels: { en: "UNOCT", fr: "le BLT", es: "la OLCT" },
    names: [
      "unoct",
      "un office of counter terrorism",
      "united nations office of counter terrorism",
      "bureau de lutte contre le terrorisme",
      "oficina de lucha contra el terrorismo",
    ],
  },
  {
    code: "GCTF",
    labels: { en: "the GCTF", fr: "le GCTF", es: "el GCTF" },
    names: [
      "gctf",
      "fmct",
      "global counterterrorism forum",
      "global counter terrorism forum",
      "forum mondial de lutte contre le terrorisme",
      "foro mundial contra el terrorismo",
    ],
  },
  {
    code: "CTED",
    labels: { en: "CTED", fr: "la DECT", es: "la DECT" },
    names: [
      "cted",
      "dect",
      "counter terrorism committee executive directorate",
      "direction executive du comite contre le terrorisme",
      "direccion ejecutiva del comite contra el terrorismo",
    ],
  },
  {
    code: "IOM",
    labels: { en: "IOM", fr: "l'OIM", es: "la OIM" },
    names: [
      "iom",
      "oim",
      "international organization for migration",
      "organisation internationale pour les migrations",
      "organizacion internacional para las migraciones",
    ],
  },
  {
    code: "ICAO",
    labels: { en: "ICAO", fr: "l'OACI", es: "la OACI" },
    names: [
      "icao",
      "oaci",
      "international civil aviation organization",
      "organisation de l aviation civile internationale",
      "organizacion de aviacion civil internacional",
    ],
  },
  {
    code: "IATA",
    labels: { en: "IATA", fr: "l'IATA", es: "la IATA" },
    names: [
      "iata",
      "international air transport association",
      "association du transport aerien international",
      "asociacion de transporte aereo internacional",
    ],
  },
  {
    code: "INTERPOL",
    labels: { en: "INTERPOL", fr: "INTERPOL", es: "INTERPOL" },
    names: ["interpol", "international criminal police organization", "oipc"],
  },
  {
    code: "OSCE",
    labels: { en: "the OSCE", fr: "l'OSCE", es: "la OSCE" },
    names: [
      "osce",
      "organization for security and co operation in europe",
      "organisation pour la securite et la cooperation en europe",
      "organizacion para la seguridad y la cooperacion en europa",
    ],
  },
  {
    code: "Frontex",
    labels: { en: "Frontex", fr: "Frontex", es: "Frontex" },
    names: [
      "frontex",
      "european border and coast guard agency",
      "eu border agency",
      "european border agency",
      "agence europeenne de garde frontieres et de garde cotes",
      "agencia europea de la guardia de fronteras y costas",
    ],
  },
  {
    code: "AFRIPOL",
    labels: { en: "AFRIPOL", fr: "AFRIPOL", es: "AFRIPOL" },
    names: ["afripol"],
  },
  {
    code: "UNODC",
    labels: { en: "UNODC", fr: "l'ONUDC", es: "la UNODC" },
    names: [
      "unodc",
      "onudc",
      "un office on drugs and crime",
      "united nations office on drugs and crime",
      "office des nations unies contre la drogue et le crime",
      "oficina de las naciones unidas contra la droga y el delito",
    ],
  },
  {
    code: "UNHCR",
    labels: { en: "UNHCR", fr: "le HCR", es: "el ACNUR" },
    names: ["unhcr", "hcr", "acnur", "un refugee agency"],
  },
  {
    code: "WCO",
    labels: { en: "the WCO", fr: "l'OMD", es: "la OMA" },
    names: [
      "wco",
      "omd",
      "oma",
      "world customs organization",
      "organisation mondiale des douanes",
      "organizacion mundial de aduanas",
    ],
  },
  {
    code: "EU",
    labels: { en: "the EU", fr: "l'UE", es: "la UE" },
    names: ["eu", "ue", "european union", "union europeenne", "union europea"],
  },
  {
    code: "AU",
    labels: { en: "the AU", fr: "l'UA", es: "la UA" },
    names: ["african union", "union africaine", "union africana"],
  },
];

/** Lowercase, accents and punctuation gone, single spaces: how names are compared. */
function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The organizations an organizer or partner entry names: "GCTF East Africa Working Group" names the
 * GCTF, "International Organization for Migration (IOM)" names IOM. Whole words only.
 */
export function organizationsNamedIn(entry: string): Organization[] {
  const folded = ` ${foldName(entry)} `;
  return ORGANIZATIONS.filter((organization) =>
    organization.names.some((name) => folded.includes(` ${name} `)),
  );
}
