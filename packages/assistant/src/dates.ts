import type { Chrono, ParsedResult } from "chrono-node";
// Only the three languages the desk answers in: the package's entry point loads all sixteen.
import * as chronoEn from "chrono-node/en";
import * as chronoEs from "chrono-node/es";
import * as chronoFr from "chrono-node/fr";
import {
  addMonths,
  type DateRange,
  daysInMonth,
  isoDate,
  monthRange,
  monthsRange,
  parseIso,
  shiftDays,
  startOfWeek,
  yearRange,
} from "./calendar.js";
import { findHolidays } from "./holidays.js";
import type { Language } from "./lexicon.js";
import { COUNTING_NUMBER, numberValue } from "./numbers.js";

/** Which way to read a date without a year: the next March that is not over, or the last one. */
export type TimePreference = "future" | "past";

export interface DateFinding {
  from?: string | undefined;
  to?: string | undefined;
  /** Character spans of the folded text that the dates used (so they are not read again as words). */
  spans: Array<[number, number]>;
  /** The question named a period that is over ("last year", "in 2016"). */
  isPast: boolean;
}

interface Expression {
  start: number;
  end: number;
  range: Required<DateRange> | { from: string; to?: string } | { from?: string; to: string };
  /** Re-dates the expression in another year, when the year came from elsewhere ("March next year"). */
  withYear?: (year: number) => { from: string; to: string };
  /** A year on its own ("2027", "next year"), which may give its year to the other expressions. */
  contextYear?: number;
  /** A range written with both ends ("March to June", "3-10 May"): from/until words before it do not apply. */
  isRange?: boolean;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Record<Language, string[][]> = {
  en: [
    ["january", "jan"],
    ["february", "feb"],
    ["march", "mar"],
    ["april", "apr"],
    ["may"],
    ["june", "jun"],
    ["july", "jul"],
    ["august", "aug"],
    ["september", "sep", "sept"],
    ["october", "oct"],
    ["november", "nov"],
    ["december", "dec"],
  ],
  fr: [
    ["janvier", "janv"],
    ["fevrier", "fevr", "fev"],
    ["mars"],
    ["avril", "avr"],
    ["mai"],
    ["juin"],
    ["juillet", "juil"],
    ["aout"],
    ["septembre"],
    ["octobre"],
    ["novembre"],
    ["decembre"],
  ],
  es: [
    ["enero", "ene"],
    ["febrero"],
    ["marzo"],
    ["abril"],
    ["mayo"],
    ["junio"],
    ["julio"],
    ["agosto"],
    ["septiembre", "setiembre"],
    ["octubre"],
    ["noviembre"],
    ["diciembre", "dic"],
  ],
};
for (const names of Object.values(MONTH_NAMES)) {
  names.forEach((forms, index) => {
    for (const form of forms) MONTHS[form] = index + 1;
  });
}
const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

function count(word: string | undefined): number {
  return word ? numberValue(word) : 1;
}

interface RelativeRule {
  pattern: RegExp;
  resolve(
    today: string,
    match: RegExpExecArray,
    preference: TimePreference,
  ): Expression["range"] & { contextYear?: number };
}

function endOfWeek(today: string): string {
  return shiftDays(startOfWeek(today), 6);
}

function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

function quarterRange(year: number, quarter: number): { from: string; to: string } {
  return monthsRange(year, quarter * 3 - 2, quarter * 3);
}

function add(today: string, amount: number, unit: string): string {
  if (/^(day|jour|dia)/.test(unit)) return shiftDays(today, amount);
  if (/^(week|semaine|semana)/.test(unit)) return shiftDays(today, amount * 7);
  if (/^(fortnight|quinzaine|quincena)/.test(unit)) return shiftDays(today, amount * 14);
  if (/^(year|an|annee|ano)/.test(unit)) return addMonths(today, amount * 12);
  return addMonths(today, amount);
}

/**
 * Periods named relative to today. chrono reads "next month" as a single day a month from now; a
 * question means the whole month, so these are read here as periods. "This week/month/year" means
 * what is left of it.
 */
const COUNT_WORD = `(${COUNTING_NUMBER})`;
const PERIOD_UNIT = "(days|weeks|months|years|jours|semaines|mois|ans|annees|dias|semanas|meses|anos)";

const RELATIVE_RULES: RelativeRule[] = [
  {
    // "les deux prochaines semaines", "las dos próximas semanas": the number before "next".
    pattern: new RegExp(
      `\\b(?:(?:dans|au cours|durant|pendant|en|durante) )?(?:les |des |los |las )?${COUNT_WORD} (?:prochains|prochaines|proximos|proximas) ${PERIOD_UNIT}\\b`,
    ),
    resolve(today, match) {
      return { from: today, to: add(today, count(match[1]), match[2] ?? "months") };
    },
  },
  {
    // "the last 3 months", "les trois derniers mois", "los últimos dos años": up to yesterday.
    pattern: new RegExp(
      `\\b(?:(?:in|over|during) )?(?:the (?:last|past) ${COUNT_WORD} ${PERIOD_UNIT}|(?:les |des |los |las )?${COUNT_WORD} (?:derniers|dernieres|ultimos|ultimas) ${PERIOD_UNIT}|(?:les |los |las )?(?:derniers|dernieres|ultimos|ultimas) ${COUNT_WORD} ${PERIOD_UNIT})\\b`,
    ),
    resolve(today, match) {
      const amount = count(match[1] ?? match[3] ?? match[5]);
      const unit = match[2] ?? match[4] ?? match[6] ?? "months";
      return { from: add(today, -amount, unit), to: shiftDays(today, -1) };
    },
  },
  {
    pattern:
      /\b(?:(?:in |over |within |during )?the (?:next|coming|following) |next |coming |(?:dans|au cours|durant|pendant) (?:les |des )(?:prochains |prochaines )?|les (?:prochains |prochaines )|(?:en |durante )?(?:los |las )?(?:proximos |proximas )|los siguientes )(?:few |couple of |quelques |pocos |pocas )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|deux|trois|quatre|cinq|six|huit|neuf|dix|douze|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)? ?(days|weeks|fortnights|months|years|jours|semaines|mois|ans|annees|dias|semanas|meses|anos)(?: (?:prochains|prochaines|a venir|qui viennent|que vienen|siguientes))?\b/,
    resolve(today, match) {
      const unit = match[2] ?? "months";
      const few = /few|couple|quelques|pocos|pocas/.test(match[0]);
      const amount = match[1]
        ? count(match[1])
        : few
          ? 3
          : unit.startsWith("week") || unit.startsWith("sem")
            ? 6
            : 3;
      return { from: today, to: add(today, amount, unit) };
    },
  },
  {
    pattern:
      /\b(?:in |within |dans |d ici |en (?:los |las )?|durante (?:los |las )?)(?:les |the )?(?:prochains |prochaines |proximos |proximas |next )?(\d{1,2}|two|three|four|five|six|deux|trois|quatre|cinq|six|dos|tres|cuatro|cinco|seis) (weeks|months|semaines|mois|semanas|meses)(?: (?:prochains|prochaines|a venir))?\b/,
    resolve(today, match) {
      return { from: today, to: add(today, count(match[1]), match[2] ?? "months") };
    },
  },
  {
    pattern:
      /\b(?:the )?(?:coming|upcoming) (weeks|months)\b|\b(?:les |dans les )?(semaines|mois) a venir\b|\b(?:las |los )?(semanas|meses) (?:que vienen|proximas|proximos|venideras|venideros)\b/,
    resolve(today, match) {
      const unit = match[1] ?? match[2] ?? match[3] ?? "months";
      return {
        from: today,
        to: /^(week|semaine|semana)/.test(unit) ? shiftDays(today, 42) : addMonths(today, 3),
      };
    },
  },
  {
    pattern: /\b(?:this|current) weekend\b|\bce week end\b|\beste fin de semana\b/,
    resolve(today) {
      const saturday = shiftDays(startOfWeek(today), 5);
      const from = [today, saturday].sort()[1]; // the later of the two
      return { from, to: shiftDays(saturday, 1) };
    },
  },
  {
    pattern: /\b(?:this|the current|current) week\b|\bcette semaine\b|\besta semana\b/,
    resolve: (today, _match, preference) =>
      preference === "past" ? { from: startOfWeek(today), to: today } : { from: today, to: endOfWeek(today) },
  },
  {
    pattern:
      /\b(?:the )?next week\b|\b(?:la )?semaine prochaine\b|\b(?:la )?(?:proxima semana|semana (?:que viene|proxima|entrante))\b/,
    resolve(today) {
      const monday = shiftDays(startOfWeek(today), 7);
      return { from: monday, to: shiftDays(monday, 6) };
    },
  },
  {
    pattern:
      /\b(?:the |in the |over the )?(?:next|coming) fortnight\b|\b(?:la |dans la )?quinzaine (?:prochaine|a venir)\b|\b(?:los |en los )?(?:proximos )?quince dias\b/,
    resolve: (today) => ({ from: today, to: shiftDays(today, 14) }),
  },
  {
    pattern: /\b(?:the )?week after next\b|\bdans deux semaines\b|\ben dos semanas\b/,
    resolve(today) {
      const monday = shiftDays(startOfWeek(today), 14);
      return { from: monday, to: shiftDays(monday, 6) };
    },
  },
  {
    pattern:
      /\b(?:the )?(?:last|past|previous) week\b|\b(?:la )?semaine (?:derniere|passee)\b|\b(?:la )?semana pasada\b/,
    resolve(today) {
      const monday = shiftDays(startOfWeek(today), -7);
      return { from: monday, to: shiftDays(monday, 6) };
    },
  },
  {
    pattern:
      /\b(?:(?:by|before|until|till) )?(?:the )?end of (?:the |this )?month\b|\b(?:this|the current|current) month\b|\bce mois(?: ci)?\b|\b(?:d ici |avant )?la fin du mois\b|\beste mes\b|\b(?:antes de |hasta )?(?:el )?fin(?:al)? de(?:l)? mes\b/,
    resolve(today, _match, preference) {
      const { year, month } = parseIso(today);
      if (preference === "past") return { from: isoDate(year, month, 1), to: today };
      return { from: today, to: isoDate(year, month, daysInMonth(year, month)) };
    },
  },
  {
    pattern:
      /\b(?:the )?next month\b|\b(?:le )?mois prochain\b|\b(?:el )?(?:proximo mes|mes (?:que viene|proximo|entrante))\b/,
    resolve(today) {
      const { year, month } = parseIso(addMonths(today, 1));
      return monthRange(year, month);
    },
  },
  {
    pattern:
      /\b(?:the )?(?:last|past|previous) month\b|\b(?:le )?mois (?:dernier|passe)\b|\b(?:el )?mes pasado\b/,
    resolve(today) {
      const { year, month } = parseIso(addMonths(today, -1));
      return monthRange(year, month);
    },
  },
  {
    pattern:
      /\b(?:(?:by|before|until|till|through) )?(?:the )?(?:end of (?:the |this )?year|year end|year s end|end of (?:this )?year)\b|\b(?:the )?(?:rest|remainder) of (?:the |this )?year\b|\b(?:this|the current|current) year\b|\b(?:d ici |avant |jusqu a )?(?:la )?fin (?:de l |d )annee\b|\bcette annee\b|\b(?:antes de(?: que termine)?|hasta|para) (?:el )?(?:fin(?:al)?|termine) (?:de(?:l)? )?ano\b|\bfin de ano\b|\beste ano\b|\b(?:lo que )?(?:queda|resta) del ano\b/,
    resolve(today, _match, preference) {
      const { year } = parseIso(today);
      if (preference === "past") return { from: isoDate(year, 1, 1), to: today };
      return { from: today, to: isoDate(year, 12, 31) };
    },
  },
  {
    pattern:
      /\b(?:the )?next year\b|\b(?:l )?(?:annee prochaine|an prochain)\b|\b(?:el )?(?:proximo ano|ano (?:que viene|proximo|entrante))\b/,
    resolve(today) {
      const year = parseIso(today).year + 1;
      return { ...yearRange(year), contextYear: year };
    },
  },
  {
    pattern:
      /\b(?:the )?(?:last|past|previous) year\b|\b(?:l )?(?:annee (?:derniere|passee)|an (?:dernier|passe))\b|\b(?:el )?ano pasado\b/,
    resolve(today) {
      const year = parseIso(today).year - 1;
      return { ...yearRange(year), contextYear: year };
    },
  },
  {
    pattern: /\b(?:this|the current|current) quarter\b|\bce trimestre\b|\beste trimestre\b/,
    resolve(today, _match, preference) {
      const { year, month } = parseIso(today);
      const quarter = quarterRange(year, quarterOf(month));
      return preference === "past" ? { from: quarter.from, to: today } : { from: today, to: quarter.to };
    },
  },
  {
    pattern:
      /\b(?:the )?next quarter\b|\b(?:le |du )?(?:trimestre prochain|prochain trimestre)\b|\b(?:el |del )?(?:proximo trimestre|trimestre que viene)\b/,
    resolve(today) {
      const { year, month } = parseIso(addMonths(today, 3));
      return quarterRange(year, quarterOf(month));
    },
  },
  {
    pattern:
      /\b(?:the )?(?:last|past|previous) quarter\b|\b(?:le |du )?(?:trimestre dernier|dernier trimestre)\b|\b(?:el |del )?trimestre pasado\b/,
    resolve(today) {
      const { year, month } = parseIso(addMonths(today, -3));
      return quarterRange(year, quarterOf(month));
    },
  },
  {
    pattern: /\b(?:today|aujourd hui|hoy)\b/,
    resolve: (today) => ({ from: today, to: today }),
  },
];

const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: 4,
  final: 4,
  premier: 1,
  premiere: 1,
  "1er": 1,
  deuxieme: 2,
  "2e": 2,
  "2eme": 2,
  troisieme: 3,
  "3e": 3,
  "3eme": 3,
  quatrieme: 4,
  "4e": 4,
  "4eme": 4,
  dernier: 4,
  primer: 1,
  primero: 1,
  segundo: 2,
  "2o": 2,
  tercer: 3,
  tercero: 3,
  "3er": 3,
  cuarto: 4,
  "4o": 4,
  ultimo: 4,
};
const ORDINAL = `(${Object.keys(ORDINALS).join("|")})`;
const YEAR = "(20\\d\\d)";

interface PeriodRule {
  pattern: RegExp;
  /** Which quarter(s) of the year, as first and last month, and the year if written. */
  months(match: RegExpExecArray): { first: number; last: number; year: number | undefined };
}

const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 14],
  printemps: [3, 5],
  ete: [6, 8],
  automne: [9, 11],
  hiver: [12, 14],
  primavera: [3, 5],
  verano: [6, 8],
  otono: [9, 11],
  invierno: [12, 14],
};

/** Quarters, halves and seasons, with or without a year: "Q1 2027", "premier trimestre", "summer". */
const PERIOD_RULES: PeriodRule[] = [
  {
    pattern: new RegExp(`\\b[qt]([1-4])(?: (?:of |de |del )?${YEAR})?\\b`),
    months: (match) => {
      const quarter = Number(match[1]);
      return { first: quarter * 3 - 2, last: quarter * 3, year: match[2] ? Number(match[2]) : undefined };
    },
  },
  {
    pattern: new RegExp(
      `\\b(?:the |le |el )?${ORDINAL} (?:quarter|trimestre)(?: (?:of |de |d |del )?(?:l )?(?:annee |ano )?${YEAR})?\\b`,
    ),
    months: (match) => {
      const quarter = ORDINALS[match[1] ?? ""] ?? 1;
      return { first: quarter * 3 - 2, last: quarter * 3, year: match[2] ? Number(match[2]) : undefined };
    },
  },
  {
    pattern: new RegExp(
      `\\b(?:the |le |la |el )?(?:(first|second|premier|premiere|deuxieme|seconde|primer|primera|segundo|segunda) (?:half|semestre|moitie|mitad)|h([12]))(?: (?:of |de |d |del )?(?:the year |l annee |ano )?${YEAR})?(?: (?:of the year|de l annee|del ano))?\\b`,
    ),
    months: (match) => {
      const half = match[2] ? Number(match[2]) : /first|premier|primer/.test(match[1] ?? "") ? 1 : 2;
      // "la segunda mitad del año" and "the second half of the year" name this year's half.
      return {
        first: half === 1 ? 1 : 7,
        last: half === 1 ? 6 : 12,
        year: match[3] ? Number(match[3]) : undefined,
      };
    },
  },
  {
    pattern: new RegExp(
      `\\b(spring|summer|autumn|(?<=(?:this|next|the|in|last|of) )fall|winter|printemps|(?<=(?:l|cet|en|d) )ete|automne|hiver|primavera|verano|otono|invierno)(?: (?:of |de |del )?${YEAR})?\\b`,
    ),
    months: (match) => {
      const [first, last] = SEASONS[match[1] ?? ""] ?? [6, 8];
      return { first, last, year: match[2] ? Number(match[2]) : undefined };
    },
  },
];

const DAY_RANGE_PATTERN = new RegExp(
  `\\b(?:between (?:the )?|from (?:the )?|entre (?:le |el )?|du |del |desde el |de )(\\d{1,2})(?:st|nd|rd|th|er|o)? (?:and (?:the )?|to (?:the )?|et (?:le )?|au |al |y (?:el )?|a |hasta el )(\\d{1,2})(?:st|nd|rd|th|er|o)? (?:of |de )?(${MONTH_PATTERN})(?: (?:de |del )?${YEAR})?\\b`,
);

/** Month names on their own ("en mars", "between March and May"), which chrono does not read in every language. */
const MONTH_WORD_PATTERN = new RegExp(`\\b(${MONTH_PATTERN})(?: (?:de |del )?${YEAR})?\\b`, "g");
/** English month names that are also everyday words need a date-like neighbour to count as months. */
const AMBIGUOUS_MONTHS = new Set([
  "may",
  "march",
  "mar",
  "jan",
  "dec",
  "sep",
  "oct",
  "nov",
  "aug",
  "jun",
  "jul",
  "apr",
  "feb",
  "sept",
  "ene",
  "dic",
  "fev",
  "avr",
]);
const MONTH_NEIGHBOURS =
  /\b(in|of|during|by|until|till|before|after|from|since|early|late|mid|through|to|and|or|between|next|this|last|en|de|a|au|et|ou|y|o|hasta|desde|antes|apres|avant|depuis|entre|mois|mes|month|fin|debut|principios|finales|mediados|jusqu|des)\s*$/;

const BARE_YEAR_PATTERN = new RegExp(`\\b${YEAR}\\b`, "g");

const CHRONO_BY_LANGUAGE: Record<Language, Chrono> = {
  en: chronoEn.GB,
  fr: chronoFr.casual,
  es: chronoEs.casual,
};

/** Words before a single date that turn it into an open or bounded range. */
const BEFORE_WORDS = /\b(?:before|prior to|avant(?: le| la| l| fin)?|antes de(?:l| la| el)?)(?: the)?\s*$/;
const AFTER_WORDS = /\b(?:after|apres(?: le| la| l)?|despues de(?:l| la| el)?)(?: the)?\s*$/;
const FROM_WORDS =
  /\b(?:from|starting(?: in| from)?|as of|a partir d(?:u|e la|e l|e)|a partir de(?:l| la| el)?)(?: the)?\s*$/;
const SINCE_WORDS = /\b(?:since|depuis(?: le| la| l)?|desde(?: el| la)?)(?: the)?\s*$/;
/** Words that take a part of a month, a quarter or a year: "early March", "mediados de 2027". */
const EARLY_WORDS =
  /\b(?:early|beginning of|start of|debut(?: de| d)?|principios de|comienzos de|inicios de)(?: the)?\s*$/;
const MIDDLE_WORDS = /\b(?:mid|middle of|mi|milieu(?: de| d)?|mediados de)(?: the)?\s*$/;
const LATE_WORDS = /\b(?:late|fin(?: de| d)?|finales de|final de)(?: the)?\s*$/;

/** The first, middle or last third of a range of at least four weeks. */
function third(range: { from: string; to: string }, part: 0 | 1 | 2): { from: string; to: string } {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  if (days < 28) return range;
  const size = Math.floor(days / 3);
  const from = shiftDays(range.from, part * size);
  return { from, to: part === 2 ? range.to : shiftDays(from, size - 1) };
}

const UNTIL_WORDS =
  /\b(?:until|till|through|by|up to|up until|jusqu (?:a|au|en)(?: la| l)?|d ici(?: la| le| l)?|hasta(?: el| la)?)(?: the)?\s*$/;

function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  return spans.some(([spanStart, spanEnd]) => start < spanEnd && end > spanStart);
}

function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/** The month's year when none was written: the next one not over, or the last one begun. */
function inferYear(
  today: string,
  month: number,
  day: number | undefined,
  preference: TimePreference,
): number {
  const { year, month: thisMonth, day: thisDay } = parseIso(today);
  if (preference === "future") {
    if (month > thisMonth) return year;
    if (month < thisMonth) return year + 1;
    return day === undefined || day >= thisDay ? year : year + 1;
  }
  if (month < thisMonth) return year;
  if (month > thisMonth) return year - 1;
  return day === undefined || day <= thisDay ? year : year - 1;
}

function periodYear(
  today: string,
  lastMonth: number,
  firstMonth: number,
  preference: TimePreference,
): number {
  const { year, month } = parseIso(today);
  if (preference === "future") return lastMonth < month ? year + 1 : year;
  return firstMonth > month ? year - 1 : year;
}

/**
 * Finds the dates in a question (already folded: lowercase, no accents) and turns them into one
 * range. Several dates widen the range ("March or April"); a year on its own gives its year to the
 * other dates ("March next year"). chrono reads explicit dates and ranges; holidays (see holidays.ts),
 * quarters, halves, seasons, bare years, relative periods and French month names are read here.
 */
export function findDates(
  folded: string,
  language: Language,
  today: string,
  preference: TimePreference,
): DateFinding {
  // "l'année", "mi-juillet", "week-end": apostrophes and hyphens between letters read as spaces
  // (same length, so positions still point into the question).
  const plain = folded.replace(/'|(?<=\p{L})-(?=\p{L})/gu, " ");
  let text = plain;
  const expressions: Expression[] = [];
  const claimed: Array<[number, number]> = [];
  const claim = (start: number, end: number, expression: Omit<Expression, "start" | "end">) => {
    if (!isPlausible(expression.range.from) || !isPlausible(expression.range.to)) return;
    expressions.push({ start, end, ...expression });
    claimed.push([start, end]);
    text = mask(text, start, end);
  };

  for (const { start, end, ...holiday } of findHolidays(text, today, preference)) claim(start, end, holiday);

  for (const rule of RELATIVE_RULES) {
    const pattern = new RegExp(rule.pattern.source, "g");
    for (const match of text.matchAll(pattern)) {
      const { contextYear, ...range } = rule.resolve(today, match as RegExpExecArray, preference);
      claim(match.index, match.index + match[0].length, { range, ...(contextYear ? { contextYear } : {}) });
    }
  }

  for (const rule of PERIOD_RULES) {
    const pattern = new RegExp(rule.pattern.source, "g");
    for (const match of text.matchAll(pattern)) {
      const { first, last, year } = rule.months(match as RegExpExecArray);
      const toRange = (y: number) =>
        last > 12
          ? { from: isoDate(y, first, 1), to: monthRange(y + 1, last - 12).to }
          : monthsRange(y, first, last);
      const resolvedYear = year ?? periodYear(today, Math.min(last, 12), first, preference);
      claim(match.index, match.index + match[0].length, {
        range: toRange(resolvedYear),
        ...(year ? {} : { withYear: toRange }),
      });
    }
  }

  for (const match of text.matchAll(new RegExp(DAY_RANGE_PATTERN.source, "g"))) {
    const first = Number(match[1]);
    const last = Number(match[2]);
    const month = MONTHS[match[3] ?? ""] ?? 1;
    const written = match[4] ? Number(match[4]) : undefined;
    if (first < 1 || last < first || last > 31) continue;
    const toRange = (y: number) => ({
      from: isoDate(y, month, Math.min(first, daysInMonth(y, month))),
      to: isoDate(y, month, Math.min(last, daysInMonth(y, month))),
    });
    const year = written ?? inferYear(today, month, last, preference);
    claim(match.index, match.index + match[0].length, {
      range: toRange(year),
      ...(written ? {} : { withYear: toRange }),
      isRange: true,
    });
  }

  const reference = { instant: new Date(`${today}T12:00:00Z`), timezone: "UTC" };
  for (const result of CHRONO_BY_LANGUAGE[language].parse(text, reference)) {
    const start = result.index;
    const end = start + result.text.length;
    if (overlaps(claimed, start, end)) continue;
    const expression = fromChrono(result, today, preference);
    if (expression) claim(start, end, expression);
  }

  for (const match of text.matchAll(MONTH_WORD_PATTERN)) {
    const word = match[1] ?? "";
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(claimed, start, end)) continue;
    const written = match[2] ? Number(match[2]) : undefined;
    if (AMBIGUOUS_MONTHS.has(word) && written === undefined && !MONTH_NEIGHBOURS.test(text.slice(0, start)))
      continue;
    const month = MONTHS[word] ?? 1;
    const toRange = (y: number) => monthRange(y, month);
    const year = written ?? inferYear(today, month, undefined, preference);
    claim(start, end, { range: toRange(year), ...(written ? {} : { withYear: toRange }) });
  }

  for (const match of text.matchAll(BARE_YEAR_PATTERN)) {
    const year = Number(match[1]);
    claim(match.index, match.index + match[0].length, { range: yearRange(year), contextYear: year });
  }

  return combine(expressions, plain, today, preference);
}

/** Years a question about BSI can mean; anything else is a number that chrono took for a year. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

function isPlausible(date: string | undefined): boolean {
  if (date === undefined) return true;
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return match !== null && Number(match[1]) >= MIN_YEAR && Number(match[1]) <= MAX_YEAR;
}

function fromChrono(
  result: ParsedResult,
  today: string,
  preference: TimePreference,
): Omit<Expression, "start" | "end"> | undefined {
  const start = result.start;
  if (/^(now|maintenant|ahora)$/.test(result.text.trim())) return undefined;
  const hasMonth = start.isCertain("month");
  const hasYear = start.isCertain("year");
  const hasDay = start.isCertain("day");
  if (!hasMonth && !hasYear) return undefined;
  const month = start.get("month") ?? 1;
  const day = hasDay ? (start.get("day") ?? 1) : undefined;
  const endDay = result.end?.isCertain("day") ? (result.end.get("day") ?? undefined) : undefined;
  const endMonth = result.end?.isCertain("month") ? (result.end.get("month") ?? undefined) : undefined;
  const endYear = result.end?.isCertain("year") ? (result.end.get("year") ?? undefined) : undefined;
  const toRange = (year: number): { from: string; to: string } => {
    const from = day !== undefined ? isoDate(year, month, day) : isoDate(year, hasMonth ? month : 1, 1);
    let to: string;
    if (result.end && endMonth !== undefined) {
      const lastYear = endYear ?? (endMonth < month ? year + 1 : year);
      to = endDay !== undefined ? isoDate(lastYear, endMonth, endDay) : monthRange(lastYear, endMonth).to;
    } else if (result.end && endDay !== undefined) {
      to = isoDate(year, month, endDay);
    } else if (day !== undefined) to = from;
    else if (hasMonth) to = monthRange(year, month).to;
    else to = yearRange(year).to;
    return { from, to };
  };
  if (hasYear) {
    const year = start.get("year") ?? parseIso(today).year;
    if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
    return { range: toRange(year), isRange: Boolean(result.end) };
  }
  // chrono guesses a missing year; the rule here is ours: the next March not over, or the last one.
  const year =
    endYear !== undefined && endMonth !== undefined
      ? endMonth < month
        ? endYear - 1
        : endYear
      : inferYear(today, month, day, preference);
  return {
    range: toRange(year),
    ...(endYear === undefined ? { withYear: toRange } : {}),
    isRange: Boolean(result.end),
  };
}

function combine(
  expressions: Expression[],
  folded: string,
  today: string,
  preference: TimePreference,
): DateFinding {
  const spans: Array<[number, number]> = [];
  if (expressions.length === 0) return { spans, isPast: false };
  expressions.sort((a, b) => a.start - b.start);

  // A year on its own gives its year to dates written without one: "in March next year", "Q1, 2028".
  let working = expressions;
  const years = expressions.filter((expression) => expression.contextYear !== undefined);
  const yearless = expressions.filter((expression) => expression.withYear !== undefined);
  if (years.length === 1 && yearless.length > 0) {
    const year = years[0]!.contextYear!;
    working = expressions
      .filter((expression) => expression.contextYear === undefined)
      .map((expression) =>
        expression.withYear ? { ...expression, range: expression.withYear(year) } : expression,
      );
    spans.push([years[0]!.start, years[0]!.end]);
  }

  let from: string | undefined;
  let to: string | undefined;
  let openStart = false;
  let openEnd = false;
  let isPast = false;
  for (const expression of working) {
    let start = expression.start;
    let range: DateRange = { ...expression.range };
    const before = folded.slice(Math.max(0, start - 30), start);
    if (!expression.isRange && range.from !== undefined && range.to !== undefined) {
      const part = EARLY_WORDS.exec(before) ?? MIDDLE_WORDS.exec(before) ?? LATE_WORDS.exec(before);
      if (part) {
        const index = EARLY_WORDS.test(before) ? 0 : MIDDLE_WORDS.test(before) ? 1 : 2;
        const narrowed = third({ from: range.from, to: range.to }, index);
        if (narrowed.from !== range.from || narrowed.to !== range.to) {
          start -= part[0].length;
          range = narrowed;
        }
      }
    }
    if (!expression.isRange) {
      const modifier =
        BEFORE_WORDS.exec(before) ??
        AFTER_WORDS.exec(before) ??
        SINCE_WORDS.exec(before) ??
        FROM_WORDS.exec(before) ??
        UNTIL_WORDS.exec(before);
      if (modifier) {
        start -= modifier[0].length;
        if (BEFORE_WORDS.test(before)) {
          range = { from: preference === "past" ? undefined : today, to: shiftDays(range.from ?? today, -1) };
        } else if (AFTER_WORDS.test(before)) {
          range = { from: shiftDays(range.to ?? today, 1), to: undefined };
        } else if (SINCE_WORDS.test(before)) {
          range = { from: range.from, to: today };
          isPast = true;
        } else if (FROM_WORDS.test(before)) {
          range = { from: range.from, to: undefined };
        } else {
          range = { from: preference === "past" ? undefined : today, to: range.to };
        }
      }
    }
    spans.push([start, expression.end]);
    if (range.from === undefined) openStart = true;
    else if (from === undefined || range.from < from) from = range.from;
    if (range.to === undefined) openEnd = true;
    else if (to === undefined || range.to > to) to = range.to;
  }
  if (openStart) from = undefined;
  if (openEnd) to = undefined;
  if (from !== undefined && to !== undefined && to < from) to = from;
  if (!isPlausible(from) || !isPlausible(to)) return { spans, isPast: false };
  if (to !== undefined && to < today) isPast = true;
  return { from, to, spans, isPast };
}
