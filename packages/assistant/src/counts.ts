// How many events a question asks for: "the next 3 workshops", "les deux prochains", "los próximos dos".
import { COUNTING_NUMBER, numberValue } from "./numbers.js";

/** The most a question can ask for: a Slack answer lists 20 events at most. */
export const MAX_COUNT = 20;

const NUMBER = `(${COUNTING_NUMBER})`;
const LEADS =
  "(?:next|first|top|last|latest|prochains|prochaines|premiers|premieres|derniers|dernieres|proximos|proximas|primeros|primeras|ultimos|ultimas)";
/** "The next 3 months" is a period (the dates read it), not three events. */
const NOT_A_PERIOD =
  "(?! (?:days?|weeks?|months?|years?|quarters?|jours?|semaines?|mois|ans?|annees?|dias?|semanas?|meses|anos?|trimestres?)\\b)";
const COUNT_AFTER = new RegExp(`\\b${LEADS} ${NUMBER}\\b${NOT_A_PERIOD}`);
const COUNT_BEFORE = new RegExp(`\\b${NUMBER} ${LEADS}\\b${NOT_A_PERIOD}`);

/**
 * The number of events asked for, 2 to 20, and the words that said it (not words to search for).
 * "One" is left out: "the next one" asks for the next event, which is the default.
 */
export function findCount(words: string): { count: number; words: string[] } | undefined {
  const match = COUNT_AFTER.exec(words) ?? COUNT_BEFORE.exec(words);
  if (!match) return undefined;
  const [phrase, number] = match as unknown as [string, string];
  const count = numberValue(number);
  if (!Number.isInteger(count) || count < 2 || count > MAX_COUNT) return undefined;
  return { count, words: phrase.split(" ") };
}
