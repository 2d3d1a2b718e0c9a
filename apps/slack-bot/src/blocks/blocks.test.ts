import type { Event } from "@bsi/domain";
import { describe, expect, it } from "vitest";
import { validateBlocks } from "../test/block-kit-checks.js";
import { makeEvent, makePractice, makeRequest } from "../test/fixtures.js";
import { renderAnswer } from "./answer.js";
import { calendarUrl, renderEventCard } from "./event-card.js";
import { renderHelp } from "./help.js";
import { renderHome } from "./home.js";
import { ACTION_IDS } from "./ids.js";
import { renderPracticeCard } from "./practice-card.js";
import type { KnownBlock } from "./types.js";

const apiUrl = "http://127.0.0.1:8787";

function allText(blocks: readonly KnownBlock[]): string {
  return JSON.stringify(blocks);
}

function sectionText(block: KnownBlock | undefined): string {
  return block?.type === "section" ? (block.text?.text ?? "") : "";
}

function contextTexts(block: KnownBlock | undefined): string[] {
  if (block?.type !== "context") return [];
  return block.elements.map((element) => ("text" in element ? element.text : ""));
}

function buttonTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === "actions"
      ? block.elements.map((element) => (element.type === "button" ? element.text.text : ""))
      : [],
  );
}

describe("event card", () => {
  it("shows title, kind, dates with weekdays, place, organizers, partners, themes, registration and a calendar link", () => {
    expect(renderEventCard(makeEvent(), { apiUrl })).toMatchSnapshot();
  });

  it("marks sample events visibly", () => {
    const text = allText(renderEventCard(makeEvent({ sample: true }), { apiUrl }));
    expect(text).toContain("*Sample*");
    expect(allText(renderEventCard(makeEvent({ sample: false }), { apiUrl }))).not.toContain("Sample");
  });

  it("links to the event's iCalendar file on the API", () => {
    const [section] = renderEventCard(makeEvent({ id: "2015-09-vienna-experts-seminar" }), { apiUrl });
    expect(section).toMatchObject({
      accessory: { url: "http://127.0.0.1:8787/v1/events/2015-09-vienna-experts-seminar.ics" },
    });
    expect(calendarUrl(apiUrl, "a b")).toBe("http://127.0.0.1:8787/v1/events/a%20b.ics");
  });

  it("escapes a hostile title so it cannot ping the channel", () => {
    const text = allText(
      renderEventCard(makeEvent({ title: "<!channel> free lunch & <@U0BOB>" }), { apiUrl }),
    );
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U0BOB>");
    expect(text).toContain("&lt;!channel&gt; free lunch &amp; &lt;@U0BOB&gt;");
  });

  it("stays within the section limit for the longest allowed fields, even when escaping multiplies them", () => {
    const event = makeEvent({
      title: "&".repeat(200),
      summary: "<".repeat(2000),
      city: ">".repeat(100),
      organizers: Array.from({ length: 20 }, () => "&".repeat(120)),
      partners: Array.from({ length: 50 }, () => "<".repeat(120)),
    });
    for (const language of ["en", "fr", "es"] as const) {
      expect(validateBlocks(renderEventCard(event, { apiUrl, language }), 50)).toEqual([]);
    }
  });

  it("says when an event is cancelled", () => {
    expect(allText(renderEventCard(makeEvent({ status: "cancelled" }), { apiUrl }))).toContain("*Cancelled*");
  });

  it("names at most three organizers in a short line and says how many more there are", () => {
    const organizers = Array.from({ length: 20 }, (_, index) => `Organizer ${index} ${"y".repeat(100)}`);
    const [section] = renderEventCard(makeEvent({ organizers }), { apiUrl });
    const line = sectionText(section)
      .split("\n")
      .find((text) => text.startsWith("Organised by "));
    expect(line).toMatch(/^Organised by Organizer 0 y+, Organizer 1 y+, Organizer 2[ y]*… and 17 more$/);
    expect(line?.length).toBeLessThanOrEqual(300);
    expect(sectionText(renderEventCard(makeEvent({ organizers: [] }), { apiUrl })[0])).not.toContain(
      "Organised by",
    );
  });

  it("names the partners on their own line after the organizers, at most three, and none when there are none", () => {
    const lines = (event: Partial<Event>) =>
      sectionText(renderEventCard(makeEvent(event), { apiUrl })[0]).split("\n");
    expect(lines({ organizers: ["UNCCT", "GCTF"], partners: ["IOM", "ICAO"] }).slice(3, 5)).toEqual([
      "Organised by UNCCT, GCTF",
      "In partnership with IOM, ICAO",
    ]);
    expect(lines({ organizers: [], partners: ["INTERPOL"] })[3]).toBe("In partnership with INTERPOL");
    const many = Array.from({ length: 50 }, (_, index) => `Partner ${index} ${"z".repeat(100)}`);
    const line = lines({ partners: many }).find((text) => text.startsWith("In partnership with "));
    expect(line).toMatch(/^In partnership with Partner 0 z+, Partner 1 z+, Partner 2[ z]*… and 47 more$/);
    expect(line?.length).toBeLessThanOrEqual(300);
    expect(lines({ partners: ["<!channel>"] })).toContain("In partnership with &lt;!channel&gt;");
    expect(lines({ partners: [] }).join("\n")).not.toContain("In partnership with");
  });
});

describe("event card in the answer's language", () => {
  it("writes a French card: kind, dates, place, organizers, partners, button, sample mark, themes and registration", () => {
    const event = makeEvent({
      kind: "workshop",
      startsOn: "2026-12-19",
      endsOn: "2026-12-20",
      city: "Niamey",
      country: "NE",
      organizers: ["UNOCT/UNCCT", "GCTF"],
      partners: ["OIM"],
      themes: ["community-engagement", "cross-border-cooperation"],
      registration: { status: "open", deadline: "2026-12-09" },
      sample: true,
    });
    const blocks = renderEventCard(event, { apiUrl, language: "fr" });
    expect(sectionText(blocks[0])).toBe(
      [
        "*Regional workshop on API and PNR*",
        "Atelier · samedi 19 – dimanche 20 décembre 2026",
        "Niamey, Niger",
        "Organisé par UNOCT/UNCCT, GCTF",
        "En partenariat avec OIM",
        "Practitioners from West Africa compare how they use advance passenger information.",
      ].join("\n"),
    );
    expect(blocks[0]).toMatchObject({ accessory: { text: { text: "Ajouter au calendrier" } } });
    expect(contextTexts(blocks[1])).toEqual([
      "*Exemple* — données d'illustration, pas un enregistrement réel de la BSI",
      "Thèmes : Engagement communautaire, Coopération transfrontalière",
      "Inscriptions ouvertes jusqu'au mercredi 9 décembre 2026",
    ]);
  });

  it("writes a Spanish card, agreeing with a feminine kind and shortening long lists of organizers and partners", () => {
    const event = makeEvent({
      kind: "conference",
      status: "postponed",
      startsOn: "2026-09-28",
      endsOn: "2026-10-02",
      city: "Madrid",
      country: "ES",
      online: true,
      organizers: ["UNCCT", "GCTF", "INTERPOL", "IOM", "OSCE"],
      partners: ["OIM", "ONUDD", "OSCE", "UE"],
      themes: ["biometrics"],
      registration: { status: "closed", deadline: null },
    });
    const blocks = renderEventCard(event, { apiUrl, language: "es" });
    expect(sectionText(blocks[0])).toBe(
      [
        "*Regional workshop on API and PNR* — *Aplazada*",
        "Conferencia · lunes, 28 de septiembre – viernes, 2 de octubre de 2026",
        "Madrid, España y en línea",
        "Organizada por UNCCT, GCTF, INTERPOL y 2 más",
        "En colaboración con OIM, ONUDD, OSCE y 1 más",
        "Practitioners from West Africa compare how they use advance passenger information.",
      ].join("\n"),
    );
    expect(blocks[0]).toMatchObject({ accessory: { text: { text: "Añadir al calendario" } } });
    expect(contextTexts(blocks[1])).toEqual(["Temas: Biometría", "Inscripción cerrada"]);
  });
});

describe("practice card", () => {
  it("shows title, summary, themes and references", () => {
    expect(renderPracticeCard(makePractice({ sample: true }))).toMatchSnapshot();
  });

  it("writes its sample mark, themes and references in French and Spanish", () => {
    const practice = makePractice({ sample: true, references: ["A", "B", "C", "D", "E"] });
    expect(contextTexts(renderPracticeCard(practice, { language: "fr" })[1])).toEqual([
      "*Exemple* — données d'illustration, pas un enregistrement réel de la BSI",
      "Thèmes : Coopération transfrontalière",
      "Références : A; B; C et 2 autres",
    ]);
    expect(contextTexts(renderPracticeCard(practice, { language: "es" })[1])).toEqual([
      "*Ejemplo* — datos ilustrativos, no un registro real de la BSI",
      "Temas: Cooperación transfronteriza",
      "Referencias: A; B; C y 2 más",
    ]);
  });
});

describe("answers", () => {
  const manyEvents = Array.from({ length: 100 }, (_, index) =>
    renderEventCard(makeEvent({ id: `event-${index}`, title: `Event ${index}` }), { apiUrl }),
  );

  it("keeps a long answer within 50 blocks and offers Show more instead of dropping the rest", () => {
    const { message, nextOffset } = renderAnswer({
      lead: "Here are 100 events.",
      units: manyEvents,
      more: { kind: "offset", value: (offset) => `offset:${offset}` },
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(validateBlocks(message.blocks, 50)).toEqual([]);
    expect(nextOffset).toBeGreaterThan(0);
    const actions = message.blocks.at(-1);
    expect(actions).toMatchObject({
      type: "actions",
      elements: [{ action_id: ACTION_IDS.showMore, value: `offset:${nextOffset}` }],
    });
  });

  it("pages through every unit exactly once", () => {
    const seen: string[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = renderAnswer({ units: manyEvents, offset, more: { kind: "offset", value: String } });
      for (const block of page.message.blocks) {
        const match = /\*Event (\d+)\*/.exec(JSON.stringify(block));
        if (match?.[1]) seen.push(match[1]);
      }
      offset = page.nextOffset;
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, index) => String(index)));
  });

  it("splits a lead longer than a section allows into several sections rather than cutting it", () => {
    const lead = "word ".repeat(2000).trim();
    const { message } = renderAnswer({ lead, units: [] });
    expect(validateBlocks(message.blocks, 50)).toEqual([]);
    const shown = message.blocks
      .map((block) => (block.type === "section" ? (block.text?.text ?? "") : ""))
      .join(" ");
    expect(shown.split(/\s+/).filter(Boolean)).toHaveLength(2000);
  });

  it("offers Share in channel only when asked to, and credits who shared", () => {
    const privateReply = renderAnswer({ lead: "x", units: [], share: '{"kind":"next"}' }).message;
    expect(allText(privateReply.blocks)).toContain(ACTION_IDS.share);
    const shared = renderAnswer({ lead: "x", units: [], sharedBy: "U0ALICE" }).message;
    expect(allText(shared.blocks)).not.toContain(ACTION_IDS.share);
    expect(allText(shared.blocks)).toContain("Shared by <@U0ALICE>");
  });

  it("labels its buttons and the lines around the cards in the answer's language", () => {
    const french = renderAnswer({
      lead: "Voici les ateliers.",
      units: manyEvents,
      offset: 6,
      language: "fr",
      more: { kind: "offset", value: String },
      share: "{}",
      sharedBy: "U0ALICE",
    }).message;
    expect(buttonTexts(french.blocks)).toEqual(["Voir plus", "Partager dans le canal"]);
    expect(allText(french.blocks)).toContain("Suite — à partir du résultat 7");
    expect(allText(french.blocks)).toContain("Partagé par <@U0ALICE>");
    expect(french.text).toBe("Autres résultats — Voici les ateliers.");
    const spanish = renderAnswer({
      lead: "x",
      units: manyEvents,
      language: "es",
      more: { kind: "offset", value: String },
      share: "{}",
    }).message;
    expect(buttonTexts(spanish.blocks)).toEqual(["Ver más", "Compartir en el canal"]);
  });

  it("puts a note under the lead, or under the line saying nothing was found", () => {
    const card = renderEventCard(makeEvent(), { apiUrl });
    const found = renderAnswer({
      lead: "Events:",
      note: "To leave out <x>, give a word too.",
      units: [card],
    }).message;
    expect(sectionText(found.blocks[0])).toBe("Events:");
    expect(contextTexts(found.blocks[1])).toEqual(["To leave out &lt;x&gt;, give a word too."]);
    const none = renderAnswer({
      empty: "Nothing matches.",
      note: "To leave out x, give a word too.",
      units: [],
    }).message;
    expect(sectionText(none.blocks[0])).toBe("Nothing matches.");
    expect(contextTexts(none.blocks[1])).toEqual(["To leave out x, give a word too."]);
    const later = renderAnswer({
      note: "To leave out x, give a word too.",
      units: [card, card],
      offset: 1,
    }).message;
    expect(JSON.stringify(later.blocks)).not.toContain("leave out x");
  });

  it("never credits something that is not a user id", () => {
    const shared = renderAnswer({ lead: "x", units: [], sharedBy: "<!channel>" }).message;
    expect(allText(shared.blocks)).not.toContain("<!channel>");
  });

  it("escapes the lead and the notification text", () => {
    const { message } = renderAnswer({ lead: "<!here> hello", units: [] });
    expect(message.text).toBe("&lt;!here&gt; hello");
    expect(allText(message.blocks)).not.toContain("<!here>");
  });
});

describe("help", () => {
  it("lists every subcommand", () => {
    const text = allText(renderHelp().blocks);
    for (const name of ["help", "events", "next", "practices", "status", "request"]) {
      expect(text).toContain(`/bsi ${name}`);
    }
  });
});

describe("home", () => {
  it("fits the view limits with every part full", () => {
    const blocks = renderHome({
      apiUrl,
      events: {
        state: "ok",
        items: Array.from({ length: 6 }, (_, index) => makeEvent({ id: `e-${index}` })),
      },
      theme: "api-pnr",
      practices: {
        state: "ok",
        items: Array.from({ length: 6 }, (_, index) => makePractice({ id: `p-${index}` })),
      },
      requests: {
        state: "ok",
        items: Array.from({ length: 10 }, (_, index) =>
          makeRequest({ reference: `BSI-2026-${1000 + index}` }),
        ),
      },
    });
    expect(validateBlocks(blocks, 100)).toEqual([]);
    expect(allText(blocks)).toContain("BSI-2026-1009");
  });

  it("says plainly which part could not be loaded", () => {
    const text = allText(
      renderHome({
        apiUrl,
        events: { state: "unavailable" },
        theme: undefined,
        practices: { state: "ok", items: [] },
        requests: { state: "not_ready" },
      }),
    );
    expect(text).toContain("can't reach its catalogue");
    expect(text).toContain("Your requests can't be listed yet");
  });
});
