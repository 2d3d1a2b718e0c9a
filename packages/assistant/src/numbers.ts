/** Numbers as questions write them, in words or digits, in English, French and Spanish. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
};

/** A number word or digits as a number ("deux" → 2, "12" → 12); NaN when it is neither. */
export function numberValue(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

/**
 * A count of two or more, as a regular-expression alternative: "3", "three", "trois", "tres".
 * ("One", "un", "a" count one thing, which a question says without a number.)
 */
export const COUNTING_NUMBER = [
  "\\d{1,2}",
  ...Object.entries(NUMBER_WORDS)
    .filter(([, value]) => value >= 2)
    .map(([word]) => word),
].join("|");
