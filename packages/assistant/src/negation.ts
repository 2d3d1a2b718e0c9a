import type { Token } from "./text.js";
import {
  CLITICS,
  CONJUNCTIONS,
  NEGATION_FILLERS,
  NEGATION_PAIRS,
  NEGATIONS,
  RELATIVES,
  VENUE_PARTICIPLES,
  VENUE_VERBS,
} from "./vocabulary.js";

/**
 * Where the negation of the phrase starting at `first` begins, or -1 when the phrase is not negated:
 * "not in Africa", "hors du Sahel", "except in Mali and Niger", "workshops that are not held in
 * Africa", "qui n'ont pas lieu en…". Each word counts as typed and as corrected ("apart" is not a
 * typo of anything it must become). `negatedEnds` holds the last token of each place already read
 * as left out.
 */
export function negationBefore(
  tokens: Token[],
  typed: readonly string[],
  first: number,
  negatedEnds: ReadonlySet<number>,
): number {
  const is = (words: ReadonlySet<string>, index: number) =>
    words.has(tokens[index]?.text ?? "") || words.has(typed[index] ?? "");
  const isWord = (word: string, index: number) => tokens[index]?.text === word || typed[index] === word;
  /** The first index at or before `from` whose word is in none of `sets`, skipping at most `max`. */
  const skipBack = (from: number, max: number, ...sets: ReadonlySet<string>[]) => {
    let index = from;
    for (let skipped = 0; index >= 0 && skipped < max && sets.some((set) => is(set, index)); skipped++) {
      index--;
    }
    return index;
  };
  const skipFillers = (from: number) => skipBack(from, 3, NEGATION_FILLERS);
  /** "not", "sauf"…, or the "t" of "aren't", "don't": where that negation starts. */
  const negationAt = (index: number) => {
    if (is(NEGATIONS, index)) return index;
    if (isWord("t", index) && /n$/.test(tokens[index - 1]?.text ?? "")) return index - 1;
    return -1;
  };

  const index = skipFillers(first - 1);
  if (index < 0) return -1;
  // "no en el Sahel" leaves the Sahel out; "no Sahel events?" asks whether there are any.
  if (isWord("no", index) && index === first - 1) return -1;
  const negation = negationAt(index);
  if (negation >= 0) return negation;
  const isPair = NEGATION_PAIRS.some(([before, last]) => isWord(before, index - 1) && isWord(last, index));
  if (isPair) return index - 1;
  if (is(CONJUNCTIONS, index) && negatedEnds.has(skipFillers(index - 1))) return index;

  // "not held in Africa", "that aren't taking place in Asia", "qui n'ont pas lieu en Afrique".
  const beforeVerbs = skipBack(index, 4, VENUE_VERBS);
  if (beforeVerbs === index) return -1;
  const negationEnd = skipFillers(beforeVerbs);
  const start = negationAt(negationEnd);
  if (start < 0) return -1;
  // The verb right after the negation: a participle describes the event ("not being held in");
  // a finite verb does only in a relative clause ("que no son en…", not "¿no es en Dakar…?").
  if (is(VENUE_PARTICIPLES, negationEnd + 1)) return start;
  return is(RELATIVES, skipBack(start - 1, 3, VENUE_VERBS, CLITICS)) ? start : -1;
}
