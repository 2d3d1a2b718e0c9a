/** What the API searches at most: 20 words, 200 characters of `q`. */
const MAX_WORDS = 20;
const MAX_LENGTH = 200;

/** `NEAR(a b, 5)`: the words are kept, the operator and the distance dropped. */
const NEAR_GROUP = /(?<![\p{L}\p{N}])NEAR\s*\(([^)]*)\)?/gu;
/** What NOT or a leading hyphen leaves out: a bracketed group, a quoted phrase or a word. */
const OPERAND = String.raw`\([^)]*\)?|"[^"]*"?|“[^”]*”?`;
/** `NOT x`, `NOT (x y)`, `NOT "x y"`: what follows NOT is what the user wants left out. */
const NOT_CLAUSE = new RegExp(String.raw`(?<![\p{L}\p{N}])NOT(?![\p{L}\p{N}])\s*(${OPERAND}|\S+)?`, "gu");
/** `-x`, `-(x y)`, `-"x y"` at the start of a word, as in a search box; `Timor-Leste` and `- x` are not. */
const MINUS_CLAUSE = new RegExp(String.raw`(?<!\S)-+(${OPERAND}|[\p{L}\p{N}]\S*)`, "gu");
/** Search operators as the API refuses them: the words themselves, in capitals. */
const OPERATOR_WORDS = new Set(["AND", "OR", "NOT", "NEAR"]);
/** Letters and digits of any script (with their combining marks); a hyphen or apostrophe inside a word stays. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

export interface SearchWords {
  /** The words to find. */
  included: string[];
  /**
   * The words to leave out: typed after a capitalised NOT or a leading hyphen. The search leaves
   * out words, not phrases, so each word of a bracketed group or a quoted phrase is left out:
   * `NOT "sea ports"` leaves out whatever mentions sea or ports.
   */
  excluded: string[];
  /**
   * `q` for the API: the words to find, then `NOT word` for each word to leave out; empty when
   * there is no word to find (the API leaves words out of a search for others, never alone).
   */
  q: string;
}

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((word) => !OPERATOR_WORDS.has(word));
}

/**
 * Reads what a user typed as the `q` the API accepts: words to find, and words to leave out. The
 * API refuses other search syntax with a 400 (quotes, `*`, `^`, `+`, parentheses, brackets, braces,
 * `column:`, AND/OR/NEAR in capitals); a user typing `events (dakar`, `events Tunis: API` or
 * `practices "PNR"` means the words, so the syntax is dropped and the words kept.
 */
export function readSearchWords(text: string): SearchWords {
  const typedExclusions: string[] = [];
  const leaveOut = (_clause: string, operand: string | undefined) => {
    typedExclusions.push(...wordsOf(operand ?? ""));
    return " ";
  };
  const withoutSyntax = text
    .normalize("NFC")
    .replace(NOT_CLAUSE, leaveOut)
    .replace(MINUS_CLAUSE, leaveOut)
    .replace(NEAR_GROUP, (_group, inner: string) => ` ${inner.replace(/,\s*\d+\s*$/, "")} `);
  // At most the words and the characters the API searches, the words to find first.
  const included: string[] = [];
  const excluded: string[] = [];
  let length = 0;
  const candidates = [
    ...wordsOf(withoutSyntax).map((word) => ({ word, isExcluded: false })),
    ...[...new Set(typedExclusions)].map((word) => ({ word, isExcluded: true })),
  ];
  for (const { word, isExcluded } of candidates) {
    const next = length + (length > 0 ? 1 : 0) + (isExcluded ? "NOT ".length : 0) + word.length;
    if (included.length + excluded.length === MAX_WORDS || next > MAX_LENGTH) break;
    (isExcluded ? excluded : included).push(word);
    length = next;
  }
  const q = included.length > 0 ? [...included, ...excluded.map((word) => `NOT ${word}`)].join(" ") : "";
  return { included, excluded, q };
}

/** `q` for what a user typed (see readSearchWords); empty when there is no word to find. */
export function toSearchWords(text: string): string {
  return readSearchWords(text).q;
}
