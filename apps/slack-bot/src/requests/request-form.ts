import { createHash } from "node:crypto";
import {
  type IssueLike,
  issuesToFieldErrors,
  NewRequestSchema,
  REQUEST_LIMITS,
  type ValidNewRequest,
} from "@bsi/domain";
import type { ViewStateValue } from "@slack/bolt";
import { ACTION_IDS, FORM_BLOCK_IDS } from "../blocks/ids.js";
import type { RequestFormMetadata } from "../blocks/request-form.js";
import { type FormErrorWords, formatCount, REQUEST_WORDS } from "../blocks/request-words.js";
import type { Language } from "../blocks/words.js";

/** `view.state.values`: block id → action id → what the user entered. */
export type FormValues = Record<string, Record<string, ViewStateValue>>;

/** Messages shown under the inputs, keyed by block id, as `response_action: "errors"` wants them. */
export type FormErrors = Record<string, string>;

export type FormOutcome = { ok: true; request: ValidNewRequest } | { ok: false; errors: FormErrors };

export interface Submitter {
  userId: string;
  teamId: string | undefined;
  /** The Slack user name, used when the profile's real name was not read. */
  userName: string;
}

/** Which input shows the error for a field the domain schema (or the API) names. */
const FIELD_BLOCKS: Record<string, string> = {
  type: FORM_BLOCK_IDS.type,
  memberState: FORM_BLOCK_IDS.memberState,
  agency: FORM_BLOCK_IDS.agency,
  themes: FORM_BLOCK_IDS.themes,
  relatedEventId: FORM_BLOCK_IDS.relatedEvent,
  summary: FORM_BLOCK_IDS.summary,
  details: FORM_BLOCK_IDS.details,
  priority: FORM_BLOCK_IDS.priority,
  "requester.email": FORM_BLOCK_IDS.email,
};

/** Plain words for a required field left empty, instead of the schema's "must be one of …". */
const MISSING: Record<string, (words: FormErrorWords) => string> = {
  [FORM_BLOCK_IDS.type]: (words) => words.chooseType,
  [FORM_BLOCK_IDS.memberState]: (words) => words.chooseMemberState,
  [FORM_BLOCK_IDS.summary]: (words) => words.writeSummary,
  [FORM_BLOCK_IDS.priority]: (words) => words.choosePriority,
};

function entryOf(values: FormValues, blockId: string, actionId: string = ACTION_IDS.input) {
  return values[blockId]?.[actionId];
}

function textOf(values: FormValues, blockId: string): string | undefined {
  const value = entryOf(values, blockId)?.value;
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function selectedOf(values: FormValues, blockId: string, actionId?: string): string | undefined {
  const selected = entryOf(values, blockId, actionId)?.selected_option?.value;
  return typeof selected === "string" && selected !== "" ? selected : undefined;
}

/** A problem the domain schema found with one field, in the requester's words. */
function describeIssue(issue: IssueLike, language: Language): string {
  const words = REQUEST_WORDS[language].errors;
  if (issue.code === "too_big" && issue.origin === "string" && issue.maximum !== undefined)
    return words.tooLong(formatCount(Number(issue.maximum), language));
  if (issue.code === "invalid_format" && issue.format === "email") return words.email;
  const [error] = issuesToFieldErrors([issue]);
  return words.notValid(error?.message ?? issue.message);
}

/** The block id for an API or schema field name; fields the form has no input for go to the summary. */
export function blockForField(field: string): string {
  return FIELD_BLOCKS[field] ?? FIELD_BLOCKS[field.split(".")[0] ?? ""] ?? FORM_BLOCK_IDS.summary;
}

/** Field errors from the API (`{ field, message }`, in English) as messages under the inputs. */
export function errorsForFields(fields: Record<string, string>, language: Language = "en"): FormErrors {
  const words = REQUEST_WORDS[language].errors;
  const errors: FormErrors = {};
  for (const [field, message] of Object.entries(fields)) {
    const blockId = blockForField(field);
    errors[blockId] ??= field === "relatedEventId" ? words.eventRefused(message) : words.notValid(message);
  }
  return errors;
}

/**
 * Reads a submitted request form and validates it with the domain's NewRequestSchema, the same
 * schema the API applies. Each failing field gets one message under its own input, in the
 * language the form is in (`metadata.language`).
 */
export function readRequestForm(
  values: FormValues,
  metadata: RequestFormMetadata,
  submitter: Submitter,
): FormOutcome {
  const language = metadata.language ?? "en";
  const words = REQUEST_WORDS[language].errors;
  const errors: FormErrors = {};
  const typedDetails = textOf(values, FORM_BLOCK_IDS.details)?.trim() ?? "";
  if (Array.from(typedDetails).length > REQUEST_LIMITS.detailsInSlack) {
    errors[FORM_BLOCK_IDS.details] = words.tooLong(formatCount(REQUEST_LIMITS.detailsInSlack, language));
  }
  const permalink = metadata.permalink;
  const details =
    permalink && !typedDetails.includes(permalink)
      ? `${typedDetails}${typedDetails ? "\n\n" : ""}From a Slack message: ${permalink}`
      : typedDetails;
  const themes = (entryOf(values, FORM_BLOCK_IDS.themes)?.selected_options ?? []).map(
    (selected) => selected.value,
  );
  const candidate = {
    type: selectedOf(values, FORM_BLOCK_IDS.type),
    memberState: selectedOf(values, FORM_BLOCK_IDS.memberState, ACTION_IDS.memberState),
    agency: textOf(values, FORM_BLOCK_IDS.agency) ?? null,
    themes,
    relatedEventId: selectedOf(values, FORM_BLOCK_IDS.relatedEvent, ACTION_IDS.relatedEvent) ?? null,
    summary: textOf(values, FORM_BLOCK_IDS.summary) ?? "",
    details,
    priority: selectedOf(values, FORM_BLOCK_IDS.priority) ?? "normal",
    requester: {
      name: metadata.name ?? submitter.userName,
      email: textOf(values, FORM_BLOCK_IDS.email)?.trim() ?? null,
      organization: null,
      slackUserId: submitter.userId,
      slackTeamId: submitter.teamId ?? null,
    },
    source: "slack",
  };
  const result = NewRequestSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join(".");
      const blockId = blockForField(field);
      if (errors[blockId]) continue;
      const isEmpty =
        (blockId === FORM_BLOCK_IDS.type && !candidate.type) ||
        (blockId === FORM_BLOCK_IDS.memberState && !candidate.memberState) ||
        (blockId === FORM_BLOCK_IDS.summary && candidate.summary.trim() === "");
      const missing = MISSING[blockId];
      if (isEmpty && missing) errors[blockId] = missing(words);
      else if (field === "relatedEventId" && !candidate.relatedEventId)
        errors[blockId] = words.pickWorkshopEvent;
      else errors[blockId] = describeIssue(issue, language);
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, request: result.data };
}

/**
 * The Idempotency-Key for filing a form: the view's id and a hash of what it says. A double click
 * or a redelivery of the same submission files one request; the same form submitted again after
 * an edit is a new body and gets a new key (the API would refuse a reused key with another body).
 */
export function idempotencyKeyFor(viewId: string, request: ValidNewRequest): string {
  const hash = createHash("sha256").update(JSON.stringify(request)).digest("hex").slice(0, 32);
  return `slack-${viewId.replace(/[^\x21-\x7e]/g, "").slice(0, 60)}-${hash}`;
}
