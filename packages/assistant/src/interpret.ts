import {
  type EventKind,
  type EventStatus,
  findReference,
  type RegionCode,
  type ThemeCode,
  todayIn,
} from "@bsi/domain";
import { shiftDays } from "./calendar.js";
import { findCount } from "./counts.js";
import { type DateFinding, findDates, type TimePreference } from "./dates.js";
import {
  addPhrase,
  createTrie,
  LANGUAGES,
  type Language,
  LEXICON,
  type Meaning,
  type PhraseInfo,
  type RegistrationFilter,
  type TrieNode,
} from "./lexicon.js";
import { negationBefore } from "./negation.js";
import type { AskQuery, EventQueryFilters, QueryNote } from "./query.js";
import { editDistance, SpellingCorrector } from "./spelling.js";
import { fold, looksLikeCode, phraseTokens, stripSlackMarkup, type Token, tokenize } from "./text.js";
import {
  ABOUT_BSI,
  ANCHOR_FILLERS,
  type Cue,
  HOW_TO_GET,
  OFF_TOPIC,
  PRACTICES_ADOPTED,
  RELATIVE_CUES,
  RESOLUTION,
  TRAVEL_PAPERS,
  WHO_ATTENDS,
} from "./vocabulary.js";

export interface InterpretOptions {
  /** The moment the question is asked: "next month" is counted from here. */
  now: Date;
  /** IANA zone that decides which day "today" is. */
  timeZone: string;
  /** City names in the catalogue, as written there; questions naming them filter by city. */
  cities?: readonly string[];
}

const CORRECTOR = new SpellingCorrector(
  LEXICON.correctionTargets,
  new Set(
    [...(LEXICON.root.next ?? [])].filter(([, node]) => node.phrase !== undefined).map(([word]) => word),
  ),
);

/** Catalogue cities change rarely: their look-up tables are kept per list, not rebuilt per call. */
interface CityTable {
  root: TrieNode;
  tokens: Set<string>;
  byFolded: Map<string, string>;
}
const cityTables = new WeakMap<readonly string[], CityTable>();
const cityTablesByKey = new Map<string, CityTable>();

function cityTableFor(cities: readonly string[]): CityTable {
  const cached = cityTables.get(cities);
  if (cached) return cached;
  const key = cities.join("\u0000");
  let table = cityTablesByKey.get(key);
  if (!table) {
    table = { root: createTrie(), tokens: new Set(), byFolded: new Map() };
    for (const city of cities.slice(0, 2000)) {
      if (typeof city !== "string") continue;
      const tokens = addPhrase(table.root, city, { type: "city", city, country: null });
      if (tokens.length === 0) continue;
      table.byFolded.set(tokens.join(" "), city);
      for (const token of tokens) table.tokens.add(token);
    }
    if (cityTablesByKey.size > 20) cityTablesByKey.clear();
    cityTablesByKey.set(key, table);
  }
  cityTables.set(cities, table);
  return table;
}

// "qui se passe" is the present ("what is happening"); "s'est passé" stays the past.
const PAST_HINT =
  /\b(?:was|were|did|(?<!(?:\b(?:are|is|be|being|not|arent|isnt|wont|dont)|n't|n t) )held|happened|took place|took part|attended|participated|asistio|asistieron|participaron|paso|past|previous|previously|earlier|ago|history|historical|already|since|depuis|last(?! (?:week|month|year|quarter))|(?<!\bse )passee?s?|precedente?s?|eu lieu|etait|etaient|avons eu|dernier(?:e|s|es)?|pasad[oa]s?|anterior(?:es)?|tuvo|tuvieron|hubo|fue|fueron|celebro|realizo|ultim[oa]s?)\b/;

const ANY_LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

const FRENCH_MARKS = /[çèêàùâîôœë]/;
const SPANISH_MARKS = /[ñ¿¡]/;

interface Match {
  first: number;
  last: number;
  phrase: PhraseInfo;
}

function isKnownWord(word: string, cities: CityTable | undefined): boolean {
  return LEXICON.wordLanguages.has(word) || (cities?.tokens.has(word) ?? false) || /^\d/.test(word);
}

/** Misspelt words set right: the closest known name, theme, kind, month or cue word, if close enough. */
function correctSpelling(folded: string, cities: CityTable | undefined): string {
  const tokens = tokenize(folded);
  let text = folded;
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]!;
    if (isKnownWord(token.text, cities)) continue;
    let correction = CORRECTOR.correct(token.text);
    if (correction === null && cities && token.text.length >= 5) {
      let best = Number.POSITIVE_INFINITY;
      for (const candidate of cities.tokens) {
        const distance = editDistance(token.text, candidate, 1);
        if (distance <= 1 && distance < best) {
          best = distance;
          correction = candidate;
        }
      }
    }
    if (correction !== null) text = text.slice(0, token.start) + correction + text.slice(token.end);
  }
  return text;
}

/**
 * The question's language: English, French or Spanish by their words (and ¿, ñ, ç…), or "other" when
 * the telling words of another language outnumber them. Ties go to English.
 */
function guessLanguage(tokens: Token[], typed: readonly string[], original: string): Language | "other" {
  const score: Record<Language, number> = { en: 0, fr: 0, es: 0 };
  for (const token of tokens) {
    const languages = LEXICON.wordLanguages.get(token.text);
    if (!languages || languages.size === 0 || languages.size === 3) continue;
    for (const language of languages) score[language] += 1 / languages.size;
  }
  const lower = original.toLowerCase();
  if (SPANISH_MARKS.test(lower)) score.es += 2;
  if (FRENCH_MARKS.test(lower)) score.fr += 1;
  let best: Language = "en";
  for (const language of LANGUAGES) if (score[language] > score[best]) best = language;
  const other = typed.filter((word) => LEXICON.otherLanguageWords.has(word)).length;
  if (other >= 2 && other >= score[best]) return "other";
  return best;
}

interface Candidate {
  last: number;
  phrase: PhraseInfo;
}

/**
 * The phrases of a question: every lexicon phrase found at every position, then the set of
 * non-overlapping ones that covers the most words (fewest phrases on a tie), so that "la Corne de
 * l'Afrique" is one region rather than "la corne" and the continent.
 */
function findPhrases(tokens: Token[], consumed: boolean[], cityRoot: TrieNode | undefined): Match[] {
  const count = tokens.length;
  const candidates: Candidate[][] = Array.from({ length: count }, () => []);
  for (let index = 0; index < count; index++) {
    if (consumed[index]) continue;
    const byEnd = new Map<number, PhraseInfo>();
    for (const root of cityRoot ? [LEXICON.root, cityRoot] : [LEXICON.root]) {
      let node: TrieNode | undefined = root;
      for (let end = index; end < count && !consumed[end]; end++) {
        node = node.next?.get(tokens[end]!.text);
        if (!node) break;
        if (!node.phrase) continue;
        const existing = byEnd.get(end);
        byEnd.set(
          end,
          existing ? { meanings: [...existing.meanings, ...node.phrase.meanings] } : node.phrase,
        );
      }
    }
    for (const [last, phrase] of byEnd) candidates[index]!.push({ last, phrase });
  }
  const covered = new Array<number>(count + 1).fill(0);
  const phrases = new Array<number>(count + 1).fill(0);
  const choice = new Array<Candidate | undefined>(count + 1);
  for (let index = count - 1; index >= 0; index--) {
    covered[index] = covered[index + 1]!;
    phrases[index] = phrases[index + 1]!;
    for (const candidate of candidates[index]!) {
      const words = candidate.last - index + 1 + covered[candidate.last + 1]!;
      const used = 1 + phrases[candidate.last + 1]!;
      if (words > covered[index]! || (words === covered[index]! && used < phrases[index]!)) {
        covered[index] = words;
        phrases[index] = used;
        choice[index] = candidate;
      }
    }
  }
  const matches: Match[] = [];
  for (let index = 0; index < count; ) {
    const candidate = choice[index];
    if (candidate) {
      matches.push({ first: index, last: candidate.last, phrase: candidate.phrase });
      index = candidate.last + 1;
    } else index++;
  }
  return matches;
}

interface Places {
  countries: Set<string>;
  regions: Set<RegionCode>;
  cities: Set<string>;
}

interface Reading extends Places {
  /** Places named after "not in", "outside", "sauf", "fuera de"…: events there are left out. */
  excluded: Places;
  /** The event counted from: "after the Sahel workshop". */
  anchor?: { position: "after" | "before"; reading: Reading } | undefined;
  kinds: Set<EventKind>;
  /** Kinds named by a phrase that is also a theme ("training of trainers"): a topic unless more is asked. */
  topicKinds: Set<EventKind>;
  pluralKind: boolean;
  themes: Set<ThemeCode>;
  online: boolean | undefined;
  /** Organizations named ("with IOM"): events they run or partner in. */
  organizations: Set<string>;
  statuses: Set<EventStatus>;
  registration: RegistrationFilter | undefined;
  sample: boolean | undefined;
  cues: Set<Cue>;
  words: string[];
}

function isPlaceMeaning(meaning: Meaning): boolean {
  return meaning.type === "country" || meaning.type === "region" || meaning.type === "city";
}

/** Words before an organization that make it one ("with INTERPOL"), not a theme. */
const WITH_WORDS = new Set(["with", "by", "avec", "par", "con", "por"]);
/** Words that make every organization named one ("INTERPOL as a partner"). */
const PARTNER_WORDS = new Set(["partner", "partners", "partenaire", "partenaires", "socio", "socios"]);

/**
 * What the phrases say. `typed` holds each token as the person typed it (before spelling
 * correction): a correction that led to no phrase is undone, so "posts" stays "posts" rather than
 * becoming "ports" (of "ports of entry").
 */
function read(
  tokens: Token[],
  typed: readonly string[],
  consumed: boolean[],
  matches: Match[],
  cities: CityTable | undefined,
): Reading {
  const reading: Reading = {
    kinds: new Set(),
    topicKinds: new Set(),
    pluralKind: false,
    themes: new Set(),
    countries: new Set(),
    regions: new Set(),
    cities: new Set(),
    excluded: { countries: new Set(), regions: new Set(), cities: new Set() },
    online: undefined,
    organizations: new Set(),
    statuses: new Set(),
    registration: undefined,
    sample: undefined,
    cues: new Set(),
    words: [],
  };
  const used = [...consumed];
  const negatedEnds = new Set<number>();
  const namesPartners = tokens.some((token) => PARTNER_WORDS.has(token.text));
  for (const match of [...matches].sort((a, b) => a.first - b.first)) {
    for (let index = match.first; index <= match.last; index++) used[index] = true;
    const meanings = match.phrase.meanings;
    const isCountry = meanings.some((meaning) => meaning.type === "country");
    const isTopic = meanings.some((meaning) => meaning.type === "theme");
    const isKind = meanings.some((meaning) => meaning.type === "kind");
    // "INTERPOL" is the theme of its databases as well: the theme wins over the organization, unless
    // the question says "with INTERPOL" ("avec", "con", "by", "par", "por").
    const isWith = namesPartners || WITH_WORDS.has(tokens[match.first - 1]?.text ?? "");
    const isOnlyOrganization = isWith || meanings.every((meaning) => meaning.type === "organization");
    const negation = meanings.some(isPlaceMeaning)
      ? negationBefore(tokens, typed, match.first, negatedEnds)
      : -1;
    if (negation >= 0) {
      negatedEnds.add(match.last);
      // The negation and its small words are read: they are not words to search for.
      for (let index = negation; index < match.first; index++) used[index] = true;
    }
    const places = negation >= 0 ? reading.excluded : reading;
    for (const meaning of meanings) {
      // "Réunion" the island loses to "reunión" the meeting.
      if (meaning.type === "country" && isKind) continue;
      if (meaning.type === "kind" && isTopic) reading.topicKinds.add(meaning.kind);
      else if (meaning.type === "organization" && !isOnlyOrganization) continue;
      else if (meaning.type === "theme" && isWith && meanings.some((other) => other.type === "organization"))
        continue;
      else apply(reading, places, meaning, isCountry, cities);
    }
  }
  const seen = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const word = typed[index] ?? tokens[index]!.text;
    if (used[index] || word.length < 3 || seen.has(word)) continue;
    if (LEXICON.functionWords.has(word) || LEXICON.genericWords.has(word)) continue;
    seen.add(word);
    if (reading.words.length < 10) reading.words.push(word);
  }
  return reading;
}

function apply(
  reading: Reading,
  places: Places,
  meaning: Meaning,
  isCountry: boolean,
  cities: CityTable | undefined,
): void {
  switch (meaning.type) {
    case "kind":
      reading.kinds.add(meaning.kind);
      if (meaning.plural) reading.pluralKind = true;
      break;
    case "theme":
      reading.themes.add(meaning.theme);
      break;
    case "country":
      places.countries.add(meaning.country);
      break;
    case "region":
      for (const region of meaning.regions) places.regions.add(region);
      break;
    case "city":
      // A name that is a country as well ("Djibouti") is read as the country, which holds the city.
      if (!isCountry)
        places.cities.add(cities?.byFolded.get(phraseTokens(meaning.city).join(" ")) ?? meaning.city);
      break;
    case "cue":
      reading.cues.add(meaning.cue);
      break;
    case "online":
      reading.online = meaning.online;
      break;
    case "organization":
      reading.organizations.add(meaning.code);
      break;
    case "status":
      reading.statuses.add(meaning.status);
      break;
    case "registration":
      reading.registration = meaning.registration;
      break;
    case "sample":
      reading.sample = meaning.sample;
      break;
    case "generic":
      break;
  }
}

/**
 * "Can I still register for the Niamey workshop?", "peut-on encore s'inscrire…", "¿todavía me puedo
 * inscribir…?": a question about the event's registration, which its card answers, not about filing.
 */
const REGISTRATION_STILL_OPEN =
  /\b(?:still|encore|todavia|aun|deadline|date limite|plazo|until when|jusqu a quand|hasta cuando)\b/;

const PASSENGER_CONTEXT =
  /\b(?:passenger|passengers|airline|airlines|pnr|advance|travellers|travelers|passagers|pasajeros|icao|2178|2396)\b/;

/**
 * Reads a question (any string: Slack markup, typos, English, French or Spanish) into a structured
 * query. Pure and total: it never throws and never does I/O; the tables it reads are built once at
 * module load.
 */
export function interpret(question: string, options: InterpretOptions): AskQuery {
  try {
    return interpretQuestion(typeof question === "string" ? question : "", options);
  } catch {
    return { intent: "unknown", language: "en", filters: { words: [] } };
  }
}

function interpretQuestion(question: string, options: InterpretOptions): AskQuery {
  const cleaned = stripSlackMarkup(question);
  const latin = cleaned.match(LATIN_LETTER)?.length ?? 0;
  const otherScripts = (cleaned.match(ANY_LETTER)?.length ?? 0) - latin;
  if (otherScripts > latin) {
    return { intent: "unknown", language: "en", note: "unsupported_language", filters: { words: [] } };
  }

  if (looksLikeCode(cleaned)) return { intent: "unknown", language: "en", filters: { words: [] } };

  let folded = fold(cleaned);
  const found = findReference(folded);
  const reference = found?.reference ?? null;
  if (found) {
    folded =
      folded.slice(0, found.index) + " ".repeat(found.length) + folded.slice(found.index + found.length);
  }

  const cities = options.cities && options.cities.length > 0 ? cityTableFor(options.cities) : undefined;
  const corrected = correctSpelling(folded, cities);
  const tokens = tokenize(corrected);
  // A correction replaces one word by one word, so the typed tokens line up with the corrected ones.
  const typedTokens = tokenize(folded).map((token) => token.text);
  const typed = typedTokens.length === tokens.length ? typedTokens : tokens.map((token) => token.text);
  const guessed = guessLanguage(tokens, typed, cleaned);
  if (guessed === "other") {
    return { intent: "unknown", language: "en", note: "unsupported_language", filters: { words: [] } };
  }
  const language: Language = guessed;

  let today: string;
  try {
    today = todayIn(options.timeZone, options.now);
  } catch {
    today = todayIn("UTC", options.now);
  }

  const hintsPast = PAST_HINT.test(corrected);
  const preference: TimePreference = hintsPast ? "past" : "future";
  const dates: DateFinding = findDates(corrected, language, today, preference);
  const consumed = tokens.map((token) =>
    dates.spans.some(([start, end]) => token.start >= start && token.end <= end),
  );
  const matches = findPhrases(tokens, consumed, cities?.root);
  const relative = findRelative(tokens, consumed, matches);
  let reading: Reading;
  if (relative) {
    // The event counted from is what follows the cue; the rest is what is asked for.
    const isAnchor = (match: Match) => match.first > relative.cue;
    const anchorEnd = Math.max(...matches.filter(isAnchor).map((match) => match.last));
    const outsideAnchor = consumed.map(
      (isConsumed, index) => isConsumed || (index >= relative.cue && index <= anchorEnd),
    );
    reading = read(
      tokens,
      typed,
      outsideAnchor,
      matches.filter((match) => !isAnchor(match)),
      cities,
    );
    const anchor = read(
      tokens,
      typed,
      tokens.map(() => true),
      matches.filter(isAnchor),
      cities,
    );
    reading.anchor = { position: relative.position, reading: anchor };
  } else {
    reading = read(tokens, typed, consumed, matches, cities);
  }
  const words = tokens.map((token) => token.text).join(" ");
  return decide(reading, dates, { language, reference, today, hintsPast, corrected, words });
}

/**
 * A cue counting from an event ("after", "avant", "después") that dates did not take ("after March"
 * is a date) and that is followed by a kind, a place or a theme naming that event.
 */
function findRelative(
  tokens: Token[],
  consumed: readonly boolean[],
  matches: Match[],
): { position: "after" | "before"; cue: number } | undefined {
  for (let cue = 0; cue < tokens.length; cue++) {
    const position = RELATIVE_CUES[tokens[cue]!.text];
    if (!position || consumed[cue]) continue;
    let next = cue + 1;
    for (let skipped = 0; skipped < 4 && ANCHOR_FILLERS.has(tokens[next]?.text ?? ""); skipped++) next++;
    const names = matches.some(
      (match) =>
        // A phrase may begin with a filler ("the Sahel").
        match.first > cue &&
        match.first <= next &&
        match.phrase.meanings.some(
          (meaning) => isPlaceMeaning(meaning) || meaning.type === "kind" || meaning.type === "theme",
        ),
    );
    if (names) return { position, cue };
  }
  return undefined;
}

interface Context {
  language: Language;
  reference: string | null;
  today: string;
  hintsPast: boolean;
  corrected: string;
  /** The corrected question as words only, for the phrase patterns ("qu est ce que la bsi"). */
  words: string;
}

/**
 * The intent, in order: a reference or a status question; a question about using the API; how to file a
 * request; help; good practices; events (past, next, matching filters, or simply upcoming); a theme
 * alone (good practices); a greeting; otherwise unknown.
 */
function decide(reading: Reading, dates: DateFinding, context: Context): AskQuery {
  const { language } = context;
  const has = (cue: Cue) => reading.cues.has(cue);
  const words = reading.words;
  const hasDates = dates.from !== undefined || dates.to !== undefined;
  const placeCount = (places: Places) => places.countries.size + places.regions.size + places.cities.size;
  const hasPlace = placeCount(reading) + placeCount(reading.excluded) > 0;
  const hasKind = reading.kinds.size > 0;
  const hasTheme = reading.themes.size > 0;
  const isAboutEvents =
    reading.anchor !== undefined ||
    hasKind ||
    hasDates ||
    hasPlace ||
    reading.online !== undefined ||
    // "What does the GCTF recommend on refugees?" asks for its good practices, not its events.
    (reading.organizations.size > 0 && !hasTheme) ||
    reading.statuses.size > 0 ||
    reading.registration !== undefined ||
    reading.sample !== undefined ||
    has("event") ||
    has("upcoming") ||
    has("next") ||
    has("when") ||
    has("when_past") ||
    has("past");

  if (context.reference)
    return { intent: "request_status", language, filters: { reference: context.reference } };
  if (has("status") && (has("request_noun") || has("my"))) {
    return { intent: "request_status", language, filters: { reference: null } };
  }

  if (PRACTICES_ADOPTED.test(context.words) && !hasKind && !hasPlace) {
    return { intent: "help", language, note: "about_bsi", filters: { words: [] } };
  }
  if (ABOUT_BSI.test(context.words) && !hasKind && !hasTheme && !hasPlace && !hasDates && !has("practice")) {
    return { intent: "help", language, note: "about_bsi", filters: { words: [] } };
  }

  const isOffTopic =
    OFF_TOPIC.test(context.words) &&
    !hasKind &&
    !hasTheme &&
    !has("practice") &&
    !has("event") &&
    !has("request_noun") &&
    !has("request_verb");
  const isAboutOwnTravel =
    TRAVEL_PAPERS.test(context.words) && !hasKind && !has("practice") && !hasTheme && !has("event");
  if (isOffTopic || isAboutOwnTravel) {
    return { intent: "unknown", language, note: "off_topic", filters: { words: [] } };
  }

  const isApiUsage =
    has("api_tech") && !PASSENGER_CONTEXT.test(context.corrected) && !hasPlace && !hasDates && !hasKind;
  if (isApiUsage) return { intent: "help", language, note: "api_usage", filters: { words: [] } };

  // "Who should attend the Niamey workshop?" is about that workshop, not about filing a request.
  const asksWhoAttends = WHO_ATTENDS.test(context.words) && (hasKind || hasPlace);
  const wantsToFile =
    (has("how") && (has("request_verb") || has("request_noun"))) ||
    (has("request_verb") && has("request_noun")) ||
    (HOW_TO_GET.test(context.words) && (hasKind || hasTheme) && !hasDates) ||
    (!asksWhoAttends &&
      !REGISTRATION_STILL_OPEN.test(context.words) &&
      // "Did Frontex take part in a workshop?" is about the organization, not about filing.
      reading.organizations.size === 0 &&
      has("request_verb") &&
      hasKind &&
      !has("upcoming") &&
      !has("when") &&
      !hasDates);
  if (wantsToFile && !has("practice")) return { intent: "how_to_request", language, filters: { words } };

  if (has("help") && !hasKind && !hasTheme && !hasPlace && !hasDates && !has("practice")) {
    return { intent: "help", language, filters: { words: [] } };
  }

  const resolution = RESOLUTION.exec(context.words)?.[1];
  if (resolution && !hasKind && !hasDates && !hasPlace) {
    return { intent: "practices", language, filters: { words: [resolution] } };
  }

  if (has("practice") && !hasDates && !(hasKind && !hasTheme)) {
    return { intent: "practices", language, filters: practiceFilters(reading) };
  }

  if (isAboutEvents) {
    for (const kind of reading.topicKinds) reading.kinds.add(kind);
    return eventQuery(reading, dates, context);
  }

  if (hasTheme) return { intent: "practices", language, filters: practiceFilters(reading) };

  if (has("greeting") || has("thanks")) {
    return {
      intent: "greeting",
      language,
      ...(has("thanks") ? { note: "thanks" as QueryNote } : {}),
      filters: { words: [] },
    };
  }
  if (has("help")) return { intent: "help", language, filters: { words: [] } };
  return { intent: "unknown", language, filters: { words } };
}

function practiceFilters(reading: Reading) {
  return {
    ...(reading.themes.size > 0 ? { themes: [...reading.themes] } : {}),
    ...(reading.words.length > 0 ? { words: reading.words } : {}),
  };
}

function eventQuery(reading: Reading, dates: DateFinding, context: Context): AskQuery {
  const { language, today } = context;
  const has = (cue: Cue) => reading.cues.has(cue);
  const hasDates = dates.from !== undefined || dates.to !== undefined;
  const filters: EventQueryFilters = {};
  if (reading.kinds.size > 0) filters.kinds = [...reading.kinds];
  if (reading.countries.size > 0) filters.countries = [...reading.countries];
  if (reading.regions.size > 0) filters.regions = [...reading.regions];
  if (reading.cities.size > 0) filters.cities = [...reading.cities];
  const { excluded } = reading;
  if (excluded.countries.size + excluded.regions.size + excluded.cities.size > 0) {
    filters.exclude = {
      ...(excluded.countries.size > 0 ? { countries: [...excluded.countries] } : {}),
      ...(excluded.regions.size > 0 ? { regions: [...excluded.regions] } : {}),
      ...(excluded.cities.size > 0 ? { cities: [...excluded.cities] } : {}),
    };
  }
  if (reading.themes.size > 0) filters.themes = [...reading.themes];
  if (reading.anchor) {
    const { position, reading: anchor } = reading.anchor;
    // "the conference after the one in Addis": the event counted from is a conference too.
    const kinds =
      anchor.kinds.size > 0 ? anchor.kinds : anchor.topicKinds.size > 0 ? anchor.topicKinds : reading.kinds;
    filters.relativeTo = {
      position,
      ...(kinds.size > 0 ? { kinds: [...kinds] } : {}),
      ...(anchor.countries.size > 0 ? { countries: [...anchor.countries] } : {}),
      ...(anchor.regions.size > 0 ? { regions: [...anchor.regions] } : {}),
      ...(anchor.cities.size > 0 ? { cities: [...anchor.cities] } : {}),
      ...(anchor.themes.size > 0 ? { themes: [...anchor.themes] } : {}),
    };
  }
  if (reading.online !== undefined) filters.online = reading.online;
  if (reading.organizations.size > 0) filters.organizations = [...reading.organizations];
  if (reading.statuses.size > 0) filters.statuses = [...reading.statuses];
  if (reading.registration) filters.registration = reading.registration;
  if (reading.sample !== undefined) filters.sample = reading.sample;
  const counted = findCount(context.words);
  if (counted) filters.limit = counted.count;
  const words = counted ? reading.words.filter((word) => !counted.words.includes(word)) : reading.words;
  if (words.length > 0) filters.words = words;

  // "held" hints at the past, unless the question also says "upcoming" or "next".
  // "Which workshops were cancelled?" asks about a status, not about the past.
  const isHintedPast = context.hintsPast && !has("upcoming") && !has("next") && reading.statuses.size === 0;
  const isPast = hasDates ? dates.isPast : has("past") || has("when_past") || isHintedPast;
  if (isPast) {
    const yesterday = shiftDays(today, -1);
    if (dates.from) filters.from = dates.from;
    filters.to = dates.to && dates.to < yesterday ? dates.to : yesterday;
    if (filters.from && filters.to < filters.from) filters.from = filters.to;
    return { intent: "past_events", language, filters };
  }

  filters.from = dates.from ?? today;
  if (dates.to) filters.to = dates.to;
  const narrows =
    hasDates ||
    filters.countries ||
    filters.regions ||
    filters.cities ||
    filters.exclude ||
    filters.relativeTo ||
    filters.themes ||
    filters.organizations ||
    filters.statuses ||
    filters.registration ||
    filters.sample !== undefined ||
    filters.online !== undefined;

  // "The next 3 workshops" is a list; "the next workshop" one event.
  if (has("next") && !reading.pluralKind && !has("upcoming") && !counted) {
    if (filters.from < today) filters.from = today;
    return { intent: "next_event", language, filters };
  }
  if (narrows) return { intent: "find_events", language, filters };
  return { intent: "upcoming_events", language, filters };
}

// chrono's patterns are large regular expressions that V8 compiles to machine code on their second
// run, which takes a few hundred milliseconds: run them a few times now, at load, rather than in the
// first questions.
for (let round = 0; round < 3; round++) {
  for (const warmUp of [
    "next workshop in Dakar on 3 May 2027",
    "atelier le 3 mai 2027",
    "taller el 3 de mayo de 2027",
  ]) {
    interpret(warmUp, { now: new Date(Date.UTC(2026, 0, 1)), timeZone: "UTC" });
  }
}
