import {
  EventKindSchema,
  EventStatusSchema,
  IsoDateSchema,
  RegionCodeSchema,
  ThemeCodeSchema,
} from "@bsi/domain";
import { z } from "zod";

export const INTENTS = [
  "upcoming_events",
  "next_event",
  "find_events",
  "past_events",
  "practices",
  "request_status",
  "how_to_request",
  "help",
  "greeting",
  "unknown",
] as const;
export const IntentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof IntentSchema>;

export const EVENT_INTENTS = ["upcoming_events", "next_event", "find_events", "past_events"] as const;
export type EventIntent = (typeof EVENT_INTENTS)[number];

export const AnswerLanguageSchema = z.enum(["en", "fr", "es"]);
export type AnswerLanguage = z.infer<typeof AnswerLanguageSchema>;

/** Where events are: any of these countries, regions or cities. */
const PLACE_FIELDS = {
  countries: z.array(z.string()).optional().meta({ description: "ISO 3166-1 alpha-2 codes" }),
  regions: z.array(RegionCodeSchema).optional(),
  cities: z.array(z.string()).optional(),
};

/** Places an event question leaves out ("not in Africa", "hors du Sahel", "fuera de Dakar"). */
export const ExcludedPlacesSchema = z.object(PLACE_FIELDS).meta({ id: "ExcludedPlaces" });
export type ExcludedPlaces = z.infer<typeof ExcludedPlacesSchema>;

/**
 * An event the question counts from ("after the Sahel workshop", "avant l'atelier de Tunis"): the
 * first upcoming event matching these filters (else the most recent one), and whether the events
 * asked for come after it or before it.
 */
export const RelativeToSchema = z
  .object({
    position: z.enum(["after", "before"]),
    kinds: z.array(EventKindSchema).optional(),
    ...PLACE_FIELDS,
    themes: z.array(ThemeCodeSchema).optional(),
  })
  .meta({ id: "RelativeTo" });
export type RelativeTo = z.infer<typeof RelativeToSchema>;

/**
 * What the question asks of the events. `from`/`to` bound the events that overlap the period: an
 * event matches when it ends on or after `from` and starts on or before `to`. Places combine with OR
 * (a country, a region or a city), and an event at any place of `exclude` is left out; the other
 * fields combine with AND.
 */
export const EventQueryFiltersSchema = z
  .object({
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    kinds: z.array(EventKindSchema).optional(),
    ...PLACE_FIELDS,
    exclude: ExcludedPlacesSchema.optional(),
    relativeTo: RelativeToSchema.optional(),
    themes: z.array(ThemeCodeSchema).optional(),
    online: z.boolean().optional(),
    statuses: z.array(EventStatusSchema).optional().meta({
      description: 'Only events with these statuses ("confirmed", "cancelled"…); else all but cancelled',
    }),
    registration: z.enum(["open", "not_open", "closed", "invitation_only"]).optional().meta({
      description: "open: registration open today; not_open, closed, invitation_only: as the event says",
    }),
    sample: z.boolean().optional().meta({ description: "false: leave out the sample programme" }),
    organizations: z.array(z.string()).optional().meta({
      description: "Codes of organizations that run or partner in the event (IOM, OSCE…), any of them",
    }),
    limit: z
      .number()
      .int()
      .min(2)
      .max(20)
      .optional()
      .meta({ description: 'How many events were asked for ("the next 3 workshops")' }),
    words: z.array(z.string()).optional().meta({ description: "Words not understood otherwise, for search" }),
  })
  .meta({ id: "EventQueryFilters" });
export type EventQueryFilters = z.infer<typeof EventQueryFiltersSchema>;

export const PracticeQueryFiltersSchema = z
  .object({
    themes: z.array(ThemeCodeSchema).optional(),
    words: z.array(z.string()).optional(),
  })
  .meta({ id: "PracticeQueryFilters" });
export type PracticeQueryFilters = z.infer<typeof PracticeQueryFiltersSchema>;

export const StatusQueryFiltersSchema = z
  .object({
    reference: z
      .string()
      .nullable()
      .meta({ description: "BSI-<year>-<sequence>, or null when none was given" }),
  })
  .meta({ id: "StatusQueryFilters" });
export type StatusQueryFilters = z.infer<typeof StatusQueryFiltersSchema>;

export const OtherQueryFiltersSchema = z
  .object({ words: z.array(z.string()) })
  .meta({ id: "OtherQueryFilters" });

/**
 * Notes that change the wording: `api_usage` (a question about using the HTTP API, not about
 * advance passenger information), `about_bsi` (what the Border Security Initiative is), `thanks`,
 * `unsupported_language`, `off_topic` (a question the desk cannot answer, such as the weather).
 */
export const QueryNoteSchema = z.enum([
  "api_usage",
  "about_bsi",
  "thanks",
  "unsupported_language",
  "off_topic",
]);
export type QueryNote = z.infer<typeof QueryNoteSchema>;

const language = AnswerLanguageSchema;
const note = QueryNoteSchema.optional();

export const AskQuerySchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.enum(EVENT_INTENTS), language, note, filters: EventQueryFiltersSchema }),
    z.object({ intent: z.literal("practices"), language, note, filters: PracticeQueryFiltersSchema }),
    z.object({ intent: z.literal("request_status"), language, note, filters: StatusQueryFiltersSchema }),
    z.object({
      intent: z.enum(["how_to_request", "help", "greeting", "unknown"]),
      language,
      note,
      filters: OtherQueryFiltersSchema,
    }),
  ])
  .meta({ id: "AskQuery" });
export type AskQuery = z.infer<typeof AskQuerySchema>;
export type EventQuery = Extract<AskQuery, { filters: EventQueryFilters; intent: EventIntent }>;

export function isEventQuery(query: AskQuery): query is EventQuery {
  return (EVENT_INTENTS as readonly string[]).includes(query.intent);
}
