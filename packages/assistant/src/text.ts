import { foldText } from "@bsi/domain";

/** Longest stretch of a question the assistant reads; the API refuses longer questions anyway. */
export const MAX_READ_LENGTH = 1000;

const SLACK_LINK = /<([^<>|]*)(?:\|([^<>]*))?>/g;
const EMOJI_SHORTCODE = /:[a-z0-9_+-]{1,40}:/gi;
const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

/**
 * The words of a Slack message without its markup: user, channel and group mentions go, links keep
 * their label (a bare URL goes), emoji shortcodes go, entities are decoded. Bold, italic, strike and
 * code markers vanish later with the rest of the punctuation.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .slice(0, MAX_READ_LENGTH)
    .replace(SLACK_LINK, (_whole, target: string, label: string | undefined) => {
      if (/^[@#!]/.test(target)) return " ";
      return label !== undefined ? ` ${label} ` : " ";
    })
    .replace(/&(amp|lt|gt|quot);/g, (entity) => HTML_ENTITIES[entity] ?? " ")
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(EMOJI_SHORTCODE, " ");
}

export interface Token {
  /** Folded (lowercase, no accents) word. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of an already folded text, with their positions in it. Hyphens and apostrophes split words. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Lowercase, accents folded, typographic quotes and dashes made plain. */
export function fold(text: string): string {
  return foldText(text)
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-");
}

/**
 * Folded words as the question typed them, to quote them back: the stretch of the question from the
 * first to the last ("small arms and light weapons", "armas pequeñas") when they lie close together,
 * else each word as typed, joined by spaces (the folded word when the question does not hold it).
 */
export function quoteTyped(question: string, folded: readonly string[]): string {
  const words = [...question.matchAll(WORD)];
  const positions = folded.map((word) => words.findIndex((match) => fold(match[0]) === word));
  const found = positions.filter((position) => position >= 0);
  if (found.length === folded.length && found.length > 0) {
    const first = Math.min(...found);
    const last = Math.max(...found);
    // Only small words between them ("and", "de") keep the stretch: a longer one was read as
    // something else ("maritime workshops on piracy" quotes “maritime piracy”).
    const between = words.slice(first, last + 1).filter((_, index) => !found.includes(first + index));
    if (between.every((match) => match[0].length <= 3)) {
      const start = words[first]!.index;
      const end = words[last]!.index + words[last]![0].length;
      return question.slice(start, end);
    }
  }
  return folded
    .map((word, index) => {
      const position = positions[index]!;
      return position >= 0 ? words[position]![0] : word;
    })
    .join(" ");
}

/** Splits a lexicon phrase into the same tokens a question would give. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(fold(phrase)).map((token) => token.text);
}

const SQL_STATEMENT =
  /\b(?:drop|select|insert|delete|update|alter|truncate|union|exec)\b[^?!]*\b(?:table|from|into|set|where|select|database)\b/i;
const SQL_SIGNS = /['";=*]|--|\/\*/;
const SQL_TAUTOLOGY = /'\s*(?:or|and)\s*'?\d*'?\s*=|\bor\s+1\s*=\s*1\b/i;
const SEARCH_SYNTAX =
  /\bNEAR\s*\(|\w+:\*|(?:^|\s)\w+\*(?:\s|$)|"[^"]*"\s+(?:AND|OR|NOT)\b|\b(?:AND|OR|NOT)\s+"|\{\s*\w+\s*:/;

/**
 * True for text that is code rather than a question: SQL statements and tautologies, full-text
 * search syntax (NEAR(, column:*, "a" OR "b"). Such text is answered with the help, never run.
 */
export function looksLikeCode(text: string): boolean {
  if (SQL_TAUTOLOGY.test(text) || SEARCH_SYNTAX.test(text)) return true;
  return SQL_STATEMENT.test(text) && SQL_SIGNS.test(text);
}
