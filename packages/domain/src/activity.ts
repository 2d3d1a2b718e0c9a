import { z } from "zod";

export const ACTIVITY_TYPES = [
  "request.created",
  "request.updated",
  "request.status_changed",
  "event.created",
  "event.updated",
  "event.deleted",
  "practice.created",
  "practice.updated",
  "practice.deleted",
] as const;
export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES, {
  error: () => `must be one of the activity types: ${ACTIVITY_TYPES.join(", ")}`,
});
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

export const ActivitySchema = z
  .object({
    id: z.string(),
    type: ActivityTypeSchema,
    at: z.string(),
    subject: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Activity" });
export type Activity = z.infer<typeof ActivitySchema>;
