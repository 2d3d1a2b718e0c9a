import { isoDate, parseIso, shiftDays } from "./calendar.js";
import type { TimePreference } from "./dates.js";

/** A holiday's days, first and last included. */
export interface HolidayPeriod {
  from: string;
  to: string;
}

/** Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const HIJRI_FORMAT = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});
/** False on a Node built without full ICU: the Islamic holidays are then not read at all. */
const hasHijriCalendar = HIJRI_FORMAT.resolvedOptions().calendar === "islamic-umalqura";

interface HijriDate {
  year: number;
  month: number;
  day: number;
}

/** A Gregorian date in the Umm al-Qura calendar. */
export function hijriDateOf(date: string): HijriDate {
  const parts = HIJRI_FORMAT.formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** Mean length of a lunar month, in days. */
const LUNAR_MONTH = 29.530_588;
/** 1 Muharram 1 AH in the proleptic Gregorian calendar. */
const HIJRA = "0622-07-19";

/**
 * The Gregorian date of a day of the Umm al-Qura calendar (as ICU knows it). The mean lunar month gives
 * a first guess a day or two off; reading that guess back in the Islamic calendar gives the correction.
 * Only for days every month has (1 to 29).
 */
export function gregorianDateOfHijri(year: number, month: number, day: number): string {
  let date = shiftDays(HIJRA, Math.round(((year - 1) * 12 + month - 1) * LUNAR_MONTH) + day - 1);
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = hijriDateOf(date);
    const months = (year - found.year) * 12 + month - found.month;
    if (months === 0 && found.day === day) return date;
    date = shiftDays(date, Math.round(months * LUNAR_MONTH) + day - found.day);
  }
  throw new Error(`no Gregorian date found for ${year}-${month}-${day} AH`);
}

const RAMADAN = 9;
const SHAWWAL = 10;
const DHU_AL_HIJJAH = 12;

/** The periods of an Islamic holiday that begin in a Gregorian year (one, sometimes two). */
function islamicPeriods(year: number, period: (hijriYear: number) => HolidayPeriod): HolidayPeriod[] {
  const first = hijriDateOf(isoDate(year, 1, 1)).year;
  return [first, first + 1].map(period).filter((found) => parseIso(found.from).year === year);
}

function ramadan(hijriYear: number): HolidayPeriod {
  return {
    from: gregorianDateOfHijri(hijriYear, RAMADAN, 1),
    to: shiftDays(gregorianDateOfHijri(hijriYear, SHAWWAL, 1), -1),
  };
}

function eidAlFitr(hijriYear: number): HolidayPeriod {
  const day = gregorianDateOfHijri(hijriYear, SHAWWAL, 1);
  return { from: day, to: day };
}

function eidAlAdha(hijriYear: number): HolidayPeriod {
  const day = gregorianDateOfHijri(hijriYear, DHU_AL_HIJJAH, 10);
  return { from: day, to: day };
}

function dayAfterEaster(year: number, offset: number): HolidayPeriod[] {
  const day = shiftDays(easterSunday(year), offset);
  return [{ from: day, to: day }];
}

function fixedDay(year: number, month: number, day: number): HolidayPeriod[] {
  const date = isoDate(year, month, day);
  return [{ from: date, to: date }];
}

interface HolidayRule {
  name: string;
  /** Folded, apostrophes and hyphens read as spaces; a year may follow ("ramadan 2027"). */
  names: string;
  /** The holiday's periods that begin in a Gregorian year, in order. */
  periods(year: number): HolidayPeriod[];
  /** "in the new year": from that day on, with no end. */
  isOpenEnded?: boolean;
  isIslamic?: boolean;
}

/**
 * The holidays border practitioners place events by. Longer names come first, so that "lundi de
 * Pâques" is not read as Easter and "Christmas holidays" not as Christmas Day. A holiday is one day
 * unless it is a season: Easter is Easter Sunday ("after Easter" starts on Monday); Holy Week runs
 * from Palm Sunday to Easter Sunday; Ramadan from 1 Ramadan to the eve of 1 Shawwal; Eid al-Fitr is
 * 1 Shawwal and Eid al-Adha 10 Dhu al-Hijjah, by the Umm al-Qura calendar (local moon sightings may
 * differ by a day); "Eid" alone is whichever of the two comes first; "the holidays" run from
 * Christmas Eve to New Year's Day.
 *
 * Holiday words are among lexicon.ts's DATE_WORDS, so the spelling corrector leaves them as typed:
 * "eastern" is the adjective ("eastern borders"), never Easter.
 */
const HOLIDAY_RULES: HolidayRule[] = [
  {
    name: "year_end_holidays",
    names: [
      "(?:the )?(?:christmas|xmas|festive|winter|end of (?:the )?year|year end) (?:holidays|holiday season|holiday|break|season|period)",
      "(?:the )?(?:holiday|festive) season",
      "(?<=\\bthe )holidays",
      "(?:les |des )?fetes de (?:fin d annee|fin de l annee|noel)",
      "(?:les |des )fetes(?! (?:nationales?|religieuses?|de |du |d ))",
      "(?:les |des )?vacances de noel",
      "(?:las )?fiestas (?:navidenas|de navidad|de fin de ano)",
      "las fiestas(?! (?:patrias|nacionales|locales|populares|de |del ))",
      "(?:las )?vacaciones (?:de navidad|navidenas)",
      "(?:las )?navidades",
    ].join("|"),
    periods: (year) => [{ from: isoDate(year, 12, 24), to: isoDate(year + 1, 1, 1) }],
  },
  {
    name: "holy_week",
    names: "holy week|(?:la )?semaine sainte|(?:las vacaciones de )?semana santa",
    periods: (year) => [{ from: shiftDays(easterSunday(year), -7), to: easterSunday(year) }],
  },
  {
    name: "easter_weekend",
    names:
      "easter (?:holidays|holiday|break|weekend)|(?:le )?(?:week end|pont) de paques|(?:el )?(?:fin de semana|puente) de pascua",
    periods: (year) => [{ from: shiftDays(easterSunday(year), -2), to: shiftDays(easterSunday(year), 1) }],
  },
  {
    name: "holy_thursday",
    names: "maundy thursday|holy thursday|(?:le )?jeudi saint|(?:el )?jueves santo",
    periods: (year) => dayAfterEaster(year, -3),
  },
  {
    name: "good_friday",
    names: "good friday|(?:le )?vendredi saint|(?:el )?viernes santo",
    periods: (year) => dayAfterEaster(year, -2),
  },
  {
    name: "easter_monday",
    names: "easter monday|(?:le )?lundi de paques|(?:el )?lunes de pascua",
    periods: (year) => dayAfterEaster(year, 1),
  },
  {
    name: "easter",
    names:
      "easter(?: sunday| day)?|(?:(?:le )?dimanche de |(?:les )?fetes de )?paques|(?:(?:el )?domingo de )?(?:pascua(?: de resurreccion)?|resurreccion)",
    periods: (year) => dayAfterEaster(year, 0),
  },
  {
    name: "eid_al_fitr",
    names:
      "(?:eid|aid)(?: (?:al|el|ul|es|e))? (?:fitr|fiter|seghir|sghir|saghir)|(?:la )?korite|(?:le )?petit aid|(?:la )?fiesta (?:del fin del|de la ruptura del) (?:ramadan|ayuno)",
    periods: (year) => islamicPeriods(year, eidAlFitr),
    isIslamic: true,
  },
  {
    name: "eid_al_adha",
    names:
      "(?:eid|aid)(?: (?:al|el|ul|e))? (?:adha|kebir|kabir|kbir)|(?:la )?tabaski|(?:la )?fete du (?:mouton|sacrifice)|(?:la )?fiesta del (?:cordero|sacrificio)",
    periods: (year) => islamicPeriods(year, eidAlAdha),
    isIslamic: true,
  },
  {
    // "aid" is an English word: alone it is the Eid only as the French "l'Aïd".
    name: "eid",
    names: "eid|(?<=\\bl )aid",
    periods: (year) =>
      [...islamicPeriods(year, eidAlFitr), ...islamicPeriods(year, eidAlAdha)].sort((a, b) =>
        a.from.localeCompare(b.from),
      ),
    isIslamic: true,
  },
  {
    name: "ramadan",
    names:
      "(?:(?:the )?(?:holy )?month of |(?:le )?mois (?:de |du )|(?:el )?mes (?:de |del ))?(?:ramadh?an|ramazan)",
    periods: (year) => islamicPeriods(year, ramadan),
    isIslamic: true,
  },
  {
    name: "christmas",
    names: "christmas(?: day)?|xmas|(?:le )?(?:jour de )?noel|(?:el )?(?:dia de )?navidad",
    periods: (year) => fixedDay(year, 12, 25),
  },
  {
    name: "new_year_onwards",
    names: "(?<=\\bin )the new year",
    periods: (year) => fixedDay(year, 1, 1),
    isOpenEnded: true,
  },
  {
    name: "new_year",
    names:
      "new year s day|new year s|new year|(?:le )?nouvel an|(?:le )?jour de l an|(?:el )?(?:dia de )?ano nuev[oa]",
    periods: (year) => fixedDay(year, 1, 1),
  },
];

const PATTERNS = HOLIDAY_RULES.map(
  (rule) => new RegExp(`\\b(?:${rule.names})(?: (?:of |de |del |d )?(?<year>20\\d\\d))?\\b`, "g"),
);

const periodCache = new Map<string, HolidayPeriod[]>();

function periodsOf(rule: HolidayRule, year: number): HolidayPeriod[] {
  const key = `${rule.name} ${year}`;
  let periods = periodCache.get(key);
  if (!periods) {
    periods = rule.periods(year);
    if (periodCache.size > 2000) periodCache.clear();
    periodCache.set(key, periods);
  }
  return periods;
}

/**
 * The holiday's period when no year is written, by the rule months follow: the next one not over, or
 * (for a question about the past) the last one begun.
 */
function nearestPeriod(rule: HolidayRule, today: string, preference: TimePreference): HolidayPeriod {
  const { year } = parseIso(today);
  const periods = [year - 1, year, year + 1].flatMap((candidate) => periodsOf(rule, candidate));
  if (preference === "past") return periods.findLast((period) => period.from <= today) ?? periods[0]!;
  return periods.find((period) => period.to >= today) ?? periods.at(-1)!;
}

export interface HolidayFinding {
  start: number;
  end: number;
  range: HolidayPeriod | { from: string };
  /** The holiday in another year, when none was written ("Easter next year"). */
  withYear?: (year: number) => HolidayPeriod;
}

/** Holidays named in a folded question ("before Ramadan", "après la Tabaski", "Semana Santa 2028"). */
export function findHolidays(text: string, today: string, preference: TimePreference): HolidayFinding[] {
  const findings: HolidayFinding[] = [];
  let unread = text;
  HOLIDAY_RULES.forEach((rule, index) => {
    if (rule.isIslamic && !hasHijriCalendar) return;
    for (const match of unread.matchAll(PATTERNS[index]!)) {
      const written = match.groups?.year ? Number(match.groups.year) : undefined;
      const period =
        written !== undefined ? periodsOf(rule, written)[0]! : nearestPeriod(rule, today, preference);
      const start = match.index;
      const end = start + match[0].length;
      findings.push({
        start,
        end,
        range: rule.isOpenEnded ? { from: period.from } : period,
        ...(written === undefined && !rule.isOpenEnded
          ? { withYear: (year: number) => periodsOf(rule, year)[0]! }
          : {}),
      });
      unread = unread.slice(0, start) + " ".repeat(end - start) + unread.slice(end);
    }
  });
  return findings;
}
