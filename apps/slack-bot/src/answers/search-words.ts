/** What the API searches at most: 20 words, 200 characters of `q`. */
const MAX_WORDS = 20;
const MAX_LENGTH = 200;

/** `NEAR(a b, 5)`: the words are kept, the operator and the distance dropped. */
const NEAR_GROUP = /(?<![\p{L}\p{N}])NEAR\s*\(([^)]*)\)?/gu;
/** Search operators as the API refuses them: the words themselves, in capitals. */
const OPERATOR_WORDS = new Set(["AND", "OR", "NOT", "NEAR"]);
/** Letters and digits of any script (with their combining marks); a hyphen or apostrophe inside a word stays. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/**
 * Turns what a user typed into the plain words the API's `q` accepts. The API refuses search syntax
 * with a 400 (quotes, `*`, `^`, `+`, parentheses, brackets, braces, `column:`, AND/OR/NOT/NEAR in
 * capitals); a user typing `events (dakar`, `events Tunis: API` or `practices "PNR"` means the
 * words, so the syntax is dropped and the words kept. Empty when nothing searchable is left.
 */
export function toSearchWords(text: string): string {
  const withoutGroups = text
    .normalize("NFC")
    .replace(NEAR_GROUP, (_group, inner: string) => ` ${inner.replace(/,\s*\d+\s*$/, "")} `);
  const words: string[] = [];
  let length = 0;
  for (const word of withoutGroups.match(WORD) ?? []) {
    if (OPERATOR_WORDS.has(word)) continue;
    const next = length + (words.length > 0 ? 1 : 0) + word.length;
    if (words.length === MAX_WORDS || next > MAX_LENGTH) break;
    words.push(word);
    length = next;
  }
  return words.join(" ");
}
