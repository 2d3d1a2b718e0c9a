/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), so that "wrokshop"
 * is one edit from "workshop". Stops early once the distance is certainly above `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previousPrevious = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, index) => index);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[cols - 1]!;
}

/** Edits allowed for a word of this length: none under 5 letters, one up to 7, two from 8. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 8) return 1;
  return 2;
}

function deletes(word: string, depth: number, into: Set<string>): void {
  if (depth === 0 || word.length <= 1) return;
  for (let index = 0; index < word.length; index++) {
    const shorter = word.slice(0, index) + word.slice(index + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletes(shorter, depth - 1, into);
    }
  }
}

/** Words one corrector may hold: word numbers take 21 bits of an index entry. */
const WORD_LIMIT = 2 ** 21;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A spelling corrector over a fixed list of words, built once (symmetric-delete index: every word's
 * one- and two-letter deletions point back to it, so a look-up tries a few dozen keys instead of
 * measuring the distance to every word).
 *
 * The index keeps only a 32-bit hash of each deletion, in a sorted typed array beside the number of
 * the word it comes from: 8 bytes an entry, outside the JavaScript heap, instead of a string and a
 * map entry each (the assistant's 2,500 words have 85,000 deletions). A hash shared by two deletions
 * only brings one more word to measure, and every candidate is measured, so the answers are those of
 * an exact index.
 */
export class SpellingCorrector {
  private readonly words: string[] = [];
  /** Hashes of every word's deletions (and of the word itself), in ascending order. */
  private readonly hashes: Uint32Array;
  /** `words[owners[i]]` is the word whose deletion hashes to `hashes[i]`. */
  private readonly owners: Uint32Array;
  private readonly cache = new Map<string, string | null>();
  private static readonly CACHE_LIMIT = 5000;

  /**
   * @param targets the words a misspelling may become
   * @param preferred words that mean something on their own ("sahel"), preferred on a tie over words
   *   that only occur inside a longer name ("sahelo" of "sahelo-saharien")
   */
  constructor(
    targets: Iterable<string>,
    private readonly preferred: ReadonlySet<string> = new Set(),
  ) {
    // Each entry packs a hash and a word number into one double (hash × 2^21 + number < 2^53), so
    // that one numeric sort orders the index.
    let entries = new Float64Array(1024);
    let count = 0;
    for (const word of targets) {
      const owner = this.words.length;
      if (owner >= WORD_LIMIT) throw new RangeError(`a spelling corrector holds at most ${WORD_LIMIT} words`);
      this.words.push(word);
      const keys = new Set<string>([word]);
      // Two-edit look-ups only happen for words of 8+ letters, so only targets of 6+ letters need depth 2.
      deletes(word, word.length >= 6 ? 2 : 1, keys);
      if (count + keys.size > entries.length) {
        const larger = new Float64Array(Math.max(entries.length * 2, count + keys.size));
        larger.set(entries);
        entries = larger;
      }
      for (const key of keys) entries[count++] = hashKey(key) * WORD_LIMIT + owner;
    }
    const sorted = entries.subarray(0, count).sort();
    this.hashes = new Uint32Array(count);
    this.owners = new Uint32Array(count);
    for (let index = 0; index < count; index++) {
      const entry = sorted[index]!;
      this.owners[index] = entry % WORD_LIMIT;
      this.hashes[index] = (entry - this.owners[index]!) / WORD_LIMIT;
    }
  }

  /** The closest target within the allowed edits, or null. Two-edit corrections keep the first letter. */
  correct(word: string): string | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.lookUp(word);
    if (this.cache.size >= SpellingCorrector.CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /** The position of the first index entry whose hash is `hash` or more. */
  private firstAtLeast(hash: number): number {
    let low = 0;
    let high = this.hashes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.hashes[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private lookUp(word: string): string | null {
    const limit = allowedEdits(word.length);
    if (limit === 0 || word.length > 40) return null;
    const keys = new Set<string>([word]);
    deletes(word, limit, keys);
    let best: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const key of keys) {
      const hash = hashKey(key);
      for (let index = this.firstAtLeast(hash); this.hashes[index] === hash; index++) {
        const candidate = this.words[this.owners[index]!]!;
        const distance = editDistance(word, candidate, limit);
        if (distance > limit) continue;
        if (distance === 2 && candidate[0] !== word[0]) continue;
        // Prefer fewer edits, then a word that means something alone, then the same first letter, then
        // the closer length, then alphabetical order.
        const score =
          distance * 100 +
          (this.preferred.has(candidate) ? 0 : 20) +
          (candidate[0] === word[0] ? 0 : 10) +
          Math.abs(candidate.length - word.length);
        if (score < bestScore || (score === bestScore && best !== null && candidate < best)) {
          best = candidate;
          bestScore = score;
        }
      }
    }
    return best;
  }
}
