import { ALLOWED_TRANSITIONS, REQUEST_LIMITS, REQUEST_STATUSES, type RequestStatus } from "@bsi/domain";
import { describe, expect, it } from "vitest";
import { validateBlocks, validateView } from "../test/block-kit-checks.js";
import { makeEvent, makeRequest } from "../test/fixtures.js";
import { readableText } from "../test/messages.js";
import { FORM_BLOCK_IDS, moveActionId } from "./ids.js";
import { renderRequestCard } from "./request-card.js";
import { buildDeclineForm, buildFiledView, buildRequestForm, decodeFormMetadata } from "./request-form.js";
import { renderMoveNotice, renderReceipt, renderRequestFailure } from "./request-notice.js";
import { countryOptions, eventOptions } from "./request-options.js";
import { REQUEST_WORDS } from "./request-words.js";
import { decodeMoveValue, renderTriageCard } from "./triage-card.js";
import type { Language } from "./words.js";

function actionIds(blocks: unknown): string[] {
  return [...JSON.stringify(blocks).matchAll(/"action_id":"([^"]+)"/g)].map((match) => match[1] ?? "");
}

describe("request form", () => {
  it("carries the domain's limits as max_length and hints", () => {
    const form = buildRequestForm({ metadata: {} });
    const input = (blockId: string) =>
      form.blocks.find((block) => block.block_id === blockId) as unknown as {
        element: { max_length?: number };
        hint?: { text: string };
      };
    expect(input(FORM_BLOCK_IDS.summary).element.max_length).toBe(REQUEST_LIMITS.summary);
    expect(input(FORM_BLOCK_IDS.summary).hint?.text).toContain("150");
    expect(input(FORM_BLOCK_IDS.details).element.max_length).toBe(REQUEST_LIMITS.detailsInSlack);
    expect(input(FORM_BLOCK_IDS.details).hint?.text).toContain("3,000");
    expect(input(FORM_BLOCK_IDS.agency).element.max_length).toBe(REQUEST_LIMITS.agency);
  });

  it("stays within Slack's limits however long the prefilled text is", () => {
    const form = buildRequestForm({
      summary: "s".repeat(400),
      details: "d".repeat(5000),
      email: "someone@example.org",
      metadata: {
        name: "N".repeat(5000),
        permalink: "https://x.slack.com/archives/C1/p1",
        source: { channel: "C1", ts: "1.2" },
      },
    });
    expect(validateView(form, "modal")).toEqual([]);
    expect(decodeFormMetadata(form.private_metadata)).toEqual({ source: { channel: "C1", ts: "1.2" } });
    expect(validateView(buildDeclineForm({ reference: "BSI-2026-0001", card: undefined }), "modal")).toEqual(
      [],
    );
    expect(
      validateView(
        buildFiledView(makeRequest({ summary: "&".repeat(150) }), { hasTriageChannel: true }),
        "modal",
      ),
    ).toEqual([]);
  });

  it("offers every country by English or French name, at most 100 at a time", () => {
    expect(countryOptions("allemagne")[0]).toEqual({
      text: { type: "plain_text", text: "Germany (Allemagne)" },
      value: "DE",
    });
    expect(countryOptions("Sénégal")[0]?.value).toBe("SN");
    expect(countryOptions("sn")[0]?.value).toBe("SN");
    expect(countryOptions("a").length).toBe(100);
    for (const option of countryOptions("")) expect(option.text.text.length).toBeLessThanOrEqual(75);
  });

  it("lists events by date and title within an option's 75 characters", () => {
    const [option] = eventOptions([makeEvent({ title: "A very long title ".repeat(10) })]);
    expect(option?.value).toBe("2026-09-dakar-api-pnr-workshop");
    expect(option?.text.text.startsWith("14 Sep 2026 · A very long title")).toBe(true);
    expect(option?.text.text.length).toBeLessThanOrEqual(75);
  });
});

describe("triage card", () => {
  it.each(REQUEST_STATUSES.map((status) => [status]))(
    "offers only the legal triage moves from %s",
    (status) => {
      const card = renderTriageCard(makeRequest({ status: status as RequestStatus, history: [] }));
      const offered = actionIds(card.blocks);
      const legal = ALLOWED_TRANSITIONS[status as RequestStatus].filter((to) => to !== "withdrawn");
      expect(offered.sort()).toEqual(legal.map(moveActionId).sort());
      expect(card.metadata).toEqual({
        event_type: "bsi_request_card",
        event_payload: { reference: "BSI-2026-0042", status, version: 0 },
      });
    },
  );

  it("shows the history, and mentions Slack actors only when asked (edits)", () => {
    const request = makeRequest({
      status: "under_review",
      history: [
        { at: "2026-02-02T10:00:00.000Z", actor: "U0ALICE", from: null, to: "submitted", note: null },
        {
          at: "2026-02-03T09:30:00.000Z",
          actor: "U0TRIAGER",
          from: "submitted",
          to: "under_review",
          note: "Looking <!channel>",
        },
      ],
    });
    const posted = JSON.stringify(renderTriageCard(request).blocks);
    expect(posted).toContain("Filed (Submitted) by the requester");
    expect(posted).toContain("Tuesday 3 February 2026, 09:30 UTC");
    expect(posted).toContain("by `U0TRIAGER`");
    expect(posted).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(renderTriageCard(request, { mentions: true }).blocks)).toContain("by <@U0TRIAGER>");
  });

  it("shows a decline's reason whole, however long the API allows it to be", () => {
    const reason = `${"The seminar is full and the next one is in March. ".repeat(19)}End of the reason.`;
    expect(reason.length).toBeLessThanOrEqual(REQUEST_LIMITS.note);
    const request = makeRequest({
      status: "declined",
      history: [
        { at: "2026-02-02T10:00:00.000Z", actor: "U0ALICE", from: null, to: "submitted", note: null },
        {
          at: "2026-02-03T10:00:00.000Z",
          actor: "U0TRIAGER",
          from: "submitted",
          to: "declined",
          note: reason,
        },
      ],
    });
    const card = renderTriageCard(request);
    expect(readableText(card as never)).toContain(`“${reason}”`);
    expect(validateBlocks(card.blocks, 50)).toEqual([]);
    const notice = renderMoveNotice(request, {
      from: "submitted",
      to: "declined",
      actor: "U0TRIAGER",
      note: reason,
    });
    expect(readableText(notice as never)).toContain(`*Reason*: ${reason}`);
  });

  it("stays within Slack's limits with the longest fields the API allows", () => {
    const request = makeRequest({
      summary: "<".repeat(REQUEST_LIMITS.summary),
      details: "&".repeat(REQUEST_LIMITS.details),
      agency: ">".repeat(REQUEST_LIMITS.agency),
      history: Array.from({ length: 30 }, (_, index) => ({
        at: "2026-02-02T10:00:00.000Z",
        actor: "x".repeat(200),
        from: "submitted" as const,
        to: "under_review" as const,
        note: `${index}${"&".repeat(REQUEST_LIMITS.note)}`,
      })),
    });
    expect(validateBlocks(renderTriageCard(request).blocks, 50)).toEqual([]);
    expect(
      validateBlocks(
        renderMoveNotice(request, { from: "submitted", to: "declined", actor: "U0T", note: "&".repeat(1000) })
          .blocks,
        50,
      ),
    ).toEqual([]);
  });

  it("never shows the requester's email, and says where triagers find it", () => {
    const request = makeRequest({
      status: "under_review",
      requester: { ...makeRequest().requester, organization: "Ministry of the Interior" },
      history: [
        {
          at: "2026-02-02T10:00:00.000Z",
          actor: "alice@example.org",
          from: null,
          to: "submitted",
          note: null,
        },
        {
          at: "2026-02-03T09:30:00.000Z",
          actor: "U0TRIAGER",
          from: "submitted",
          to: "under_review",
          note: null,
        },
      ],
    });
    for (const card of [renderTriageCard(request), renderTriageCard(request, { mentions: true })]) {
      expect(JSON.stringify(card)).not.toContain("alice@example.org");
      const text = readableText(card as never);
      expect(text).toContain("Alice Ndiaye · Ministry of the Interior");
      expect(text).toContain("Filed (Submitted) by the requester");
      expect(text).toContain("Triagers see them privately with `/bsi status BSI-2026-0042`");
    }
    const noEmail = makeRequest({ requester: { ...makeRequest().requester, email: null } });
    expect(readableText(renderTriageCard(noEmail) as never)).not.toContain("/bsi status");
  });

  it("reads only well-formed button values", () => {
    expect(decodeMoveValue('{"reference":"BSI-2026-0001","to":"accepted"}')).toEqual({
      reference: "BSI-2026-0001",
      to: "accepted",
    });
    expect(decodeMoveValue('{"reference":"BSI-2026-0001","to":"deleted"}')).toBeUndefined();
    expect(decodeMoveValue("not json")).toBeUndefined();
  });
});

describe("requester notices", () => {
  it("offers Withdraw only while the lifecycle allows it", () => {
    expect(actionIds(renderReceipt(makeRequest({ status: "submitted" })).blocks)).toEqual([
      "request.withdraw",
    ]);
    const completed = makeRequest({ status: "completed" });
    expect(
      actionIds(
        renderMoveNotice(completed, { from: "in_progress", to: "completed", actor: "U0T", note: null })
          .blocks,
      ),
    ).toEqual([]);
  });

  it("gives a decline's reason, and says 'You withdrew' to a requester who withdrew", () => {
    const declined = renderMoveNotice(makeRequest({ status: "declined" }), {
      from: "under_review",
      to: "declined",
      actor: "U0TRIAGER",
      note: "Out of scope",
    });
    expect(declined.text).toBe("BSI-2026-0042 is now Declined — Out of scope");
    expect(JSON.stringify(declined.blocks)).toContain("*Reason*: Out of scope");
    const withdrawn = renderMoveNotice(makeRequest({ status: "withdrawn" }), {
      from: "submitted",
      to: "withdrawn",
      actor: "U0ALICE",
      note: null,
    });
    expect(JSON.stringify(withdrawn.blocks)).toContain("You withdrew *BSI-2026-0042*");
  });
});

describe("a request's card in /bsi status", () => {
  it("shows the last five moves with their notes whole, and says how many earlier ones there are", () => {
    const statuses: RequestStatus[] = ["submitted", "under_review", "accepted", "in_progress", "completed"];
    const history = Array.from({ length: 7 }, (_, index) => ({
      at: `2026-02-0${index + 1}T10:00:00.000Z`,
      actor: "U0TRIAGER",
      from: index === 0 ? null : (statuses[(index - 1) % 5] ?? null),
      to: statuses[index % 5] ?? "submitted",
      note: `Note ${index + 1}: ${"a careful explanation of the step ".repeat(28)}`.trim(),
    }));
    const blocks = renderRequestCard(makeRequest({ history }), { withHistory: true });
    const text = readableText({ blocks } as never);
    expect(text).toContain("… and 2 earlier");
    expect(text).not.toContain("Note 2:");
    for (const entry of history.slice(2)) expect(text).toContain(entry.note);
    expect(validateBlocks(blocks, 50)).toEqual([]);
  });

  it("names the requester and their email only when asked (a triager's private reply)", () => {
    const request = makeRequest();
    expect(readableText({ blocks: renderRequestCard(request, { withHistory: true }) })).not.toContain(
      "alice@example.org",
    );
    const blocks = renderRequestCard(request, { withHistory: true, withRequester: true });
    expect(readableText({ blocks })).toContain("Requester: Alice Ndiaye · alice@example.org");
    const long = makeRequest({
      requester: { ...request.requester, name: "&".repeat(200), organization: "<".repeat(200) },
    });
    expect(validateBlocks(renderRequestCard(long, { withRequester: true }), 50)).toEqual([]);
  });
});

describe("in the requester's language", () => {
  const longForm = (language: Language) =>
    buildRequestForm({
      summary: "é".repeat(400),
      details: "<".repeat(5000),
      email: "someone@example.org",
      metadata: {
        name: "N".repeat(100),
        permalink: "https://x.slack.com/archives/C1/p1",
        source: { channel: "C1", ts: "1.2" },
        language,
      },
    });

  it("writes the form in French, with the themes, priorities and numbers as French readers write them", () => {
    const form = longForm("fr");
    expect(form.title).toMatchObject({ text: "Déposer une demande BSI" });
    expect(form.submit).toMatchObject({ text: "Envoyer" });
    const text = JSON.stringify(form.blocks);
    for (const words of ["Type de demande", "État Membre", "Assistance technique", "Biométrie", "Normale"])
      expect(text).toContain(words);
    expect(text).toContain("3\u202f000 caractères au plus.");
    expect(text).toContain("Déposée depuis <https://x.slack.com/archives/C1/p1|un message Slack>");
    for (const english of ["Type of request", "Technical assistance", "Biometrics", "Contact email"])
      expect(text).not.toContain(english);
    expect(decodeFormMetadata(form.private_metadata).language).toBe("fr");
  });

  it.each([["en"], ["fr"], ["es"]] as const)(
    "keeps Slack's limits in every surface a requester sees (%s)",
    (language) => {
      expect(validateView(longForm(language), "modal")).toEqual([]);
      const request = makeRequest({
        summary: "<".repeat(REQUEST_LIMITS.summary),
        requester: { ...makeRequest().requester, name: "&".repeat(200), organization: "<".repeat(200) },
        history: Array.from({ length: 30 }, (_, index) => ({
          at: "2026-02-02T10:00:00.000Z",
          actor: "U0TRIAGER",
          from: "submitted" as const,
          to: "under_review" as const,
          note: `${index}${"&".repeat(REQUEST_LIMITS.note)}`,
        })),
      });
      expect(validateView(buildFiledView(request, { hasTriageChannel: true, language }), "modal")).toEqual(
        [],
      );
      expect(validateBlocks(renderReceipt(request, language).blocks, 50)).toEqual([]);
      const decline = {
        from: "submitted" as const,
        to: "declined" as const,
        actor: "U0T",
        note: "&".repeat(1000),
      };
      expect(validateBlocks(renderMoveNotice(request, decline, language).blocks, 50)).toEqual([]);
      const card = renderRequestCard(request, { withHistory: true, withRequester: true, language });
      expect(validateBlocks(card, 50)).toEqual([]);
      const failure = renderRequestFailure(
        REQUEST_WORDS[language].couldNotOpenForm.command,
        language,
        "x".repeat(5000),
      );
      expect(validateBlocks(failure.blocks, 50)).toEqual([]);
      for (const words of Object.values(REQUEST_WORDS[language].form)) {
        if (typeof words === "string") expect(words.length).toBeLessThanOrEqual(2000);
      }
      expect(REQUEST_WORDS[language].form.title.length).toBeLessThanOrEqual(24);
      expect(REQUEST_WORDS[language].filed.title.length).toBeLessThanOrEqual(24);
    },
  );

  it("confirms, receipts and tells of moves in Spanish", () => {
    const request = makeRequest({ status: "declined" });
    const filed = buildFiledView(request, { hasTriageChannel: true, language: "es" });
    expect(filed.title).toMatchObject({ text: "Solicitud presentada" });
    expect(readableText(filed as never)).toContain(
      "Su solicitud se ha presentado con la referencia *BSI-2026-0042*.",
    );
    expect(readableText(renderReceipt(makeRequest({ status: "submitted" }), "es") as never)).toContain(
      "(Presentada)",
    );
    const notice = renderMoveNotice(
      request,
      { from: "under_review", to: "declined", actor: "U0TRIAGER", note: "Fuera de alcance" },
      "es",
    );
    expect(notice.text).toBe("BSI-2026-0042 está ahora Rechazada — Fuera de alcance");
    const text = readableText(notice as never);
    expect(text).toContain("*BSI-2026-0042* está ahora *Rechazada*. El equipo de la BSI la rechazó.");
    expect(text).toContain("*Motivo*: Fuera de alcance");
    expect(text).not.toContain("is now");
  });

  it("shows a request's card in French: status, type, Member State and dates", () => {
    const request = makeRequest({
      history: [
        { at: "2026-02-02T10:00:00.000Z", actor: "U0ALICE", from: null, to: "submitted", note: null },
        {
          at: "2026-02-03T09:30:00.000Z",
          actor: "U0TRIAGER",
          from: "submitted",
          to: "under_review",
          note: "On regarde",
        },
      ],
    });
    const text = readableText({ blocks: renderRequestCard(request, { withHistory: true, language: "fr" }) });
    expect(text).toContain("*BSI-2026-0042* · En cours d'examen");
    expect(text).toContain("Assistance technique");
    expect(text).toContain("Sénégal");
    expect(text).toContain("Déposée le lundi 2 février 2026");
    expect(text).toContain("• mardi 3 février 2026 : En cours d'examen — On regarde");
  });

  it("names countries and dates in the form's type-aheads in the reader's language", () => {
    expect(countryOptions("allemagne", "fr")[0]?.text.text).toBe("Allemagne (Germany)");
    expect(countryOptions("Alemania", "es")[0]?.text.text).toBe("Alemania (Germany)");
    expect(countryOptions("Alemania")[0]?.text.text).toBe("Germany (Allemagne)");
    const [option] = eventOptions([makeEvent({ title: "Atelier" })], "fr");
    expect(option?.text.text).toBe("14 sept. 2026 · Atelier");
  });

  it("keeps the language in the form's metadata, and reads any other as English", () => {
    const form = buildRequestForm({ metadata: { name: "N".repeat(5000), language: "es" } });
    expect(decodeFormMetadata(form.private_metadata)).toEqual({ language: "es" });
    expect(decodeFormMetadata(JSON.stringify({ language: "de" })).language).toBe("en");
    expect(decodeFormMetadata(JSON.stringify({})).language).toBeUndefined();
  });
});
