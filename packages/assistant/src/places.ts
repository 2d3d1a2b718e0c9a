import type { RegionCode } from "@bsi/domain";

/**
 * Adjectives and short names for the countries BSI works with, in English, French and Spanish
 * (masculine singular; feminine and plural forms are derived). "French", "Spanish" and "English"
 * are left out on purpose: in a question they are far more often a language than a country.
 */
export const COUNTRY_ADJECTIVES: Record<string, { en: string[]; fr: string[]; es: string[] }> = {
  MA: { en: ["moroccan"], fr: ["marocain"], es: ["marroqui"] },
  DZ: { en: ["algerian"], fr: ["algerien"], es: ["argelino"] },
  TN: { en: ["tunisian"], fr: ["tunisien"], es: ["tunecino"] },
  LY: { en: ["libyan"], fr: ["libyen"], es: ["libio"] },
  EG: { en: ["egyptian"], fr: ["egyptien"], es: ["egipcio"] },
  MR: { en: ["mauritanian"], fr: ["mauritanien"], es: ["mauritano"] },
  SN: { en: ["senegalese"], fr: ["senegalais"], es: ["senegales"] },
  ML: { en: ["malian"], fr: ["malien"], es: ["maliense"] },
  NE: { en: ["nigerien"], fr: ["nigerien"], es: ["nigerino"] },
  NG: { en: ["nigerian"], fr: ["nigerian", "nigeriane"], es: ["nigeriano"] },
  BF: { en: ["burkinabe", "burkinese"], fr: ["burkinabe"], es: ["burkines"] },
  TD: { en: ["chadian"], fr: ["tchadien"], es: ["chadiano"] },
  CM: { en: ["cameroonian"], fr: ["camerounais"], es: ["camerunes"] },
  KE: { en: ["kenyan"], fr: ["kenyan", "kenian"], es: ["keniano", "keniata"] },
  ET: { en: ["ethiopian"], fr: ["ethiopien"], es: ["etiope"] },
  SO: { en: ["somali", "somalian"], fr: ["somalien"], es: ["somali"] },
  DJ: { en: ["djiboutian"], fr: ["djiboutien"], es: ["yibutiano"] },
  ER: { en: ["eritrean"], fr: ["erythreen"], es: ["eritreo"] },
  SD: { en: ["sudanese"], fr: ["soudanais"], es: ["sudanes"] },
  SS: { en: ["south sudanese"], fr: ["sud soudanais"], es: ["sursudanes"] },
  UG: { en: ["ugandan"], fr: ["ougandais"], es: ["ugandes"] },
  TZ: { en: ["tanzanian"], fr: ["tanzanien"], es: ["tanzano"] },
  RW: { en: ["rwandan"], fr: ["rwandais"], es: ["ruandes"] },
  BI: { en: ["burundian"], fr: ["burundais"], es: ["burundes"] },
  GH: { en: ["ghanaian"], fr: ["ghaneen"], es: ["ghanes"] },
  CI: { en: ["ivorian"], fr: ["ivoirien"], es: ["marfileno"] },
  GN: { en: ["guinean"], fr: ["guineen"], es: ["guineano"] },
  GM: { en: ["gambian"], fr: ["gambien"], es: ["gambiano"] },
  SL: { en: ["sierra leonean"], fr: ["sierraleonais"], es: ["sierraleones"] },
  LR: { en: ["liberian"], fr: ["liberien"], es: ["liberiano"] },
  TG: { en: ["togolese"], fr: ["togolais"], es: ["togoles"] },
  BJ: { en: ["beninese"], fr: ["beninois"], es: ["benines"] },
  CV: { en: ["cape verdean"], fr: ["cap verdien"], es: ["caboverdiano"] },
  JO: { en: ["jordanian"], fr: ["jordanien"], es: ["jordano"] },
  IQ: { en: ["iraqi"], fr: ["irakien"], es: ["iraqui"] },
  LB: { en: ["lebanese"], fr: ["libanais"], es: ["libanes"] },
  SY: { en: ["syrian"], fr: ["syrien"], es: ["sirio"] },
  SA: { en: ["saudi"], fr: ["saoudien"], es: ["saudi", "saudita"] },
  AE: { en: ["emirati"], fr: ["emirien"], es: ["emirati"] },
  QA: { en: ["qatari"], fr: ["qatarien"], es: ["catari"] },
  KW: { en: ["kuwaiti"], fr: ["koweitien"], es: ["kuwaiti"] },
  OM: { en: ["omani"], fr: ["omanais"], es: ["omani"] },
  YE: { en: ["yemeni"], fr: ["yemenite"], es: ["yemeni"] },
  TR: { en: ["turkish"], fr: ["turc", "turque"], es: ["turco"] },
  KZ: { en: ["kazakh", "kazakhstani"], fr: ["kazakh", "kazakhstanais"], es: ["kazajo"] },
  KG: { en: ["kyrgyz"], fr: ["kirghize"], es: ["kirguis"] },
  TJ: { en: ["tajik"], fr: ["tadjik"], es: ["tayiko"] },
  TM: { en: ["turkmen"], fr: ["turkmene"], es: ["turkmeno"] },
  UZ: { en: ["uzbek"], fr: ["ouzbek"], es: ["uzbeko"] },
  AF: { en: ["afghan"], fr: ["afghan"], es: ["afgano"] },
  PK: { en: ["pakistani"], fr: ["pakistanais"], es: ["paquistani", "pakistani"] },
  BD: { en: ["bangladeshi"], fr: ["bangladais"], es: ["bangladesi"] },
  LK: { en: ["sri lankan"], fr: ["sri lankais"], es: ["esrilanques"] },
  ID: { en: ["indonesian"], fr: ["indonesien"], es: ["indonesio"] },
  PH: { en: ["filipino", "philippine"], fr: ["philippin"], es: ["filipino"] },
  MY: { en: ["malaysian"], fr: ["malaisien"], es: ["malasio"] },
  TH: { en: ["thai"], fr: ["thailandais"], es: ["tailandes"] },
  AL: { en: ["albanian"], fr: ["albanais"], es: ["albanes"] },
  BA: { en: ["bosnian"], fr: ["bosnien"], es: ["bosnio"] },
  ME: { en: ["montenegrin"], fr: ["montenegrin"], es: ["montenegrino"] },
  MK: { en: ["macedonian", "north macedonian"], fr: ["macedonien"], es: ["macedonio"] },
  RS: { en: ["serbian"], fr: ["serbe"], es: ["serbio"] },
  AT: { en: ["austrian"], fr: ["autrichien"], es: ["austriaco"] },
  IT: { en: ["italian"], fr: ["italien"], es: ["italiano"] },
  DE: { en: ["german"], fr: ["allemand"], es: ["aleman"] },
  GB: { en: ["british", "uk"], fr: ["britannique"], es: ["britanico"] },
  US: { en: ["american", "usa", "u s"], fr: ["americain"], es: ["estadounidense", "eeuu", "ee uu"] },
  AU: { en: ["australian", "aussie"], fr: ["australien"], es: ["australiano"] },
  CH: { en: ["swiss"], fr: ["suisse"], es: ["suizo"] },
  BE: { en: ["belgian"], fr: ["belge"], es: ["belga"] },
  NL: { en: ["dutch"], fr: ["neerlandais"], es: ["neerlandes"] },
  CA: { en: ["canadian"], fr: ["canadien"], es: ["canadiense"] },
  MX: { en: ["mexican"], fr: ["mexicain"], es: ["mexicano"] },
  CO: { en: ["colombian"], fr: ["colombien"], es: ["colombiano"] },
  PE: { en: ["peruvian"], fr: ["peruvien"], es: ["peruano"] },
  EC: { en: ["ecuadorian"], fr: ["equatorien"], es: ["ecuatoriano"] },
  AE_SHORT: { en: ["uae"], fr: [], es: [] },
  CD_SHORT: { en: ["drc", "dr congo"], fr: ["rdc"], es: ["rdc"] },
};

/** Country codes of the short forms above that are not adjectives of their own code. */
export const SHORT_FORM_CODES: Record<string, string> = { AE_SHORT: "AE", CD_SHORT: "CD" };

/** Feminine and plural forms of an adjective, roughly: enough to recognise "marocaines", "marroquíes". */
export function adjectiveForms(base: string, language: "en" | "fr" | "es"): string[] {
  const forms = new Set([base]);
  if (language === "en") forms.add(`${base}s`);
  if (language === "fr") {
    forms.add(`${base}s`);
    if (base.endsWith("ien")) forms.add(`${base}ne`).add(`${base}nes`);
    else if (!base.endsWith("e")) forms.add(`${base}e`).add(`${base}es`);
  }
  if (language === "es") {
    if (base.endsWith("o")) {
      const stem = base.slice(0, -1);
      forms.add(`${stem}a`).add(`${stem}os`).add(`${stem}as`);
    } else if (base.endsWith("es")) {
      forms.add(`${base}a`).add(`${base}as`).add(`${base}es`);
    } else if (base.endsWith("i")) {
      forms.add(`${base}es`).add(`${base}s`);
    } else forms.add(`${base}s`);
  }
  return [...forms];
}

export interface KnownCity {
  /** The name as the catalogue writes it. */
  name: string;
  country: string;
  /** Other spellings and the French and Spanish names. */
  aliases: string[];
  /** The name in French and Spanish answers, when it differs. */
  fr?: string;
  es?: string;
}

/**
 * Cities where BSI meets or that people name in questions, so that "anything in Vienna?" is read as a
 * place even when the catalogue has nothing there yet. Catalogue cities passed to `interpret` are
 * recognised as well.
 */
export const KNOWN_CITIES: readonly KnownCity[] = [
  { name: "Vienna", country: "AT", aliases: ["vienne", "viena", "wien"], fr: "Vienne", es: "Viena" },
  { name: "New York", country: "US", aliases: ["nyc", "nueva york"], es: "Nueva York" },
  { name: "Geneva", country: "CH", aliases: ["geneve", "ginebra"], fr: "Genève", es: "Ginebra" },
  { name: "Brussels", country: "BE", aliases: ["bruxelles", "bruselas"], fr: "Bruxelles", es: "Bruselas" },
  { name: "Rome", country: "IT", aliases: ["roma"], es: "Roma" },
  { name: "Madrid", country: "ES", aliases: [] },
  { name: "Paris", country: "FR", aliases: [] },
  { name: "London", country: "GB", aliases: ["londres"], fr: "Londres", es: "Londres" },
  { name: "The Hague", country: "NL", aliases: ["la haye", "la haya"], fr: "La Haye", es: "La Haya" },
  { name: "Washington", country: "US", aliases: ["washington dc"] },
  { name: "Rabat", country: "MA", aliases: [] },
  { name: "Casablanca", country: "MA", aliases: [] },
  { name: "Marrakech", country: "MA", aliases: ["marrakesh", "marrakech"] },
  { name: "El Jadida", country: "MA", aliases: [] },
  { name: "Tangier", country: "MA", aliases: ["tanger"], fr: "Tanger", es: "Tánger" },
  { name: "Algiers", country: "DZ", aliases: ["alger", "argel"], fr: "Alger", es: "Argel" },
  { name: "Tunis", country: "TN", aliases: ["tunez"], es: "Túnez" },
  { name: "Tripoli", country: "LY", aliases: ["tripoli"] },
  { name: "Cairo", country: "EG", aliases: ["le caire", "el cairo"], fr: "Le Caire", es: "El Cairo" },
  { name: "Nouakchott", country: "MR", aliases: [] },
  { name: "Djibouti", country: "DJ", aliases: [], es: "Yibuti" },
  { name: "Dakar", country: "SN", aliases: [] },
  { name: "Bamako", country: "ML", aliases: [] },
  { name: "Niamey", country: "NE", aliases: [] },
  { name: "Abuja", country: "NG", aliases: [] },
  { name: "Lagos", country: "NG", aliases: [] },
  { name: "Ouagadougou", country: "BF", aliases: ["ouaga"] },
  { name: "N'Djamena", country: "TD", aliases: ["ndjamena", "n djamena", "yamena"], es: "Yamena" },
  { name: "Yaoundé", country: "CM", aliases: ["yaounde"] },
  { name: "Nairobi", country: "KE", aliases: [] },
  { name: "Mombasa", country: "KE", aliases: [] },
  {
    name: "Addis Ababa",
    country: "ET",
    aliases: ["addis", "addis abeba", "adis abeba"],
    fr: "Addis-Abeba",
    es: "Adís Abeba",
  },
  { name: "Mogadishu", country: "SO", aliases: ["mogadiscio"], es: "Mogadiscio" },
  { name: "Kampala", country: "UG", aliases: [] },
  { name: "Kigali", country: "RW", aliases: [] },
  { name: "Dar es Salaam", country: "TZ", aliases: ["dar es salam"] },
  { name: "Khartoum", country: "SD", aliases: ["jartum"], es: "Jartum" },
  { name: "Juba", country: "SS", aliases: [] },
  { name: "Asmara", country: "ER", aliases: [] },
  { name: "Accra", country: "GH", aliases: [] },
  { name: "Abidjan", country: "CI", aliases: [] },
  { name: "Lomé", country: "TG", aliases: ["lome"] },
  { name: "Cotonou", country: "BJ", aliases: [] },
  { name: "Conakry", country: "GN", aliases: [] },
  { name: "Banjul", country: "GM", aliases: [] },
  { name: "Freetown", country: "SL", aliases: [] },
  { name: "Monrovia", country: "LR", aliases: [] },
  { name: "Amman", country: "JO", aliases: ["aman"] },
  { name: "Beirut", country: "LB", aliases: ["beyrouth"], fr: "Beyrouth" },
  { name: "Baghdad", country: "IQ", aliases: ["bagdad"], fr: "Bagdad", es: "Bagdad" },
  { name: "Riyadh", country: "SA", aliases: ["riyad", "riad"], fr: "Riyad", es: "Riad" },
  { name: "Doha", country: "QA", aliases: [] },
  { name: "Abu Dhabi", country: "AE", aliases: ["abou dabi", "abu dabi"] },
  { name: "Dubai", country: "AE", aliases: ["dubai", "doubai"] },
  { name: "Muscat", country: "OM", aliases: ["mascate"] },
  { name: "Istanbul", country: "TR", aliases: ["estambul"], es: "Estambul" },
  { name: "Ankara", country: "TR", aliases: [] },
  { name: "Astana", country: "KZ", aliases: [] },
  { name: "Almaty", country: "KZ", aliases: [] },
  { name: "Tashkent", country: "UZ", aliases: ["tachkent", "taskent"], fr: "Tachkent", es: "Taskent" },
  { name: "Bishkek", country: "KG", aliases: ["bichkek", "biskek"], fr: "Bichkek", es: "Biskek" },
  { name: "Dushanbe", country: "TJ", aliases: ["douchanbe", "dusambe"], fr: "Douchanbé", es: "Dusambé" },
  { name: "Ashgabat", country: "TM", aliases: ["achgabat"] },
  { name: "Islamabad", country: "PK", aliases: [] },
  { name: "New Delhi", country: "IN", aliases: ["delhi", "nueva delhi", "new dehli"], es: "Nueva Delhi" },
  { name: "Dhaka", country: "BD", aliases: ["dacca"] },
  { name: "Colombo", country: "LK", aliases: [] },
  { name: "Jakarta", country: "ID", aliases: ["djakarta", "yakarta"], es: "Yakarta" },
  { name: "Manila", country: "PH", aliases: ["manille"], fr: "Manille" },
  { name: "Bangkok", country: "TH", aliases: [] },
  { name: "Kuala Lumpur", country: "MY", aliases: [] },
  { name: "Cairns", country: "AU", aliases: [] },
  { name: "Canberra", country: "AU", aliases: [] },
  { name: "Sydney", country: "AU", aliases: [] },
  { name: "Sarajevo", country: "BA", aliases: [] },
  { name: "Skopje", country: "MK", aliases: [] },
  { name: "Tirana", country: "AL", aliases: ["tirane"] },
  { name: "Belgrade", country: "RS", aliases: ["belgrado"], es: "Belgrado" },
  { name: "Podgorica", country: "ME", aliases: [] },
  { name: "Warsaw", country: "PL", aliases: ["varsovie", "varsovia"], fr: "Varsovie", es: "Varsovia" },
  { name: "Bogotá", country: "CO", aliases: ["bogota"] },
  { name: "Panama City", country: "PA", aliases: ["ciudad de panama"] },
  {
    name: "Mexico City",
    country: "MX",
    aliases: ["ciudad de mexico", "mexico df"],
    fr: "Mexico",
    es: "Ciudad de México",
  },
  { name: "Lima", country: "PE", aliases: [] },
  { name: "Buenos Aires", country: "AR", aliases: [] },
];

/** Names of whole continents, read as the BSI regions on them. */
export const CONTINENTS: ReadonlyArray<{ names: string[]; regions: RegionCode[] }> = [
  {
    names: [
      "africa",
      "african",
      "afrique",
      "africain",
      "africaine",
      "africains",
      "africaines",
      "africano",
      "africana",
      "africanos",
    ],
    regions: [
      "north-africa",
      "west-africa",
      "east-africa",
      "central-africa",
      "sahel",
      "maghreb",
      "horn-of-africa",
      "lake-chad-basin",
    ],
  },
  {
    names: ["asia", "asian", "asie", "asiatique", "asiatiques", "asiatico", "asiatica"],
    regions: ["central-asia", "south-asia", "south-east-asia"],
  },
];

/** More names for regions than the domain lists (adjectives, common shorthand). */
export const REGION_EXTRA_NAMES: Partial<Record<RegionCode, string[]>> = {
  sahel: [
    "sahel region",
    "sahel countries",
    "pays du sahel",
    "region du sahel",
    "sahelien",
    "saheliens",
    "sahelienne",
    "sahelo saharien",
    "sahel sahara",
    "g5",
  ],
  maghreb: ["maghrebin", "maghrebins", "magrebies", "magrebi"],
  "horn-of-africa": ["horn", "horn africa", "la corne", "el cuerno"],
  "west-africa": [
    "gulf of guinea",
    "golfe de guinee",
    "golfo de guinea",
    "west african",
    "ouest africain",
    "ouest africaine",
    "africa del oeste",
    "africa occidental",
    "afrique occidentale",
  ],
  "east-africa": ["east african", "est africain", "africa del este", "afrique orientale"],
  "central-africa": ["central african"],
  "north-africa": ["north african", "nord africain", "norte de africa", "africa del norte", "norafrica"],
  "middle-east": [
    "middle eastern",
    "near east",
    "proche orient",
    "gulf",
    "the gulf",
    "golfe",
    "golfo",
    "persian gulf",
    "golfe persique",
    "golfo persico",
    "oriente proximo",
    "gulf states",
    "pays du golfe",
    "paises del golfo",
  ],
  "central-asia": ["central asian", "asie centrale", "asia central"],
  "south-east-asia": ["southeast asian", "south east asian"],
  "western-balkans": ["balkan", "balkanique"],
  americas: [
    "latin american",
    "south america",
    "central america",
    "amerique du sud",
    "amerique centrale",
    "america del sur",
    "sudamerica",
    "centroamerica",
    "latinoamerica",
  ],
};

/** A city's name in an answer's language ("Vienne", "Viena"); catalogue names not listed stay as they are. */
export function localCityName(city: string, language: "en" | "fr" | "es"): string {
  if (language === "en") return city;
  const known = KNOWN_CITIES.find((candidate) => candidate.name === city);
  return known?.[language] ?? city;
}
