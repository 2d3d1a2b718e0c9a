import { z } from "zod";

/** RFC 9457 problem details, as every API error is sent. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * The parts of a zod issue the field errors are made from. Plain objects with a path and a message
 * will do; the other fields (as zod sets them) let a generic zod message be put in plain words.
 */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
  expected?: string;
  values?: readonly unknown[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  divisor?: number | bigint;
  params?: Record<string, unknown>;
}

/**
 * A zod issue for a broken domain rule: the input has the right shape, but the combination is not
 * allowed (a workshop participation request without its event). The API answers these with 422,
 * as it does when the same rule is broken by a change (PATCH), and shape errors with 400.
 */
export function createRuleIssue(path: PropertyKey[], message: string) {
  return { code: "custom" as const, path, message, params: { isDomainRule: true } };
}

/** Whether an issue was made by `createRuleIssue`. */
export function isRuleIssue(issue: Pick<IssueLike, "code" | "params">): boolean {
  return issue.code === "custom" && issue.params?.isDomainRule === true;
}

/**
 * Turns zod issues into `{ field, message }` pairs with dotted paths ("registration.deadline").
 * zod's own generic messages ("Invalid input: expected string, received undefined", "Too big:
 * expected string to have <=40 characters") become plain ones ("is required", "must be at most 40
 * characters"); the schemas' own messages are kept. Given the `input` that was parsed, a field left
 * out is "is required" whatever its schema would say about a wrong value.
 */
export function issuesToFieldErrors(
  issues: readonly IssueLike[],
  prefix = "",
  input?: unknown,
): { field: string; message: string }[] {
  const join = (path: string) => (prefix && path ? `${prefix}.${path}` : prefix || path || "(root)");
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      // One entry per unknown field, named, so the client sees exactly what to remove.
      return issue.keys.map((key) => ({
        field: join(path ? `${path}.${key}` : key),
        message: "is not a known field",
      }));
    }
    return [{ field: join(path), message: plainMessage(issue, input) }];
  });
}

/** The value at `path` inside `input`, or undefined when it (or a parent) is not there. */
export function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_ISSUES = new Set(["invalid_type", "invalid_value", "invalid_union"]);
/** zod's English messages start so; the messages our schemas write start with a lower-case verb. */
const GENERIC_MESSAGE = /^(Invalid|Too big|Too small)\b/;

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  array: "an array",
  tuple: "an array",
  object: "an object",
  record: "an object",
  map: "an object",
  null: "null",
  date: "a date",
};

function plainMessage(issue: IssueLike, input: unknown): string {
  const isMissing =
    input !== undefined
      ? valueAtPath(input, issue.path) === undefined
      : /received undefined$/.test(issue.message);
  if (issue.code !== undefined && TYPE_ISSUES.has(issue.code) && isMissing) return "is required";
  if (!GENERIC_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `must be ${TYPE_NAMES[issue.expected ?? ""] ?? `of type ${issue.expected}`}`;
    case "invalid_value":
      return issue.values?.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${(issue.values ?? []).map(String).join(", ")}`;
    case "too_big":
    case "too_small":
      return sizeMessage(issue);
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_format":
      return issue.format === "regex" ? "is not in the expected format" : `must be a valid ${issue.format}`;
    case "invalid_key":
      return "has a key that is not valid";
    case "invalid_element":
      return "has a value that is not valid";
    default:
      return "is not valid";
  }
}

function sizeMessage(issue: IssueLike): string {
  const isMax = issue.code === "too_big";
  const limit = isMax ? issue.maximum : issue.minimum;
  const inclusive = isMax ? "at most" : "at least";
  const exclusive = isMax ? "less than" : "more than";
  const bound = issue.exact ? "exactly" : issue.inclusive === false ? exclusive : inclusive;
  const plural = Number(limit) === 1 ? "" : "s";
  switch (issue.origin) {
    case "string":
      return `must be ${bound} ${limit} character${plural}`;
    case "array":
    case "set":
      return `must have ${bound} ${limit} item${plural}`;
    default:
      return `must be ${bound} ${limit}`;
  }
}
