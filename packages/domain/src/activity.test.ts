import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, ActivitySchema } from "./activity.js";
import { fieldErrorsOf, invalidFieldsOf } from "./test/field-errors.js";

const activity = {
  id: "01J9Z3K4M5N6P7Q8R9S0T1V2W3",
  type: "request.status_changed",
  at: "2026-03-15T10:00:00.000Z",
  subject: "BSI-2026-0042",
  data: { from: "submitted", to: "under_review" },
};

describe("ActivitySchema", () => {
  it("reads an activity back", () => {
    expect(ActivitySchema.parse(activity)).toEqual(activity);
  });

  it.each(ACTIVITY_TYPES)("accepts the type %s", (type) => {
    expect(ActivitySchema.safeParse({ ...activity, type }).success).toBe(true);
  });

  it("lists the activity types when it rejects one", () => {
    expect(fieldErrorsOf(ActivitySchema, { ...activity, type: "request.deleted" })).toEqual([
      { field: "type", message: `must be one of the activity types: ${ACTIVITY_TYPES.join(", ")}` },
    ]);
  });

  it("names each activity type after its resource and what happened", () => {
    for (const type of ACTIVITY_TYPES) expect(type).toMatch(/^(request|event|practice)\.[a-z_]+$/);
  });

  it("requires data to be an object", () => {
    expect(invalidFieldsOf(ActivitySchema, { ...activity, data: ["submitted"] })).toEqual(["data"]);
    expect(invalidFieldsOf(ActivitySchema, { ...activity, data: null })).toEqual(["data"]);
  });
});
