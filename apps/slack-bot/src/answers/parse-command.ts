import type { DeskQuery } from "./query.js";

export type ParsedCommand =
  | { kind: "help"; unknown?: string }
  | { kind: "request"; summary: string }
  | { kind: "query"; query: DeskQuery };

const SUBCOMMANDS = ["help", "events", "next", "practices", "status", "request"] as const;

const ALIASES: Record<string, (typeof SUBCOMMANDS)[number]> = {
  "?": "help",
  "-h": "help",
  "--help": "help",
  event: "events",
  practice: "practices",
  requests: "request",
};

/**
 * Reads `/bsi` text: a known subcommand, a near-miss of one (help, so a typo is not taken for a
 * question), or else a question for the assistant.
 */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return { kind: "help" };
  const [first = "", ...rest] = trimmed.split(" ");
  const word = first.toLowerCase();
  const args = rest.join(" ");
  const subcommand = ALIASES[word] ?? SUBCOMMANDS.find((name) => name === word);
  switch (subcommand) {
    case "help":
      return { kind: "help" };
    case "events":
      return { kind: "query", query: { kind: "events", words: args.slice(0, 500) } };
    case "next":
      // "next" alone is the subcommand; "next workshop in Dakar" is a question.
      return args
        ? { kind: "query", query: { kind: "ask", question: trimmed.slice(0, 1500) } }
        : { kind: "query", query: { kind: "next" } };
    case "practices":
      return { kind: "query", query: { kind: "practices", topic: args.slice(0, 500) } };
    case "status":
      // "status BSI-2026-0042" names a request; "status of my request to Dakar" is a question.
      if (rest.length > 1) return { kind: "query", query: { kind: "ask", question: trimmed.slice(0, 1500) } };
      return {
        kind: "query",
        query: args ? { kind: "status", reference: args.slice(0, 40) } : { kind: "status" },
      };
    case "request":
      return { kind: "request", summary: args };
    default:
      break;
  }
  if (rest.length === 0 && (word.startsWith("-") || SUBCOMMANDS.some((name) => isNearMiss(word, name)))) {
    return { kind: "help", unknown: first };
  }
  return { kind: "query", query: { kind: "ask", question: trimmed.slice(0, 1500) } };
}

/** A typo of a subcommand: within two edits, and not a real word of three letters or fewer. */
function isNearMiss(word: string, subcommand: string): boolean {
  if (word.length < 3) return false;
  const limit = subcommand.length <= 4 ? 1 : 2;
  return editDistance(word, subcommand) <= limit;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
