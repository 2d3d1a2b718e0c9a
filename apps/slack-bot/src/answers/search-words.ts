/** What the API searches at most: 20 words, 200 characters of `q`. */
const MAX_WORDS = 20;
const MAX_LENGTH = 200;

/** `NEAR(a b, 5)`: the words are kept, the operator and the distance dropped. */
const NEAR_GROUP = /(?<![\p{L}\p{N}])NEAR\s*\(([^)]*)\)?/gu;
/** `NOT x`, `NOT (x y)`, `NOT "x y"`: what follows NOT is what the user wants left out. */
const NOT_CLAUSE = /(?<![\p{L}\p{N}])NOT(?![\p{L}\p{N}])\s*(\([^)]*\)?|"[^"]*"?|“[^”]*”?|\S+)?/gu;
/** Search operators as the API refuses them: the words themselves, in capitals. */
const OPERATOR_WORDS = new Set(["AND", "OR", "NOT", "NEAR"]);
/** Letters and digits of any script (with their combining marks); a hyphen or apostrophe inside a word stays. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

export interface SearchWords {
  /** The plain words for `q`, space-separated; empty when nothing searchable is left. */
  words: string;
  /**
   * The words typed after NOT. The API's search has no NOT (every word given must match), so
   * sending them would find the very events the user wanted left out: they are not searched,
   * and the answer says that they could not be left out.
   */
  notLeftOut: string[];
}

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((word) => !OPERATOR_WORDS.has(word));
}

/**
 * Reads what a user typed as the plain words the API's `q` accepts. The API refuses search syntax
 * with a 400 (quotes, `*`, `^`, `+`, parentheses, brackets, braces, `column:`, AND/OR/NOT/NEAR in
 * capitals); a user typing `events (dakar`, `events Tunis: API` or `practices "PNR"` means the
 * words, so the syntax is dropped and the words kept — except after NOT, whose words are set apart.
 */
export function readSearchWords(text: string): SearchWords {
  const notLeftOut: string[] = [];
  const withoutSyntax = text
    .normalize("NFC")
    .replace(NOT_CLAUSE, (_clause, operand: string | undefined) => {
      notLeftOut.push(...wordsOf(operand ?? ""));
      return " ";
    })
    .replace(NEAR_GROUP, (_group, inner: string) => ` ${inner.replace(/,\s*\d+\s*$/, "")} `);
  const words: string[] = [];
  let length = 0;
  for (const word of wordsOf(withoutSyntax)) {
    const next = length + (words.length > 0 ? 1 : 0) + word.length;
    if (words.length === MAX_WORDS || next > MAX_LENGTH) break;
    words.push(word);
    length = next;
  }
  return { words: words.join(" "), notLeftOut: [...new Set(notLeftOut)] };
}

/** The plain words for `q` in what a user typed (see readSearchWords); empty when none are left. */
export function toSearchWords(text: string): string {
  return readSearchWords(text).words;
}
