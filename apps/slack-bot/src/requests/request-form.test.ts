import { describe, expect, it } from "vitest";
import { FORM_BLOCK_IDS } from "../blocks/ids.js";
import { errorsForFields, type FormValues, idempotencyKeyFor, readRequestForm } from "./request-form.js";

const submitter = { userId: "U0ALICE", teamId: "T0FAKETEAM", userName: "alice" };

function values(entries: Record<string, Record<string, unknown>>): FormValues {
  return Object.fromEntries(
    Object.entries(entries).map(([blockId, state]) => [
      blockId,
      {
        [blockId === FORM_BLOCK_IDS.memberState
          ? "request.member_state"
          : blockId === FORM_BLOCK_IDS.relatedEvent
            ? "request.related_event"
            : "value"]: state,
      },
    ]),
  ) as unknown as FormValues;
}

const option = (value: string) => ({ text: { type: "plain_text", text: value }, value });

const filled = values({
  [FORM_BLOCK_IDS.type]: { type: "static_select", selected_option: option("training") },
  [FORM_BLOCK_IDS.memberState]: { type: "external_select", selected_option: option("SN") },
  [FORM_BLOCK_IDS.summary]: { type: "plain_text_input", value: "  Training for officers  " },
  [FORM_BLOCK_IDS.details]: { type: "plain_text_input", value: "Twenty officers" },
  [FORM_BLOCK_IDS.themes]: { type: "multi_static_select", selected_options: [option("api-pnr")] },
  [FORM_BLOCK_IDS.priority]: { type: "static_select", selected_option: option("urgent") },
  [FORM_BLOCK_IDS.email]: { type: "email_text_input", value: "alice@example.org" },
});

describe("reading the request form", () => {
  it("turns a filled form into a NewRequest from Slack, with the profile name and the message link", () => {
    const outcome = readRequestForm(
      filled,
      { name: "Alice Ndiaye", permalink: "https://x.slack.com/archives/C1/p1" },
      submitter,
    );
    expect(outcome).toEqual({
      ok: true,
      request: {
        type: "training",
        memberState: "SN",
        agency: null,
        themes: ["api-pnr"],
        relatedEventId: null,
        summary: "Training for officers",
        details: "Twenty officers\n\nFrom a Slack message: https://x.slack.com/archives/C1/p1",
        priority: "urgent",
        requester: {
          name: "Alice Ndiaye",
          email: "alice@example.org",
          organization: null,
          slackUserId: "U0ALICE",
          slackTeamId: "T0FAKETEAM",
        },
        source: "slack",
      },
    });
  });

  it("falls back to the Slack user name when the profile was not read", () => {
    const outcome = readRequestForm(filled, {}, submitter);
    expect(outcome.ok && outcome.request.requester.name).toBe("alice");
  });

  it("maps API field errors to the inputs, and unknown fields to the summary", () => {
    expect(
      errorsForFields({
        relatedEventId: "names no event in the catalogue",
        "requester.email": "must be an email",
        foo: "odd",
      }),
    ).toEqual({
      [FORM_BLOCK_IDS.relatedEvent]: "The event names no event in the catalogue.",
      [FORM_BLOCK_IDS.email]: "Must be an email.",
      [FORM_BLOCK_IDS.summary]: "Odd.",
    });
  });

  it("says what is wrong in the form's language: French", () => {
    const outcome = readRequestForm(
      values({
        [FORM_BLOCK_IDS.type]: { type: "static_select", selected_option: option("training") },
        [FORM_BLOCK_IDS.memberState]: { type: "external_select", selected_option: null },
        [FORM_BLOCK_IDS.agency]: { type: "plain_text_input", value: "A".repeat(201) },
        [FORM_BLOCK_IDS.summary]: { type: "plain_text_input", value: "Une ligne\u0007" },
        [FORM_BLOCK_IDS.details]: { type: "plain_text_input", value: "d".repeat(3001) },
        [FORM_BLOCK_IDS.email]: { type: "email_text_input", value: "pas-une-adresse" },
      }),
      { language: "fr" },
      submitter,
    );
    expect(outcome).toEqual({
      ok: false,
      errors: {
        [FORM_BLOCK_IDS.memberState]:
          "Choisissez l'État Membre : tapez son nom et choisissez-le dans la liste.",
        [FORM_BLOCK_IDS.agency]: "200 caractères au plus.",
        [FORM_BLOCK_IDS.summary]: "Ne doit pas contenir de caractères de contrôle.",
        [FORM_BLOCK_IDS.details]: "3\u202f000 caractères au plus.",
        [FORM_BLOCK_IDS.email]: "Doit être une adresse e-mail comme nom@exemple.org.",
      },
    });
  });

  it("asks in the form's language for the event of a workshop participation", () => {
    const workshop = {
      ...filled,
      ...values({
        [FORM_BLOCK_IDS.type]: { type: "static_select", selected_option: option("workshop_participation") },
      }),
    };
    expect(readRequestForm(workshop, { language: "es" }, submitter)).toEqual({
      ok: false,
      errors: {
        [FORM_BLOCK_IDS.relatedEvent]:
          "Obligatorio para participar en un taller: elija el evento en el que quiere una plaza.",
      },
    });
  });

  it("puts the API's field errors in Spanish, and a problem it has no words for in general terms", () => {
    expect(
      errorsForFields(
        { relatedEventId: "names an event that is over", "requester.email": "must be an email", foo: "odd" },
        "es",
      ),
    ).toEqual({
      [FORM_BLOCK_IDS.relatedEvent]:
        "Ese evento ya terminó: solo se puede solicitar una plaza para un evento futuro.",
      [FORM_BLOCK_IDS.email]: "Este valor no es válido: corríjalo.",
      [FORM_BLOCK_IDS.summary]: "Este valor no es válido: corríjalo.",
    });
  });

  it("makes the same key for the same form and view, and another for an edit or another view", () => {
    const outcome = readRequestForm(filled, {}, submitter);
    if (!outcome.ok) throw new Error("invalid");
    const key = idempotencyKeyFor("V0001", outcome.request);
    expect(idempotencyKeyFor("V0001", outcome.request)).toBe(key);
    expect(idempotencyKeyFor("V0002", outcome.request)).not.toBe(key);
    expect(idempotencyKeyFor("V0001", { ...outcome.request, summary: "Other" })).not.toBe(key);
    expect(key).toMatch(/^[\x21-\x7e]{1,255}$/);
  });
});
