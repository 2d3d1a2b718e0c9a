import { z } from "zod";
import { CountryCodeSchema } from "./countries.js";
import { createRuleIssue } from "./problem.js";
import { SlugSchema } from "./slug.js";
import { hasVisibleText, multiLineText, singleLineText, trimInvisible } from "./text.js";
import { ThemeCodeSchema } from "./themes.js";

export const REQUEST_TYPES = [
  "technical_assistance",
  "training",
  "workshop_participation",
  "expert_advice",
  "information",
  "other",
] as const;
export const RequestTypeSchema = z.enum(REQUEST_TYPES, {
  error: () => `must be one of: ${REQUEST_TYPES.join(", ")}`,
});
export type RequestType = z.infer<typeof RequestTypeSchema>;

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  technical_assistance: "Technical assistance",
  training: "Training",
  workshop_participation: "Workshop participation",
  expert_advice: "Expert advice",
  information: "Information",
  other: "Other",
};

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const PrioritySchema = z.enum(PRIORITIES, { error: () => `must be one of: ${PRIORITIES.join(", ")}` });
export type Priority = z.infer<typeof PrioritySchema>;

export const REQUEST_SOURCES = ["slack", "api", "chat"] as const;
export const RequestSourceSchema = z.enum(REQUEST_SOURCES, {
  error: () => `must be one of: ${REQUEST_SOURCES.join(", ")}`,
});
export type RequestSource = z.infer<typeof RequestSourceSchema>;

export const REQUEST_STATUSES = [
  "submitted",
  "under_review",
  "accepted",
  "declined",
  "in_progress",
  "completed",
  "withdrawn",
] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES, {
  error: () => `must be one of: ${REQUEST_STATUSES.join(", ")}`,
});
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: "Submitted",
  under_review: "Under review",
  accepted: "Accepted",
  declined: "Declined",
  in_progress: "In progress",
  completed: "Completed",
  withdrawn: "Withdrawn",
};

/** Limits shared by the API and the Slack modal (the modal shows them as hints). */
export const REQUEST_LIMITS = {
  summary: 150,
  details: 4000,
  /** Slack's multiline input holds at most 3,000 characters, so the modal asks for that much. */
  detailsInSlack: 3000,
  agency: 200,
  name: 200,
  organization: 200,
  note: 1000,
  actor: 200,
} as const;

export const SlackUserIdSchema = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,20}$/, "must be a Slack user id such as U012ABCDEF");
export const SlackTeamIdSchema = z
  .string()
  .regex(/^[TE][A-Z0-9]{2,20}$/, "must be a Slack team id such as T012ABCDEF");

export const RequesterSchema = z.strictObject({
  name: singleLineText({ max: REQUEST_LIMITS.name }),
  email: z.email("must be an email address such as name@example.org").max(254).nullable().default(null),
  organization: singleLineText({ max: REQUEST_LIMITS.organization, canBeBlank: true })
    .nullable()
    .default(null),
  slackUserId: SlackUserIdSchema.nullable().default(null),
  slackTeamId: SlackTeamIdSchema.nullable().default(null),
});
export type Requester = z.output<typeof RequesterSchema>;

export const NewRequestSchema = z
  .strictObject({
    type: RequestTypeSchema,
    memberState: CountryCodeSchema,
    agency: singleLineText({ max: REQUEST_LIMITS.agency, canBeBlank: true }).nullable().default(null),
    themes: z.array(ThemeCodeSchema).max(13).default([]),
    relatedEventId: SlugSchema.nullable().default(null),
    summary: singleLineText({ max: REQUEST_LIMITS.summary }),
    details: multiLineText({ max: REQUEST_LIMITS.details, canBeBlank: true }).default(""),
    priority: PrioritySchema.default("normal"),
    requester: RequesterSchema,
    source: RequestSourceSchema.default("api"),
  })
  .superRefine((request, ctx) => {
    if (request.type === "workshop_participation" && !request.relatedEventId) {
      ctx.addIssue(
        createRuleIssue(
          ["relatedEventId"],
          "is required for a workshop participation request: name the event",
        ),
      );
    }
  })
  .meta({ id: "NewRequest" });
export type NewRequest = z.input<typeof NewRequestSchema>;
export type ValidNewRequest = z.output<typeof NewRequestSchema>;

export const HistoryEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  from: RequestStatusSchema.nullable(),
  to: RequestStatusSchema,
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A reference: `BSI-<year>-<sequence of at least four digits>`. */
export const REFERENCE_PATTERN = /^BSI-(\d{4})-(\d{4,})$/;
export const RequestReferenceSchema = z
  .string()
  .regex(REFERENCE_PATTERN, "must be a reference such as BSI-2026-0042")
  .meta({ example: "BSI-2026-0042" });

export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `BSI-${year}-${String(sequence).padStart(4, "0")}`;
}

export function parseReference(reference: string): { year: number; sequence: number } | undefined {
  const match = REFERENCE_PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return undefined;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}

/** A reference as people type it: any case, spaces or other separators, the number not padded. */
const LOOSE_REFERENCE_PATTERN = /\bbsi\s*[-_/. ]?\s*(20\d\d)\s*[-_/. ]\s*(\d{1,6})\b|\b(20\d\d)-(\d{4,6})\b/i;

/**
 * Finds a reference written loosely in a text ("bsi 2026 42", "BSI-2026-0042", "2026-0042") and
 * gives it in its canonical form (BSI-2026-0042), with where it was found.
 */
export function findReference(
  text: string,
): { reference: string; index: number; length: number } | undefined {
  const match = LOOSE_REFERENCE_PATTERN.exec(text);
  if (!match) return undefined;
  const sequence = Number(match[2] ?? match[4]);
  if (sequence < 1) return undefined;
  return {
    reference: formatReference(Number(match[1] ?? match[3]), sequence),
    index: match.index,
    length: match[0].length,
  };
}

export const RequestSchema = z
  .object({
    reference: z.string(),
    type: RequestTypeSchema,
    status: RequestStatusSchema,
    memberState: z.string(),
    agency: z.string().nullable(),
    themes: z.array(ThemeCodeSchema),
    relatedEventId: z.string().nullable(),
    summary: z.string(),
    details: z.string(),
    priority: PrioritySchema,
    requester: z.object({
      name: z.string(),
      email: z.string().nullable(),
      organization: z.string().nullable(),
      slackUserId: z.string().nullable(),
      slackTeamId: z.string().nullable(),
    }),
    source: RequestSourceSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(HistoryEntrySchema).optional(),
  })
  .meta({ id: "Request" });
export type Request = z.infer<typeof RequestSchema>;

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** The allowed moves. `declined`, `completed` and `withdrawn` are final. */
export const ALLOWED_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  submitted: ["under_review", "withdrawn"],
  under_review: ["accepted", "declined", "withdrawn"],
  accepted: ["in_progress", "withdrawn"],
  in_progress: ["completed", "withdrawn"],
  declined: [],
  completed: [],
  withdrawn: [],
};

export const FINAL_STATUSES: readonly RequestStatus[] = ["declined", "completed", "withdrawn"];

export function isFinalStatus(status: RequestStatus): boolean {
  return ALLOWED_TRANSITIONS[status].length === 0;
}

export type TransitionResult =
  | { ok: true; entry: HistoryEntry }
  | { ok: false; reason: "final" | "not_allowed" | "note_required"; message: string };

export interface TransitionInput {
  from: RequestStatus;
  to: RequestStatus;
  actor: string;
  note?: string | null;
  at: string;
}

/**
 * The lifecycle as one pure function: decides whether a move is allowed and, if so, returns the
 * history entry it makes. A decline must say why (the requester is told the note).
 */
export function transition(input: TransitionInput): TransitionResult {
  const { from, to } = input;
  if (isFinalStatus(from)) {
    return {
      ok: false,
      reason: "final",
      message: `the request is ${from}, a final status; it cannot move to ${to}`,
    };
  }
  if (!ALLOWED_TRANSITIONS[from].includes(to)) {
    const allowed = ALLOWED_TRANSITIONS[from].join(", ");
    return {
      ok: false,
      reason: "not_allowed",
      message: `a request cannot move from ${from} to ${to}; from ${from} it can move to ${allowed}`,
    };
  }
  const note = input.note && hasVisibleText(input.note) ? trimInvisible(input.note) : null;
  if (to === "declined" && !note) {
    return { ok: false, reason: "note_required", message: "declining a request needs a note saying why" };
  }
  return { ok: true, entry: { at: input.at, actor: input.actor, from, to, note } };
}

export const TransitionRequestSchema = z
  .strictObject({
    to: RequestStatusSchema,
    note: multiLineText({ max: REQUEST_LIMITS.note, canBeBlank: true }).nullable().optional(),
    actor: singleLineText({ max: REQUEST_LIMITS.actor, blankMessage: "must name who makes the move" }),
  })
  .meta({ id: "Transition" });
export type TransitionRequest = z.output<typeof TransitionRequestSchema>;

/** The fields triage may change after filing; the status moves only through transitions. */
export const RequestPatchSchema = z
  .strictObject({
    priority: PrioritySchema.optional(),
    themes: z.array(ThemeCodeSchema).max(13).optional(),
    agency: singleLineText({ max: REQUEST_LIMITS.agency, canBeBlank: true }).nullable().optional(),
    relatedEventId: SlugSchema.nullable().optional(),
    actor: singleLineText({ max: REQUEST_LIMITS.actor, blankMessage: "must name who makes the change" }),
  })
  .refine((patch) => Object.keys(patch).some((key) => key !== "actor"), {
    message: "must change at least one of priority, themes, agency, relatedEventId",
  })
  .meta({ id: "RequestPatch" });
export type RequestPatch = z.output<typeof RequestPatchSchema>;
