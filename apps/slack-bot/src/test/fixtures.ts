import type { Event, Practice, Request } from "@bsi/domain";

/** A valid event as the API returns it; override what a test is about. */
export function makeEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: "2026-09-dakar-api-pnr-workshop",
    title: "Regional workshop on API and PNR",
    kind: "workshop",
    status: "confirmed",
    startsOn: "2026-09-14",
    endsOn: "2026-09-16",
    timeZone: "Africa/Dakar",
    city: "Dakar",
    country: "SN",
    online: false,
    region: "west-africa",
    organizers: ["UNCCT"],
    partners: ["GCTF"],
    themes: ["api-pnr", "international-databases"],
    summary: "Practitioners from West Africa compare how they use advance passenger information.",
    registration: { status: "open", deadline: "2026-09-04" },
    sourceUrl: null,
    sample: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function makePractice(overrides: Partial<Practice> = {}): Practice {
  return {
    id: "joint-border-patrols",
    title: "Coordinate patrols with neighbouring States",
    themes: ["cross-border-cooperation"],
    summary: "Agree on joint or coordinated patrols and share what they find.",
    body: "",
    sourceEventIds: [],
    references: ["GCTF Good Practices in the Area of Border Security and Management, 2016"],
    sample: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function makeRequest(overrides: Partial<Request> = {}): Request {
  return {
    reference: "BSI-2026-0042",
    type: "technical_assistance",
    status: "under_review",
    memberState: "SN",
    agency: "Police aux frontières",
    themes: ["api-pnr"],
    relatedEventId: null,
    summary: "Help setting up an API/PNR passenger information unit",
    details: "",
    priority: "normal",
    requester: {
      name: "Alice Ndiaye",
      email: "alice@example.org",
      organization: null,
      slackUserId: "U0ALICE",
      slackTeamId: "T0FAKETEAM",
    },
    source: "slack",
    createdAt: "2026-02-02T10:00:00.000Z",
    updatedAt: "2026-02-02T10:00:00.000Z",
    ...overrides,
  };
}
