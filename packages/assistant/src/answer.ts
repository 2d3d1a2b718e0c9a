import {
  countryName,
  type EventKind,
  type EventStatus,
  getTheme,
  ORGANIZATIONS,
  type RequestStatus,
  type ThemeCode,
} from "@bsi/domain";
import {
  ABOUT_BSI,
  API_HELP,
  CONTINENT_PHRASES,
  type Gender,
  HELP_TEXT,
  HOW_TO_REQUEST,
  KIND_NOUNS,
  LOCALES,
  REGION_PHRASES,
  SAMPLE_NOTE,
  STATUS_WORDS,
} from "./answer-words.js";
import { isWholeMonths, parseIso, shiftDays } from "./calendar.js";
import { CONTINENTS, localCityName } from "./places.js";
import type { AnswerLanguage, AskQuery, EventQuery, EventQueryFilters } from "./query.js";

/** The parts of an event the lead sentence names. */
export interface AnswerEvent {
  id: string;
  title: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string;
  city: string | null;
  country: string | null;
  online: boolean;
  sample: boolean;
}

export interface AnswerPractice {
  id: string;
  title: string;
}

export interface AnswerRequest {
  reference: string;
  status: RequestStatus;
  summary: string;
  updatedAt: string;
}

/**
 * How the API widened a query that found nothing:
 * - `later_dates`: nothing in the period asked; these match everything else, at any later date;
 * - `same_place`: nothing of that kind or theme there; these are the next events at the same place;
 * - `past_only`: nothing upcoming matches; these are the most recent past events that do;
 * - `upcoming_anywhere`: nothing matches; these are the next events anywhere;
 * - `search`: the filters found nothing (or there were none); these items contain the question's words.
 */
export const FALLBACK_KINDS = [
  "later_dates",
  "same_place",
  "past_only",
  "upcoming_anywhere",
  "search",
] as const;
export type FallbackKind = (typeof FALLBACK_KINDS)[number];

/** Whether a status look-up could run: the key's scope and the requests service decide. */
export type RequestAccess = "granted" | "forbidden" | "unavailable";

export interface AnswerFacts {
  events: readonly AnswerEvent[];
  practices: readonly AnswerPractice[];
  requests: readonly AnswerRequest[];
  fallback: FallbackKind | null;
  requestAccess?: RequestAccess;
  /** More items match than the answer lists. */
  hasMore?: boolean;
  /** The event the question counted from (`filters.relativeTo`), when one was found. */
  anchor?: AnswerEvent | undefined;
  /** The question's other words as typed (one phrase, or several), when no event contains them. */
  unmatchedWords?: readonly string[] | undefined;
}

function formatDate(date: string, language: AnswerLanguage): string {
  const { year, month, day } = parseIso(date);
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

function formatMonth(date: string, language: AnswerLanguage): string {
  const { year, month } = parseIso(date);
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "3–10 May 2027", "3 mai 2027", each in its language. */
export function formatDates(startsOn: string, endsOn: string, language: AnswerLanguage): string {
  if (startsOn === endsOn) return formatDate(startsOn, language);
  const start = parseIso(startsOn);
  const end = parseIso(endsOn);
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const text = format.formatRange(
    new Date(Date.UTC(start.year, start.month - 1, start.day)),
    new Date(Date.UTC(end.year, end.month - 1, end.day)),
  );
  // "10 – 12 March" reads better as "10–12 March"; spaces stay between words ("28 February – 3 March").
  return text.replace(/(\d)\s+–\s+(\d)/gu, "$1–$2");
}

function joinOr(items: string[], language: AnswerLanguage): string {
  const or = { en: "or", fr: "ou", es: "o" }[language];
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${or} ${items.at(-1)}`;
}

function joinAnd(items: string[], language: AnswerLanguage): string {
  const and = { en: "and", fr: "et", es: "y" }[language];
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

/** French island and city states take "à" without an article: "à Djibouti", "à Malte", "à Cuba". */
const FRENCH_WITHOUT_ARTICLE =
  /^(?:Djibouti|Singapour|Monaco|Malte|Cuba|Chypre|Madagascar|Maurice|Bahreïn|Nauru|Tuvalu|Saint|Sainte|Sao|São|Trinité|Antigua)\b/;

/** French takes "au", "aux", "en" or "à" before a country name; a rough rule with the common exceptions. */
function frenchCountry(name: string): string {
  if (FRENCH_WITHOUT_ARTICLE.test(name)) return `à ${name}`;
  const masculineInE = new Set(["Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize"]);
  if (/^(États-Unis|Émirats|Pays-Bas|Philippines|Comores|Maldives|Seychelles)/.test(name))
    return `aux ${name}`;
  if (/^[AEIOUÉÈ]/.test(name) || (name.endsWith("e") && !masculineInE.has(name))) return `en ${name}`;
  return `au ${name}`;
}

/**
 * A French or Spanish place phrase turned into its "outside" form: "au Sahel" → "hors du Sahel",
 * "en Afrique" → "hors d'Afrique", "en el Sahel" → "fuera del Sahel".
 */
function outsidePhrase(part: string, language: "fr" | "es"): string {
  if (language === "es") {
    return part.replace(/^en el /, "fuera del ").replace(/^en /, "fuera de ");
  }
  const french: Array<[RegExp, string]> = [
    [/^(?:au|dans le) /, "hors du "],
    [/^(?:aux|dans les) /, "hors des "],
    [/^dans la /, "hors de la "],
    [/^(?:en|à) (?=[AEIOUYÉÈÊaeiouyéèê])/, "hors d'"],
    [/^(?:en|à) /, "hors de "],
  ];
  const rule = french.find(([pattern]) => pattern.test(part));
  return rule ? part.replace(rule[0], rule[1]) : `hors de ${part}`;
}

/** "in the Sahel or in Senegal", then "outside Africa" / "hors d'Afrique" / "fuera de África". */
function placePhrase(filters: EventQueryFilters, language: AnswerLanguage): string {
  const included = joinOr(placeParts(filters, language), language);
  const excludedParts = filters.exclude ? placeParts(filters.exclude, language) : [];
  if (excludedParts.length === 0) return included;
  // "outside Mali and Niger"; French and Spanish repeat the preposition ("hors du Mali et hors du Niger").
  const excluded =
    language === "en"
      ? `outside ${joinAnd(
          excludedParts.map((part) => part.replace(/^in /, "")),
          language,
        )}`
      : joinAnd(
          excludedParts.map((part) => outsidePhrase(part, language)),
          language,
        );
  return included ? `${included} ${excluded}` : excluded;
}

/** Each place of a question as a phrase with its preposition: "in the Sahel", "au Sénégal", "en Dakar". */
function placeParts(
  filters: Pick<EventQueryFilters, "countries" | "regions" | "cities">,
  language: AnswerLanguage,
): string[] {
  const parts: string[] = [];
  const regions = filters.regions ?? [];
  let remaining = [...regions];
  CONTINENTS.forEach((continent, index) => {
    if (continent.regions.every((region) => remaining.includes(region))) {
      parts.push(CONTINENT_PHRASES[language][index] ?? "");
      remaining = remaining.filter((region) => !continent.regions.includes(region));
    }
  });
  for (const region of remaining) parts.push(REGION_PHRASES[language][region]);
  for (const code of filters.countries ?? []) {
    const name = countryName(code, language);
    parts.push(language === "fr" ? frenchCountry(name) : `${language === "en" ? "in" : "en"} ${name}`);
  }
  for (const city of filters.cities ?? []) {
    parts.push(`${{ en: "in", fr: "à", es: "en" }[language]} ${localCityName(city, language)}`);
  }
  return parts;
}

function themeLabel(code: ThemeCode, language: AnswerLanguage): string {
  const label = getTheme(code).labels[language];
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function themePhrase(themes: readonly ThemeCode[] | undefined, language: AnswerLanguage): string {
  if (!themes || themes.length === 0) return "";
  // "en matière de" and "en materia de" need no article before the theme's name.
  const on = { en: "on", fr: "en matière de", es: "en materia de" }[language];
  const phrase = `${on} ${joinOr(
    themes.map((code) => themeLabel(code, language)),
    language,
  )}`;
  // "en matière d'engagement communautaire", not "de engagement".
  return language === "fr" ? phrase.replace(/^en matière de (?=[aeiouyéèêàâî])/i, "en matière d'") : phrase;
}

/** "in March 2027", "in 2027", "in Q1 2027", "until 31 December 2026", "from 3 May 2027 to 10 May 2027". */
export function periodPhrase(
  filters: Pick<EventQueryFilters, "from" | "to">,
  language: AnswerLanguage,
  today: string,
): string {
  const { from, to } = filters;
  if (from && to) {
    const start = parseIso(from);
    const end = parseIso(to);
    if (isWholeMonths({ from, to })) {
      if (start.month === 1 && end.month === 12 && start.year === end.year) {
        return `${{ en: "in", fr: "en", es: "en" }[language]} ${start.year}`;
      }
      if (start.year === end.year && start.month === end.month) {
        return `${{ en: "in", fr: "en", es: "en" }[language]} ${formatMonth(from, language)}`;
      }
      if (start.year === end.year && end.month - start.month === 2 && start.month % 3 === 1) {
        const quarter = (start.month + 2) / 3;
        return {
          en: `in Q${quarter} ${start.year}`,
          fr: `au ${quarter === 1 ? "1er" : `${quarter}e`} trimestre ${start.year}`,
          es: `en el ${["primer", "segundo", "tercer", "cuarto"][quarter - 1]} trimestre de ${start.year}`,
        }[language];
      }
    }
    if (isWholeMonths({ from, to }) && start.year === end.year && from !== today) {
      const monthName = (date: string) =>
        new Intl.DateTimeFormat(LOCALES[language], { month: "long", timeZone: "UTC" }).format(
          new Date(`${date}T00:00:00Z`),
        );
      return {
        en: `from ${monthName(from)} to ${monthName(to)} ${start.year}`,
        fr: `de ${monthName(from)} à ${monthName(to)} ${start.year}`,
        es: `de ${monthName(from)} a ${monthName(to)} de ${start.year}`,
      }[language];
    }
    if (from === to) return `${{ en: "on", fr: "le", es: "el" }[language]} ${formatDate(from, language)}`;
    if (from === today)
      return `${{ en: "until", fr: "d'ici le", es: "hasta el" }[language]} ${formatDate(to, language)}`;
    return {
      en: `from ${formatDate(from, language)} to ${formatDate(to, language)}`,
      fr: `du ${formatDate(from, language)} au ${formatDate(to, language)}`,
      es: `del ${formatDate(from, language)} al ${formatDate(to, language)}`,
    }[language];
  }
  if (from && from !== today) {
    return `${{ en: "from", fr: "à partir du", es: "a partir del" }[language]} ${formatDate(from, language)}`;
  }
  if (to && !from)
    return `${{ en: "before", fr: "avant le", es: "antes del" }[language]} ${formatDate(to, language)}`;
  return "";
}

function kindNoun(
  kinds: readonly EventKind[] | undefined,
  language: AnswerLanguage,
  plural: boolean,
): [string, Gender] {
  if (kinds && kinds.length === 1) {
    const [singular, pluralForm, gender] = KIND_NOUNS[language][kinds[0]!];
    return [plural ? pluralForm : singular, gender];
  }
  if (kinds && kinds.length > 1) {
    const names = kinds.map((kind) => KIND_NOUNS[language][kind][plural ? 1 : 0]);
    return [joinOr(names, language), KIND_NOUNS[language][kinds[0]!][2]];
  }
  const [singular, pluralForm, gender] = KIND_NOUNS[language].event;
  return [plural ? pluralForm : singular, gender];
}

interface DescribeOptions {
  plural?: boolean;
  /** "after Regional workshop… (19–20 December 2026, in Niamey, Niger)". */
  relative?: string;
  /** Words right before the noun ("upcoming", "próximos"). */
  before?: string;
  /** Words right after the noun ("à venir", "passés"). */
  after?: string;
}

/** "with IOM", "avec l'OIM ou l'OSCE", "con la OACI". */
function organizationPhrase(codes: readonly string[] | undefined, language: AnswerLanguage): string {
  if (!codes?.length) return "";
  const labels = codes.map(
    (code) => ORGANIZATIONS.find((organization) => organization.code === code)?.labels[language] ?? code,
  );
  return `${{ en: "with", fr: "avec", es: "con" }[language]} ${joinOr(labels, language)}`;
}

/** Status adjectives: English as written, French and Spanish stems that agree with the noun. */
const EVENT_STATUS_WORDS: Record<EventStatus, { en: string; fr: string; es: string }> = {
  planned: { en: "planned", fr: "prévu", es: "previst" },
  confirmed: { en: "confirmed", fr: "confirmé", es: "confirmad" },
  completed: { en: "completed", fr: "terminé", es: "terminad" },
  cancelled: { en: "cancelled", fr: "annulé", es: "cancelad" },
  postponed: { en: "postponed", fr: "reporté", es: "aplazad" },
};

/** "confirmed", "confirmées", "aplazados" (agreeing with the noun in French and Spanish). */
function statusPhrase(
  statuses: readonly EventStatus[] | undefined,
  language: AnswerLanguage,
  gender: Gender,
  plural: boolean,
): string {
  if (!statuses?.length) return "";
  const words = statuses.map((status) => {
    const word = EVENT_STATUS_WORDS[status];
    if (language === "en") return word.en;
    if (language === "fr") return agree(word.fr, gender, plural);
    return `${word.es}${gender === "f" ? "a" : "o"}${plural ? "s" : ""}`;
  });
  return joinOr(words, language);
}

/** "open for registration", "sur invitation", "fuera del programa de ejemplo". */
function accessPhrase(filters: EventQueryFilters, language: AnswerLanguage, gender: Gender, plural: boolean) {
  const parts: string[] = [];
  if (filters.registration === "open") {
    parts.push(
      {
        en: "open for registration",
        fr: `${agree("ouvert", gender, plural)} aux inscriptions`,
        es: "con inscripción abierta",
      }[language],
    );
  }
  if (filters.registration === "invitation_only")
    parts.push({ en: "by invitation only", fr: "sur invitation", es: "solo por invitación" }[language]);
  if (filters.registration === "not_open") {
    parts.push(
      {
        en: "not yet open for registration",
        fr: `pas encore ${agree("ouvert", gender, plural)} aux inscriptions`,
        es: "con la inscripción aún sin abrir",
      }[language],
    );
  }
  if (filters.registration === "closed") {
    parts.push(
      { en: "with registration closed", fr: "aux inscriptions closes", es: "con la inscripción cerrada" }[
        language
      ],
    );
  }
  if (filters.sample === true) {
    parts.push(
      { en: "from the sample programme", fr: "du programme d'exemple", es: "del programa de ejemplo" }[
        language
      ],
    );
  }
  if (filters.sample === false) {
    parts.push(
      {
        en: "outside the sample programme",
        fr: "hors programme d'exemple",
        es: "fuera del programa de ejemplo",
      }[language],
    );
  }
  return parts.join(" ");
}

/** "workshops in the Sahel on community engagement in March 2027" (without a count). */
export function describeEvents(
  filters: EventQueryFilters,
  language: AnswerLanguage,
  today: string,
  options: DescribeOptions = {},
): string {
  const plural = options.plural ?? true;
  const [noun, gender] = kindNoun(filters.kinds, language, plural);
  const status = statusPhrase(filters.statuses, language, gender, plural);
  const mode =
    filters.online === undefined
      ? undefined
      : filters.online
        ? { en: "online", fr: "en ligne", es: "en línea" }[language]
        : { en: "in-person", fr: "en présentiel", es: "presenciales" }[language];
  return [
    options.before,
    language === "en" ? status : undefined,
    language === "en" ? mode : undefined,
    noun,
    language === "en" ? undefined : status,
    language === "en" ? undefined : mode,
    options.after,
    placePhrase(filters, language),
    themePhrase(filters.themes, language),
    organizationPhrase(filters.organizations, language),
    accessPhrase(filters, language, gender, plural),
    periodPhrase(filters, language, today),
    options.relative,
  ]
    .filter(Boolean)
    .join(" ");
}

function where(event: AnswerEvent, language: AnswerLanguage): string {
  if (event.online && !event.city) return { en: "online", fr: "en ligne", es: "en línea" }[language];
  const place = [event.city, event.country ? countryName(event.country, language) : null]
    .filter(Boolean)
    .join(", ");
  if (!place) return "";
  return `${{ en: "in", fr: "à", es: "en" }[language]} ${place}`;
}

/** "Title (3–5 May 2027, in Nairobi, Kenya)". */
export function describeEvent(event: AnswerEvent, language: AnswerLanguage): string {
  const place = where(event, language);
  return `${event.title} (${formatDates(event.startsOn, event.endsOn, language)}${place ? `, ${place}` : ""})`;
}

function agree(word: string, gender: Gender, plural: boolean): string {
  return word + (gender === "f" ? "e" : "") + (plural ? "s" : "");
}

/** The lead of an event answer, saying first when the event the question counted from was not found. */
function eventsLead(query: EventQuery, facts: AnswerFacts, today: string): string {
  const { relativeTo } = query.filters;
  const { language } = query;
  const sentences = [eventsSentence(query, facts, today)];
  if (relativeTo && !facts.anchor) sentences.unshift(missingAnchor(relativeTo, language));
  if (facts.unmatchedWords?.length) sentences.unshift(unmatchedSentence(facts.unmatchedWords, language));
  return sentences.join(" ");
}

/** "No event in the catalogue mentions “maritime”.": said before events that do not hold the words. */
function unmatchedSentence(words: readonly string[], language: AnswerLanguage): string {
  const phrase = words.join(" ");
  return {
    en: `No event in the catalogue mentions “${phrase}”.`,
    fr: `Aucun événement du catalogue ne mentionne « ${phrase} ».`,
    es: `Ningún evento del catálogo menciona «${phrase}».`,
  }[language];
}

/** "after Regional workshop … (19–20 December 2026, in Niamey, Niger)", or "" without one. */
function relativePhrase(
  relativeTo: EventQueryFilters["relativeTo"],
  anchor: AnswerEvent | undefined,
  language: AnswerLanguage,
): string {
  if (!relativeTo || !anchor) return "";
  const word =
    relativeTo.position === "after"
      ? { en: "after", fr: "après", es: "después de" }[language]
      : { en: "before", fr: "avant", es: "antes de" }[language];
  return `${word} ${describeEvent(anchor, language)}`;
}

/** "I found no workshop in Paris to count from." */
function missingAnchor(
  relativeTo: NonNullable<EventQueryFilters["relativeTo"]>,
  language: AnswerLanguage,
): string {
  const { position: _position, ...described } = relativeTo;
  const [, gender] = kindNoun(described.kinds, language, false);
  const phrase = describeEvents(described, language, "", { plural: false });
  return {
    en: `I found no ${phrase} to count from.`,
    fr: `Je n'ai trouvé ${gender === "f" ? "aucune" : "aucun"} ${phrase} à partir ${gender === "f" ? "de laquelle" : "duquel"} compter.`,
    es: `No encontré ${gender === "f" ? "ninguna" : "ningún"} ${phrase} desde ${gender === "f" ? "la" : "el"} que contar.`,
  }[language];
}

function eventsSentence(query: EventQuery, facts: AnswerFacts, today: string): string {
  const { language, filters } = query;
  const events = facts.events;
  const count = events.length;
  const isPast = query.intent === "past_events";
  // "From today" is what "coming up" means; it is not said again as a date.
  const shown: EventQueryFilters = {
    ...filters,
    from: !isPast && filters.from === today && filters.to === undefined ? undefined : filters.from,
  };
  if (isPast && filters.to === shiftDays(today, -1)) shown.to = undefined;
  const [, gender] = kindNoun(filters.kinds, language, true);
  const relative = relativePhrase(filters.relativeTo, facts.anchor, language);
  const describe = (options: DescribeOptions) =>
    describeEvents(shown, language, today, relative ? { ...options, relative } : options);
  const colon = language === "fr" ? " :" : ":";

  if (facts.fallback === null && count > 0) {
    if (query.intent === "next_event" && count > 1) {
      // The next event of each kind asked for: one sentence each.
      return events
        .map((event) =>
          eventsSentence(
            { ...query, filters: { ...filters, kinds: [event.kind] } },
            { ...facts, events: [event] },
            today,
          ),
        )
        .join(" ");
    }
    if (query.intent === "next_event") {
      const first = describeEvent(events[0]!, language);
      return {
        en: `The ${describe({ plural: false, before: "next" })} is ${first}.`,
        fr: `${gender === "f" ? "La" : "Le"} ${describe({ plural: false, before: agree("prochain", gender, false) })} : ${first}.`,
        es: `${gender === "f" ? "La" : "El"} ${describe({ plural: false, before: gender === "f" ? "próxima" : "próximo" })} es ${first}.`,
      }[language];
    }
    const plural = count > 1;
    let phrase: string;
    let order = "";
    if (isPast) {
      phrase = {
        en: describe({ plural, before: "past" }),
        fr: describe({ plural, after: agree("passé", gender, plural) }),
        es: describe({
          plural,
          after: gender === "f" ? (plural ? "pasadas" : "pasada") : plural ? "pasados" : "pasado",
        }),
      }[language];
      if (plural) {
        order = {
          en: ", most recent first",
          fr: ", du plus récent au plus ancien",
          es: ", del más reciente al más antiguo",
        }[language];
      }
    } else if (shown.from === undefined && shown.to === undefined) {
      phrase = {
        en: describe({ plural, before: "upcoming" }),
        fr: describe({ plural, after: "à venir" }),
        es: describe({
          plural,
          before: gender === "f" ? (plural ? "próximas" : "próxima") : plural ? "próximos" : "próximo",
        }),
      }[language];
    } else phrase = describe({ plural });
    // "The next 3 workshops": as many as were asked for, so no "more than" about the rest.
    if (filters.limit !== undefined && count === filters.limit) return `${count} ${phrase}${order}${colon}`;
    if (facts.hasMore) {
      return {
        en: `More than ${count} ${phrase}; the first ${count}${order}:`,
        fr: `Plus de ${count} ${phrase} ; voici les ${count} ${gender === "f" ? "premières" : "premiers"}${order} :`,
        es: `Más de ${count} ${phrase}; estos son ${gender === "f" ? "las" : "los"} ${count} ${gender === "f" ? "primeras" : "primeros"}${order}:`,
      }[language];
    }
    return `${count} ${phrase}${order}${colon}`;
  }

  // Past events offered for a question without dates: it was the upcoming ones that were missing.
  const noneUpcoming =
    !isPast && facts.fallback === "past_only" && shown.from === undefined && shown.to === undefined;
  const none = {
    en: `I found no ${describe({ plural: true, before: isPast ? "past" : noneUpcoming ? "upcoming" : undefined })}.`,
    fr: `Je n'ai trouvé ${gender === "f" ? "aucune" : "aucun"} ${describe({ plural: false, after: isPast ? agree("passé", gender, false) : noneUpcoming ? "à venir" : undefined })}.`,
    es: `No encontré ${describe({
      plural: true,
      ...(isPast
        ? { after: gender === "f" ? "pasadas" : "pasados" }
        : noneUpcoming
          ? { before: gender === "f" ? "próximas" : "próximos" }
          : {}),
    })}.`,
  }[language];
  if (count === 0) {
    return `${none} ${
      {
        en: "Try a wider period or another place, or ask “what is coming up?”.",
        fr: "Essayez une période plus large ou un autre lieu, ou demandez « qu'est-ce qui est prévu ? ».",
        es: "Pruebe con un periodo más amplio u otro lugar, o pregunte «¿qué hay previsto?».",
      }[language]
    }`;
  }
  return `${none} ${fallbackSentence(facts.fallback, filters, language, count)}`;
}

function fallbackSentence(
  fallback: FallbackKind | null,
  filters: EventQueryFilters,
  language: AnswerLanguage,
  count: number,
): string {
  const place = placePhrase({ ...filters, online: undefined }, language);
  switch (fallback) {
    case "later_dates":
      return {
        en: "Here are the next ones at other dates:",
        fr: "Voici les suivants, à d'autres dates :",
        es: "Estos son los siguientes, en otras fechas:",
      }[language];
    case "same_place":
      return {
        en: `The next events ${place}:`,
        fr: `Les prochains événements ${place} :`,
        es: `Los próximos eventos ${place}:`,
      }[language];
    case "past_only":
      return {
        en: count === 1 ? "The most recent one:" : "The most recent ones:",
        fr: count === 1 ? "Le plus récent :" : "Les plus récents :",
        es: count === 1 ? "El más reciente:" : "Los más recientes:",
      }[language];
    case "upcoming_anywhere":
      if (filters.exclude) {
        const elsewhere = placePhrase({ exclude: filters.exclude }, language);
        return {
          en: `The next events ${elsewhere}:`,
          fr: `Les prochains événements, ${elsewhere} :`,
          es: `Los próximos eventos, ${elsewhere}:`,
        }[language];
      }
      return {
        en: "The next events anywhere:",
        fr: "Les prochains événements, tous lieux confondus :",
        es: "Los próximos eventos en cualquier lugar:",
      }[language];
    case "search":
      return {
        en: "These mention the words you used:",
        fr: "Ceux-ci contiennent les mots de votre question :",
        es: "Estos contienen las palabras de su pregunta:",
      }[language];
    default:
      return "";
  }
}

function practicesLead(query: Extract<AskQuery, { intent: "practices" }>, facts: AnswerFacts): string {
  const { language, filters } = query;
  const count = facts.practices.length;
  const topic = themePhrase(filters.themes, language);
  const noun = (n: number) =>
    ({
      en: n === 1 ? "good practice" : "good practices",
      fr: n === 1 ? "bonne pratique" : "bonnes pratiques",
      es: n === 1 ? "buena práctica" : "buenas prácticas",
    })[language];
  if (count > 0 && facts.fallback === null) {
    return `${count} ${noun(count)}${topic ? ` ${topic}` : ""}${language === "fr" ? " :" : ":"}`;
  }
  const none = {
    en: `I found no good practice${topic ? ` ${topic}` : " matching your question"}.`,
    fr: `Je n'ai trouvé aucune bonne pratique${topic ? ` ${topic}` : " correspondant à votre question"}.`,
    es: `No encontré buenas prácticas${topic ? ` ${topic}` : " que respondan a su pregunta"}.`,
  }[language];
  if (count > 0) return `${none} ${fallbackSentence("search", {}, language, count)}`;
  return `${none} ${
    {
      en: "The good practices cover: ",
      fr: "Les bonnes pratiques portent sur : ",
      es: "Las buenas prácticas tratan de: ",
    }[language]
  }${joinAnd(
    [
      "legal-frameworks",
      "interagency-cooperation",
      "cross-border-cooperation",
      "community-engagement",
      "border-surveillance",
      "biometrics",
      "international-databases",
      "api-pnr",
      "capacity-building",
      "demarcation",
      "human-rights",
    ].map((code) => themeLabel(code as ThemeCode, language)),
    language,
  )}.`;
}

function statusLead(query: Extract<AskQuery, { intent: "request_status" }>, facts: AnswerFacts): string {
  const { language } = query;
  const reference = query.filters.reference;
  if (!reference) {
    return {
      en: "Which request? Give me its reference, such as BSI-2026-0042.",
      fr: "Quelle demande ? Donnez-moi sa référence, par exemple BSI-2026-0042.",
      es: "¿Qué solicitud? Indíqueme su referencia, por ejemplo BSI-2026-0042.",
    }[language];
  }
  if (facts.requestAccess === "unavailable") {
    return {
      en: `I cannot look up ${reference} yet: status look-up needs the requests service, which is not available.`,
      fr: `Je ne peux pas encore consulter ${reference} : la consultation du statut passe par le service des demandes, qui n'est pas disponible.`,
      es: `Todavía no puedo consultar ${reference}: la consulta del estado necesita el servicio de solicitudes, que no está disponible.`,
    }[language];
  }
  if (facts.requestAccess === "forbidden") {
    return {
      en: `I cannot show the status of ${reference} here: it needs an API key with the requests:read scope. The requester and the triage team can see it in Slack with /bsi status ${reference}.`,
      fr: `Je ne peux pas afficher le statut de ${reference} ici : il faut une clé d'API avec le droit requests:read. Le demandeur et l'équipe de tri le voient dans Slack avec /bsi status ${reference}.`,
      es: `No puedo mostrar el estado de ${reference} aquí: hace falta una clave de API con el permiso requests:read. El solicitante y el equipo de triaje lo ven en Slack con /bsi status ${reference}.`,
    }[language];
  }
  const request = facts.requests.find((candidate) => candidate.reference === reference) ?? facts.requests[0];
  if (!request) {
    return {
      en: `I found no request ${reference}. Check the reference: it looks like BSI-2026-0042.`,
      fr: `Je n'ai trouvé aucune demande ${reference}. Vérifiez la référence : elle ressemble à BSI-2026-0042.`,
      es: `No encontré la solicitud ${reference}. Compruebe la referencia: tiene la forma BSI-2026-0042.`,
    }[language];
  }
  const updated = formatDate(request.updatedAt.slice(0, 10), language);
  const status = STATUS_WORDS[language][request.status];
  return {
    en: `${request.reference} (“${request.summary}”) is ${status}, last updated on ${updated}.`,
    fr: `${request.reference} (« ${request.summary} ») est ${status}, dernière mise à jour le ${updated}.`,
    es: `${request.reference} («${request.summary}») está ${status}, última actualización el ${updated}.`,
  }[language];
}

export interface WriteAnswerOptions {
  /** Today (YYYY-MM-DD) as the question saw it, so "until 31 December" is said of the right day. */
  today: string;
}

/**
 * The short plain-text lead of an answer, in the question's language: how many items were found and
 * for what, what was widened when nothing matched, or what to ask instead. Pure.
 */
export function writeAnswer(query: AskQuery, facts: AnswerFacts, options: WriteAnswerOptions): string {
  const { language } = query;
  let text: string;
  switch (query.intent) {
    case "upcoming_events":
    case "next_event":
    case "find_events":
    case "past_events":
      text = eventsLead(query, facts, options.today);
      break;
    case "practices":
      text = practicesLead(query, facts);
      break;
    case "request_status":
      text = statusLead(query, facts);
      break;
    case "how_to_request":
      text = HOW_TO_REQUEST[language];
      break;
    case "help":
      text =
        query.note === "api_usage"
          ? API_HELP[language]
          : query.note === "about_bsi"
            ? ABOUT_BSI[language]
            : HELP_TEXT[language];
      break;
    case "greeting":
      text =
        query.note === "thanks"
          ? { en: "You're welcome!", fr: "Avec plaisir !", es: "¡De nada!" }[language]
          : {
              en: "Hello! Ask me about BSI events and good practices, or the status of a request. Try “what workshops are coming up?”.",
              fr: "Bonjour ! Interrogez-moi sur les événements et les bonnes pratiques du BSI, ou sur le statut d'une demande. Essayez « quels ateliers sont prévus ? ».",
              es: "¡Hola! Pregúnteme por los eventos y las buenas prácticas del BSI, o por el estado de una solicitud. Pruebe «¿qué talleres hay previstos?».",
            }[language];
      break;
    case "unknown":
      text = unknownLead(query, facts);
      break;
  }
  if (facts.events.some((event) => event.sample)) text = `${text}\n${SAMPLE_NOTE[language]}`;
  return text;
}

function unknownLead(query: AskQuery, facts: AnswerFacts): string {
  const { language } = query;
  if (query.note === "unsupported_language") {
    return `I can answer in English, French or Spanish. / Je réponds en français, anglais ou espagnol. / Respondo en español, inglés o francés.\n${HELP_TEXT.en}`;
  }
  if (query.note === "off_topic") {
    const outside = {
      en: "That is outside what BSI Desk knows: it answers about the Border Security Initiative's events, good practices and requests.",
      fr: "Cela sort de ce que sait BSI Desk : il répond sur les événements, les bonnes pratiques et les demandes de l'Initiative pour la sécurité des frontières.",
      es: "Eso queda fuera de lo que sabe BSI Desk: responde sobre los eventos, las buenas prácticas y las solicitudes de la Iniciativa de Seguridad Fronteriza.",
    }[language];
    return `${outside}\n${HELP_TEXT[language]}`;
  }
  const found = facts.events.length + facts.practices.length;
  if (found > 0) {
    return {
      en: "I am not sure what you are asking, but these catalogue items contain your words:",
      fr: "Je ne suis pas sûr de comprendre la question, mais ces éléments du catalogue contiennent vos mots :",
      es: "No estoy seguro de entender la pregunta, pero estos elementos del catálogo contienen sus palabras:",
    }[language];
  }
  const intro = {
    en: "I did not understand that question.",
    fr: "Je n'ai pas compris cette question.",
    es: "No entendí esa pregunta.",
  }[language];
  const unmatched = facts.unmatchedWords?.length
    ? ` ${unmatchedSentence(facts.unmatchedWords, language)}`
    : "";
  return `${intro}${unmatched}\n${HELP_TEXT[language]}`;
}
