import { z } from "zod";
import { CountryCodeSchema } from "./countries.js";
import { IsoDateSchema, TimeZoneSchema } from "./dates.js";
import { withoutDefaults } from "./patch.js";
import { createRuleIssue } from "./problem.js";
import { RegionCodeSchema } from "./regions.js";
import { SlugSchema } from "./slug.js";
import { isWellFormedText, multiLineText, singleLineText, WELL_FORMED_MESSAGE } from "./text.js";
import { ThemeCodeSchema } from "./themes.js";

export const EVENT_KINDS = [
  "conference",
  "workshop",
  "study_tour",
  "seminar",
  "training",
  "forum",
  "meeting",
] as const;
export const EventKindSchema = z.enum(EVENT_KINDS, {
  error: () => `must be one of: ${EVENT_KINDS.join(", ")}`,
});
export type EventKind = z.infer<typeof EventKindSchema>;

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  conference: "Conference",
  workshop: "Workshop",
  study_tour: "Study tour",
  seminar: "Seminar",
  training: "Training",
  forum: "Forum",
  meeting: "Meeting",
};

export const EVENT_STATUSES = ["planned", "confirmed", "completed", "cancelled", "postponed"] as const;
export const EventStatusSchema = z.enum(EVENT_STATUSES, {
  error: () => `must be one of: ${EVENT_STATUSES.join(", ")}`,
});
export type EventStatus = z.infer<typeof EventStatusSchema>;

export const REGISTRATION_STATUSES = ["not_open", "open", "closed", "invitation_only"] as const;
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES, {
  error: () => `must be one of: ${REGISTRATION_STATUSES.join(", ")}`,
});
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

export const RegistrationSchema = z.strictObject({
  status: RegistrationStatusSchema,
  deadline: IsoDateSchema.nullable(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const HttpUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000, "must be at most 2000 characters")
  .refine(isWellFormedText, WELL_FORMED_MESSAGE);

/** Fields a client sends to create an event. Rules that span fields are checked by the refinements. */
const EventFieldsSchema = z.strictObject({
  id: SlugSchema,
  title: singleLineText({ max: 200 }),
  kind: EventKindSchema,
  status: EventStatusSchema.default("planned"),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  timeZone: TimeZoneSchema.default("UTC"),
  city: singleLineText({ max: 100 }).nullable().default(null),
  country: CountryCodeSchema.nullable().default(null),
  online: z.boolean().default(false),
  region: RegionCodeSchema.nullable().default(null),
  organizers: z
    .array(singleLineText({ max: 120 }))
    .max(20)
    .default([]),
  partners: z
    .array(singleLineText({ max: 120 }))
    .max(50)
    .default([]),
  themes: z.array(ThemeCodeSchema).max(13).default([]),
  summary: multiLineText({ max: 2000, canBeBlank: true }).default(""),
  registration: RegistrationSchema.default({ status: "not_open", deadline: null }),
  sourceUrl: HttpUrlSchema.nullable().default(null),
  sample: z.boolean().default(false),
});

type EventFields = z.output<typeof EventFieldsSchema>;

function checkEventRules(event: Partial<EventFields>, ctx: z.RefinementCtx): void {
  if (event.startsOn && event.endsOn && event.endsOn < event.startsOn) {
    ctx.addIssue(createRuleIssue(["endsOn"], "must be on or after startsOn"));
  }
  if (event.online === false && event.country === null && event.city !== null && event.city !== undefined) {
    ctx.addIssue(createRuleIssue(["country"], "is required when a city is given"));
  }
  const deadline = event.registration?.deadline;
  if (deadline && event.endsOn && deadline > event.endsOn) {
    ctx.addIssue(createRuleIssue(["registration", "deadline"], "must not be after the event ends"));
  }
}

export const NewEventSchema = EventFieldsSchema.superRefine(checkEventRules).meta({ id: "NewEvent" });
export type NewEvent = z.input<typeof NewEventSchema>;
export type ValidNewEvent = z.output<typeof NewEventSchema>;

const { id: _eventId, ...eventPatchFields } = EventFieldsSchema.shape;

/**
 * A partial update: any field but the id, without defaults (a field left out keeps its value); the
 * merged event is checked again by the API.
 */
export const EventPatchSchema = z
  .strictObject(withoutDefaults(eventPatchFields))
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: "must change at least one field" })
  .meta({ id: "EventPatch" });
export type EventPatch = z.output<typeof EventPatchSchema>;

export const EventSchema = EventFieldsSchema.extend({
  status: EventStatusSchema,
  timeZone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: "Event" });
export type Event = z.output<typeof EventSchema>;

/** Checks the merged result of a PATCH with the same cross-field rules as a new event. */
export function validateEventRules(event: Event): z.core.$ZodIssue[] {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = event;
  const result = EventFieldsSchema.superRefine(checkEventRules).safeParse(fields);
  return result.success ? [] : result.error.issues;
}

/** An event is upcoming on `today` when it has not ended yet (it may have started). */
export function isUpcoming(event: Pick<Event, "endsOn">, today: string): boolean {
  return event.endsOn >= today;
}
