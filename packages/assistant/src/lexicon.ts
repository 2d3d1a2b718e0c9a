import {
  type EventKind,
  type EventStatus,
  listCountries,
  ORGANIZATIONS,
  REGIONS,
  type RegionCode,
  THEMES,
  type ThemeCode,
} from "@bsi/domain";
import {
  adjectiveForms,
  CONTINENTS,
  COUNTRY_ADJECTIVES,
  KNOWN_CITIES,
  REGION_EXTRA_NAMES,
  SHORT_FORM_CODES,
} from "./places.js";
import { phraseTokens } from "./text.js";
import {
  CUE_PHRASES,
  type Cue,
  FUNCTION_WORDS,
  GENERIC_WORDS,
  OTHER_LANGUAGE_WORDS,
  TOPIC_WORDS,
} from "./vocabulary.js";

export type Language = "en" | "fr" | "es";
export const LANGUAGES: readonly Language[] = ["en", "fr", "es"];

/** What a phrase in a question can mean. One phrase may mean several things ("Djibouti"). */
export type Meaning =
  | { type: "kind"; kind: EventKind; plural: boolean }
  | { type: "theme"; theme: ThemeCode }
  | { type: "country"; country: string }
  | { type: "region"; regions: RegionCode[] }
  | { type: "city"; city: string; country: string | null }
  | { type: "cue"; cue: Cue }
  | { type: "online"; online: boolean }
  /** An organization that runs or partners in events: its code in the domain's ORGANIZATIONS. */
  | { type: "organization"; code: string }
  /** "confirmed", "annulés", "aplazados": events with that status. */
  | { type: "status"; status: EventStatus }
  /** "open registration", "sur invitation": how one registers. */
  | { type: "registration"; registration: RegistrationFilter }
  /** "real events only", "hors programme d'exemple": the sample programme left out. */
  | { type: "sample"; sample: boolean }
  /** Words about border security in general: consumed, but they narrow nothing. */
  | { type: "generic" };

type LanguageTable = { en: string[]; fr: string[]; es: string[] };

/** Event kinds as people write them; the flag says whether the word is plural. */
const KIND_WORDS: Record<EventKind, { singular: LanguageTable; plural: LanguageTable }> = {
  workshop: {
    singular: { en: ["workshop", "work shop"], fr: ["atelier"], es: ["taller"] },
    plural: { en: ["workshops", "work shops"], fr: ["ateliers"], es: ["talleres"] },
  },
  conference: {
    singular: {
      en: ["conference", "conf", "summit", "congress", "symposium"],
      fr: ["conference", "congres", "colloque", "sommet"],
      es: ["conferencia", "congreso", "cumbre", "simposio"],
    },
    plural: {
      en: ["conferences", "summits", "symposia", "symposiums"],
      fr: ["conferences", "colloques", "sommets"],
      es: ["conferencias", "congresos", "cumbres", "simposios"],
    },
  },
  study_tour: {
    singular: {
      en: ["study tour", "study visit", "study trip", "field visit", "exchange visit", "tour", "studytour"],
      fr: [
        "voyage d etude",
        "voyage d etudes",
        "visite d etude",
        "visite d etudes",
        "visite de terrain",
        "voyage detude",
      ],
      es: [
        "viaje de estudio",
        "viaje de estudios",
        "visita de estudio",
        "visita de estudios",
        "gira de estudio",
        "visita de intercambio",
      ],
    },
    plural: {
      en: ["study tours", "study visits", "study trips", "field visits", "exchange visits", "tours"],
      fr: ["voyages d etude", "voyages d etudes", "visites d etude", "visites d etudes"],
      es: ["viajes de estudio", "viajes de estudios", "visitas de estudio", "giras de estudio"],
    },
  },
  seminar: {
    singular: { en: ["seminar", "experts seminar", "expert seminar"], fr: ["seminaire"], es: ["seminario"] },
    plural: { en: ["seminars"], fr: ["seminaires"], es: ["seminarios"] },
  },
  training: {
    singular: {
      en: ["training", "course", "training course", "training session", "bootcamp"],
      fr: ["formation", "cours", "stage de formation"],
      es: ["formacion", "capacitacion", "curso", "entrenamiento", "adiestramiento"],
    },
    plural: {
      en: ["trainings", "courses", "training courses", "training sessions"],
      fr: ["formations"],
      es: ["formaciones", "capacitaciones", "cursos", "entrenamientos"],
    },
  },
  forum: {
    singular: { en: ["forum"], fr: ["forum"], es: ["foro"] },
    plural: { en: ["forums", "fora"], fr: ["forums"], es: ["foros"] },
  },
  meeting: {
    singular: {
      en: [
        "meeting",
        "roundtable",
        "round table",
        "expert meeting",
        "experts meeting",
        "consultation",
        "plenary",
      ],
      fr: ["reunion", "table ronde", "consultation", "pleniere"],
      es: ["reunion", "mesa redonda", "consulta", "plenaria"],
    },
    plural: {
      en: ["meetings", "roundtables", "round tables", "consultations"],
      fr: ["reunions", "tables rondes", "consultations"],
      es: ["reuniones", "mesas redondas", "consultas"],
    },
  },
};

const ONLINE_WORDS: { online: LanguageTable; inPerson: LanguageTable } = {
  online: {
    en: [
      "online",
      "on line",
      "virtual",
      "virtually",
      "webinar",
      "webinars",
      "remotely",
      "zoom",
      "video conference",
      "videoconference",
    ],
    fr: [
      "en ligne",
      "virtuel",
      "virtuelle",
      "virtuels",
      "virtuelles",
      "a distance",
      "webinaire",
      "webinaires",
      "visioconference",
    ],
    es: ["en linea", "virtual", "virtuales", "a distancia", "seminario web", "videoconferencia"],
  },
  inPerson: {
    en: ["in person", "face to face", "onsite", "on site", "physical", "physically"],
    fr: ["en presentiel", "presentiel", "en personne"],
    es: ["presencial", "presenciales", "en persona"],
  },
};

/**
 * Theme phrases the domain taxonomy does not list but practitioners write. The taxonomy's own
 * synonyms come first; these only add to them.
 */
const EXTRA_THEME_PHRASES: Partial<Record<ThemeCode, string[]>> = {
  "integrated-border-management": [
    "national strategy",
    "strategie nationale",
    "estrategia nacional",
    "integrated border",
    // Gestion intégrée des frontières / gestión integrada de fronteras, as French and Spanish abbreviate IBM.
    "gif",
  ],
  "legal-frameworks": [
    "legislative",
    "regulations",
    "juridique",
    "juridiques",
    "juridico",
    "lois",
    "leyes",
    "marco normativo",
    "legal aspects",
    "cadre legal",
  ],
  "interagency-cooperation": [
    "inter agency",
    "interagencies",
    "between agencies",
    "agency cooperation",
    "interinstitutionnelle",
    "interinstitucional",
    "cooperation between agencies",
  ],
  "cross-border-cooperation": [
    "transborder",
    "joint patrolling",
    "neighbouring countries",
    "neighboring countries",
    "transfrontalier",
    "transfrontaliere",
    "transfronterizo",
    "transfronterizas",
    "cooperation transfrontaliere",
    "patrullas",
    "patrouilles",
  ],
  "community-engagement": [
    "engaging communities",
    "engage communities",
    "engage with communities",
    "engaging with communities",
    "border populations",
    "local communities",
    "communautaire",
    "communautaires",
    "communautes locales",
    "comunitaria",
    "comunitario",
    "comunidades locales",
    "nomad",
    "pastoralists",
    "pastoralist",
    "populations nomades",
    "poblaciones nomadas",
    "community based",
    "communities engagement",
  ],
  "border-surveillance": [
    "monitoring",
    "cameras",
    "sensors",
    "green borders",
    "surveiller",
    "vigilar",
    "surveillance technologies",
    "technologie de surveillance",
    "tecnologia de vigilancia",
  ],
  biometrics: [
    "biometric data",
    "face recognition",
    "fingerprint",
    "fingerprinting",
    "biometrique",
    "biometriques",
    "biometricos",
    "biometrica",
    "biometricas",
    "iris",
  ],
  "international-databases": [
    "interpol databases",
    "data bases",
    "watch list",
    "watch lists",
    "stolen and lost travel documents",
    "i 24 7",
    "donnees interpol",
    "interpol data",
  ],
  "api-pnr": [
    "passenger information",
    "passenger",
    "passengers",
    "pnr data",
    "api data",
    "api systems",
    "api pnr",
    "advance passenger",
    "passagers",
    "pasajeros",
    "airline",
    "airlines",
    "informations prealables",
    "informacion anticipada",
    "pnr systems",
  ],
  "ftf-travel": [
    "foreign fighters",
    "terrorist fighters",
    "terrorist travel",
    "returning fighters",
    "combattants etrangers",
    "combatientes extranjeros",
    "foreign terrorist",
    "combattants terroristes",
  ],
  "capacity-building": [
    "train the trainers",
    "train the trainer",
    "trainers",
    "renforcement",
    "capacites",
    "capacidades",
    "formation des formateurs",
  ],
  demarcation: ["delineation", "border lines", "bornage", "limites fronterizos", "boundary making"],
  "human-rights": [
    "human right",
    "migrants",
    "asylum seekers",
    "droits",
    "derechos",
    "women",
    "refugie",
    "refugiado",
    "genero",
    "perspectiva de genero",
    "igualdad de genero",
    "perspective de genre",
    "egalite des genres",
    "egalite de genre",
    "egalite femmes hommes",
    "sur le genre",
    "questions de genre",
    "approche genre",
    "mujeres",
    "femmes",
  ],
};

/** Taxonomy synonyms too broad to narrow a search: every BSI item is about border security. */
const GENERIC_THEME_PHRASES = new Set(
  [
    "border management",
    "border security",
    "gestion des frontieres",
    "securite des frontieres",
    "gestion de fronteras",
    "seguridad fronteriza",
    "border security and management",
    "securite et gestion des frontieres",
    "seguridad y gestion de fronteras",
  ].map((phrase) => phraseTokens(phrase).join(" ")),
);

/** Set phrases whose words would otherwise be misread ("of course" is not a training course). */
const GENERIC_PHRASES = [
  "of course",
  "in general",
  "in particular",
  "global counterterrorism forum",
  "global counter terrorism forum",
  "forum mondial de lutte contre le terrorisme",
  "foro mundial contra el terrorismo",
  "border security initiative",
  "initiative sur la securite des frontieres",
  "iniciativa de seguridad fronteriza",
  "counter terrorism",
  "counterterrorism",
  "lutte contre le terrorisme",
  "contra el terrorismo",
  "terrorism",
  "terrorisme",
  "terrorismo",
];

/** How one may register, as a question can ask for it. */
export type RegistrationFilter = "open" | "not_open" | "closed" | "invitation_only";

/** Event statuses as people ask for them. "planned" is left out: it means "upcoming" in a question. */
const STATUS_PHRASES: Partial<Record<EventStatus, LanguageTable>> = {
  confirmed: {
    en: ["confirmed"],
    fr: ["confirme", "confirmes", "confirmee", "confirmees"],
    es: ["confirmado", "confirmados", "confirmada", "confirmadas"],
  },
  cancelled: {
    en: ["cancelled", "canceled", "called off"],
    fr: ["annule", "annules", "annulee", "annulees"],
    es: ["cancelado", "cancelados", "cancelada", "canceladas", "anulado", "anulados", "anulada", "anuladas"],
  },
  postponed: {
    en: ["postponed"],
    fr: ["reporte", "reportes", "reportee", "reportees"],
    es: [
      "aplazado",
      "aplazados",
      "aplazada",
      "aplazadas",
      "pospuesto",
      "pospuestos",
      "pospuesta",
      "pospuestas",
    ],
  },
};

/** How one registers: open now, not open yet, closed, or by invitation only. */
const REGISTRATION_PHRASES: Record<RegistrationFilter, LanguageTable> = {
  open: {
    en: [
      "open registration",
      "registration open",
      "registration is open",
      "registrations open",
      "open for registration",
      "open to registration",
      "accepting registrations",
      "still register",
      "still sign up",
      "still enrol",
      "still enroll",
      "still apply",
    ],
    fr: [
      "inscription ouverte",
      "inscriptions ouvertes",
      "ouvert aux inscriptions",
      "ouverts aux inscriptions",
      "ouverte aux inscriptions",
      "ouvertes aux inscriptions",
      "encore m inscrire",
      "encore s inscrire",
      "encore nous inscrire",
      "encore inscrire",
    ],
    es: [
      "inscripcion abierta",
      "inscripciones abiertas",
      "abierta la inscripcion",
      "abiertas las inscripciones",
      "abierto a inscripciones",
      "inscribirme todavia",
      "todavia inscribirme",
      "aun inscribirme",
      "inscribirnos todavia",
    ],
  },
  not_open: {
    en: [
      "registration not yet open",
      "registration not open yet",
      "not yet open for registration",
      "registration opens",
    ],
    fr: [
      "inscriptions pas encore ouvertes",
      "inscription pas encore ouverte",
      "pas encore ouvert aux inscriptions",
    ],
    es: ["inscripcion aun no abierta", "inscripciones aun no abiertas", "inscripcion todavia no abierta"],
  },
  closed: {
    en: ["registration closed", "registration is closed", "closed registration", "registrations closed"],
    fr: ["inscriptions closes", "inscriptions fermees", "inscription close", "inscription fermee"],
    es: ["inscripciones cerradas", "inscripcion cerrada"],
  },
  invitation_only: {
    en: ["invitation only", "by invitation", "invite only", "invitation required"],
    fr: ["sur invitation", "uniquement sur invitation", "sur invitation uniquement"],
    es: ["por invitacion", "solo por invitacion", "solo con invitacion", "con invitacion"],
  },
};

/** The sample programme left out: "real events only", "sans les exemples", "eventos reales". */
const NOT_SAMPLE_PHRASES: LanguageTable = {
  en: [
    "real events",
    "real ones",
    "real calendar",
    "excluding sample",
    "excluding the sample",
    "without sample",
    "without the sample",
    "no sample",
    "not sample",
    "non sample",
    "except sample",
    "not the sample",
    "exclude sample",
    "exclude the sample",
    "actual events",
  ],
  fr: [
    "evenements reels",
    "vrais evenements",
    "sans les exemples",
    "hors exemples",
    "hors programme d exemple",
    "pas les exemples",
  ],
  es: [
    "eventos reales",
    "sin ejemplos",
    "sin los de ejemplo",
    "fuera del programa de ejemplo",
    "no los de ejemplo",
  ],
};

/** Only the sample programme: "sample events", "les événements d'exemple", "¿cuáles son de ejemplo?". */
const SAMPLE_PHRASES: LanguageTable = {
  en: ["sample events", "sample ones", "sample programme", "sample program"],
  fr: ["evenements d exemple", "programme d exemple", "exemples d evenements"],
  es: ["eventos de ejemplo", "son de ejemplo", "programa de ejemplo"],
};

/**
 * Month and date words, so that a misspelt month ("feburary") is set right before the date parser,
 * and so that the words around dates ("a partir de", "mediados") are never "corrected" into names.
 * Per language where a word tells the language.
 */
export const DATE_WORDS: Record<Language | "any", string> = {
  en: `january february march april june july august september october november december jan feb apr jun jul
    aug sept oct nov dec week weeks weekend month months year years quarter quarters today tomorrow fortnight
    monday tuesday wednesday thursday friday saturday sunday beginning start early late middle mid end before
    after until since between during around christmas spring summer autumn fall winter half first second third
    fourth easter holy holidays ramadan eid adha fitr feast`,
  fr: `janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre janv fevr avr juil
    semaine semaines mois annee annees trimestre trimestres aujourd demain quinzaine lundi mardi mercredi jeudi
    vendredi samedi dimanche debut milieu fin prochain prochaine prochains prochaines dernier derniere passe
    passee venir vient viennent partir compter depuis jusqu avant apres moitie premier premiere deuxieme seconde
    troisieme quatrieme noel printemps automne hiver paques sainte ramadan aid fetes tabaski korite kebir`,
  es: `enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre semana
    semanas mes meses ano anos hoy manana quincena lunes martes miercoles jueves viernes sabado domingo
    principios comienzos inicios mediados finales final proximo proxima proximos proximas pasado pasada
    ultimo ultima viene vienen entrante siguiente partir desde hasta antes despues mitad primer primero primera
    segundo segunda tercer tercero cuarto navidad navidades primavera verano otono invierno pascua santa
    ramadan nuevo fiestas cordero`,
  any: "semester semestre trimestre",
};

interface PhraseInfo {
  meanings: Meaning[];
}

/** A word of a phrase. Most are the last word of their phrase, so they get a map only if a phrase goes on. */
interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  phrase: PhraseInfo | undefined;
}

export interface Lexicon {
  root: TrieNode;
  /** Every word a question may contain that the assistant knows, and the language(s) it belongs to. */
  wordLanguages: Map<string, ReadonlySet<Language>>;
  /** Words a misspelling may be corrected into: names, themes, kinds, cues, months. */
  correctionTargets: Set<string>;
  functionWords: Set<string>;
  genericWords: Set<string>;
  /** Words that tell a language the desk does not answer in ("welche", "quais"). */
  otherLanguageWords: Set<string>;
}

function createNode(): TrieNode {
  return { next: undefined, phrase: undefined };
}

/** One set per combination of languages, shared by all the words of that combination. */
const LANGUAGE_SETS = new Map<string, ReadonlySet<Language>>();

/** The languages with one more (the same when `language` is undefined or already in). */
function withLanguage(
  languages: ReadonlySet<Language>,
  language: Language | undefined,
): ReadonlySet<Language> {
  if (language === undefined || languages.has(language)) return languages;
  const combined = LANGUAGES.filter((known) => known === language || languages.has(known));
  const key = combined.join(" ");
  let shared = LANGUAGE_SETS.get(key);
  if (!shared) {
    shared = new Set(combined);
    LANGUAGE_SETS.set(key, shared);
  }
  return shared;
}
const NO_LANGUAGES: ReadonlySet<Language> = new Set();

function sameMeaning(a: Meaning, b: Meaning): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Adds a phrase to a trie. Phrases are folded and tokenized exactly like questions. */
export function addPhrase(root: TrieNode, phrase: string, meaning: Meaning): string[] {
  const tokens = phraseTokens(phrase);
  if (tokens.length === 0) return tokens;
  let node = root;
  for (const token of tokens) {
    node.next ??= new Map();
    let child = node.next.get(token);
    if (!child) {
      child = createNode();
      node.next.set(token, child);
    }
    node = child;
  }
  node.phrase ??= { meanings: [] };
  if (!node.phrase.meanings.some((existing) => sameMeaning(existing, meaning)))
    node.phrase.meanings.push(meaning);
  return tokens;
}

export function createTrie(): TrieNode {
  return createNode();
}

export type { PhraseInfo, TrieNode };

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** Country names too short or too common to read as a country ("US" is a pronoun). */
const SHORT_NAME_ALLOWED = new Set(["usa", "uk", "uae", "drc", "rdc", "eeuu"]);

function buildLexicon(): Lexicon {
  const root = createTrie();
  const wordLanguages = new Map<string, ReadonlySet<Language>>();
  const correctionTargets = new Set<string>();
  const noteWords = (tokens: string[], language: Language | undefined, isTarget: boolean) => {
    for (const token of tokens) {
      if (isTarget && token.length >= 4 && !/^\d+$/.test(token)) correctionTargets.add(token);
      wordLanguages.set(token, withLanguage(wordLanguages.get(token) ?? NO_LANGUAGES, language));
    }
  };
  const add = (phrase: string, meaning: Meaning, language?: Language, isTarget = true) => {
    noteWords(addPhrase(root, phrase, meaning), language, isTarget);
  };

  for (const language of LANGUAGES) {
    for (const word of words(FUNCTION_WORDS[language])) noteWords(phraseTokens(word), language, false);
  }

  for (const [kind, forms] of Object.entries(KIND_WORDS) as Array<
    [EventKind, (typeof KIND_WORDS)[EventKind]]
  >) {
    for (const language of LANGUAGES) {
      for (const phrase of forms.singular[language])
        add(phrase, { type: "kind", kind, plural: false }, language);
      for (const phrase of forms.plural[language])
        add(phrase, { type: "kind", kind, plural: true }, language);
    }
  }
  for (const language of LANGUAGES) {
    for (const phrase of ONLINE_WORDS.online[language])
      add(phrase, { type: "online", online: true }, language);
    for (const phrase of ONLINE_WORDS.inPerson[language])
      add(phrase, { type: "online", online: false }, language);
  }
  // A webinar is an online seminar.
  for (const phrase of ["webinar", "webinars", "webinaire", "webinaires", "seminario web"]) {
    add(phrase, { type: "kind", kind: "seminar", plural: phrase.endsWith("s") });
  }

  for (const theme of THEMES) {
    const phrases = [...theme.synonyms, theme.label, ...(EXTRA_THEME_PHRASES[theme.code] ?? [])];
    for (const phrase of phrases) {
      const key = phraseTokens(phrase).join(" ");
      if (GENERIC_THEME_PHRASES.has(key)) add(phrase, { type: "generic" });
      else add(phrase, { type: "theme", theme: theme.code });
    }
    for (const language of LANGUAGES) {
      const key = phraseTokens(theme.labels[language]).join(" ");
      if (!GENERIC_THEME_PHRASES.has(key))
        add(theme.labels[language], { type: "theme", theme: theme.code }, language);
    }
  }
  for (const key of GENERIC_THEME_PHRASES) add(key, { type: "generic" });
  for (const phrase of ["training of trainers", "formation de formateurs", "formacion de formadores"]) {
    add(phrase, { type: "kind", kind: "training", plural: false });
  }
  for (const phrase of GENERIC_PHRASES) add(phrase, { type: "generic" }, undefined, false);

  for (const country of listCountries()) {
    const meaning: Meaning = { type: "country", country: country.code };
    for (const language of LANGUAGES) add(country.names[language], meaning, language);
    for (const alias of country.aliases) {
      if (!/^[\p{Script=Latin}\s.,'’()-]+$/u.test(alias)) continue;
      const tokens = phraseTokens(alias);
      if (tokens.length === 1 && (tokens[0]?.length ?? 0) <= 3 && !SHORT_NAME_ALLOWED.has(tokens[0] ?? ""))
        continue;
      add(alias, meaning);
    }
  }
  for (const [key, forms] of Object.entries(COUNTRY_ADJECTIVES)) {
    const country = SHORT_FORM_CODES[key] ?? key;
    const meaning: Meaning = { type: "country", country };
    for (const language of LANGUAGES) {
      for (const base of forms[language]) {
        for (const form of adjectiveForms(base, language)) add(form, meaning, language);
      }
    }
  }

  for (const region of REGIONS) {
    const meaning: Meaning = { type: "region", regions: [region.code] };
    for (const language of LANGUAGES) add(region.names[language], meaning, language);
    add(`the ${region.names.en}`, meaning, "en");
    for (const synonym of [...region.synonyms, ...(REGION_EXTRA_NAMES[region.code] ?? [])]) {
      add(synonym, meaning);
      if (!synonym.startsWith("the ")) add(`the ${synonym}`, meaning, undefined, false);
    }
  }
  for (const continent of CONTINENTS) {
    for (const name of continent.names) add(name, { type: "region", regions: continent.regions });
  }

  for (const city of KNOWN_CITIES) {
    const meaning: Meaning = { type: "city", city: city.name, country: city.country };
    for (const name of [city.name, ...city.aliases]) add(name, meaning);
  }

  for (const [status, phrases] of Object.entries(STATUS_PHRASES) as Array<[EventStatus, LanguageTable]>) {
    for (const language of LANGUAGES)
      for (const phrase of phrases[language]) add(phrase, { type: "status", status }, language);
  }
  for (const [registration, phrases] of Object.entries(REGISTRATION_PHRASES) as Array<
    [RegistrationFilter, LanguageTable]
  >) {
    for (const language of LANGUAGES)
      for (const phrase of phrases[language]) add(phrase, { type: "registration", registration }, language);
  }
  for (const language of LANGUAGES) {
    for (const phrase of NOT_SAMPLE_PHRASES[language])
      add(phrase, { type: "sample", sample: false }, language);
    for (const phrase of SAMPLE_PHRASES[language]) add(phrase, { type: "sample", sample: true }, language);
  }

  // "events with IOM", "avec l'OIM", "con la OACI". Not "eu": in French it is a past participle.
  for (const organization of ORGANIZATIONS) {
    const meaning: Meaning = { type: "organization", code: organization.code };
    for (const name of organization.names) if (name !== "eu") add(name, meaning, undefined, false);
  }

  for (const [cue, table] of Object.entries(CUE_PHRASES) as Array<[Cue, LanguageTable]>) {
    for (const language of LANGUAGES) {
      for (const phrase of table[language]) add(phrase, { type: "cue", cue }, language);
    }
  }

  for (const language of LANGUAGES) noteWords(words(TOPIC_WORDS[language]), language, false);
  for (const language of LANGUAGES) noteWords(words(DATE_WORDS[language]), language, true);
  noteWords(words(DATE_WORDS.any), undefined, true);
  const genericWords = new Set(words(GENERIC_WORDS));
  for (const word of genericWords) noteWords([word], undefined, false);

  const functionWords = new Set<string>();
  for (const language of LANGUAGES) {
    for (const word of words(FUNCTION_WORDS[language]))
      for (const token of phraseTokens(word)) functionWords.add(token);
  }
  const otherLanguageWords = new Set<string>();
  for (const list of Object.values(OTHER_LANGUAGE_WORDS)) {
    for (const word of words(list)) if (!wordLanguages.has(word)) otherLanguageWords.add(word);
  }
  return { root, wordLanguages, correctionTargets, functionWords, genericWords, otherLanguageWords };
}

/** Built once when the module loads: every call reads these tables and never rebuilds them. */
export const LEXICON: Lexicon = buildLexicon();
