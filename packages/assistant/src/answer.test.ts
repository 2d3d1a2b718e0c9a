import { describe, expect, it } from "vitest";
import { type AnswerEvent, type AnswerFacts, periodPhrase, writeAnswer } from "./answer.js";
import { interpret } from "./interpret.js";

const TODAY = "2026-11-24";
const NOW = new Date(`${TODAY}T10:00:00Z`);
const ask = (question: string) =>
  interpret(question, { now: NOW, timeZone: "UTC", cities: ["Dakar", "Vienna"] });

const dakarWorkshop: AnswerEvent = {
  id: "2027-03-dakar-workshop",
  title: "Regional workshop on border communities",
  kind: "workshop",
  startsOn: "2027-03-10",
  endsOn: "2027-03-12",
  city: "Dakar",
  country: "SN",
  online: false,
  sample: false,
};
const facts = (overrides: Partial<AnswerFacts> = {}): AnswerFacts => ({
  events: [],
  practices: [],
  requests: [],
  fallback: null,
  ...overrides,
});
const answer = (question: string, overrides: Partial<AnswerFacts> = {}) =>
  writeAnswer(ask(question), facts(overrides), { today: TODAY });

describe("writeAnswer: events", () => {
  it("counts what was found and repeats what was asked", () => {
    expect(answer("anything in the Sahel in March?", { events: [dakarWorkshop, dakarWorkshop] })).toBe(
      "2 events in the Sahel in March 2027:",
    );
  });

  it("says 'upcoming' when no period was asked", () => {
    expect(answer("what workshops are coming up?", { events: [dakarWorkshop] })).toBe("1 upcoming workshop:");
  });

  it("names the next event with its dates and place", () => {
    expect(answer("when is the next workshop in Senegal", { events: [dakarWorkshop] })).toBe(
      "The next workshop in Senegal is Regional workshop on border communities (10–12 March 2027, in Dakar, Senegal).",
    );
  });

  it("answers in French with the right gender", () => {
    const conference = { ...dakarWorkshop, kind: "conference" as const, title: "Conférence régionale" };
    expect(answer("prochaine conférence au Sénégal ?", { events: [conference] })).toBe(
      "La prochaine conférence au Sénégal : Conférence régionale (10–12 mars 2027, à Dakar, Sénégal).",
    );
    expect(answer("des conférences au Sénégal le mois prochain ?")).toMatch(
      /^Je n'ai trouvé aucune conférence au Sénégal en décembre 2026\./,
    );
  });

  it("answers in Spanish", () => {
    expect(answer("talleres en marzo", { events: [dakarWorkshop, dakarWorkshop] })).toBe(
      "2 talleres en marzo de 2027:",
    );
  });

  it("says when nothing matched and what to try instead", () => {
    expect(answer("seminars in Vienna next month")).toBe(
      "I found no seminars in Vienna in December 2026. Try a wider period or another place, or ask “what is coming up?”.",
    );
  });

  it("says what it offers instead when it widened the search", () => {
    expect(
      answer("seminars in Vienna next month", { events: [dakarWorkshop], fallback: "later_dates" }),
    ).toBe("I found no seminars in Vienna in December 2026. Here are the next ones at other dates:");
    expect(
      answer("seminars in Vienna next month", { events: [dakarWorkshop], fallback: "same_place" }),
    ).toContain("The next events in Vienna:");
    expect(
      answer("seminars in Vienna next month", { events: [dakarWorkshop], fallback: "upcoming_anywhere" }),
    ).toContain("The next events anywhere:");
    expect(answer("workshops in Djibouti", { events: [dakarWorkshop], fallback: "past_only" })).toBe(
      "I found no upcoming workshops in Djibouti. The most recent one:",
    );
    expect(answer("ateliers au Sénégal", { events: [dakarWorkshop], fallback: "past_only" })).toBe(
      "Je n'ai trouvé aucun atelier à venir au Sénégal. Le plus récent :",
    );
    expect(answer("talleres en Yibuti", { events: [dakarWorkshop], fallback: "past_only" })).toBe(
      "No encontré próximos talleres en Yibuti. El más reciente:",
    );
  });

  it("puts the French article island and city states do without", () => {
    expect(answer("ateliers à Djibouti", { events: [dakarWorkshop] })).toBe("1 atelier à venir à Djibouti :");
    expect(answer("ateliers à Madagascar", { events: [dakarWorkshop] })).toBe(
      "1 atelier à venir à Madagascar :",
    );
  });

  it("says which of the question's words no event contains, quoted as typed", () => {
    expect(answer("maritime workshops", { events: [dakarWorkshop], unmatchedWords: ["maritime"] })).toBe(
      "No event in the catalogue mentions “maritime”. 1 upcoming workshop:",
    );
    expect(
      answer("ateliers sur les armes légères", {
        events: [dakarWorkshop],
        unmatchedWords: ["armes", "légères"],
      }),
    ).toBe("Aucun événement du catalogue ne mentionne « armes légères ». 1 atelier à venir :");
    expect(answer("seguridad marítima", { unmatchedWords: ["marítima"] })).toMatch(
      /^No entendí esa pregunta\. Ningún evento del catálogo menciona «marítima»\.\n/,
    );
  });

  it("says which places were left out, in each language", () => {
    const rome = { ...dakarWorkshop, city: "Rome", country: "IT" };
    expect(answer("any workshops not in Africa?", { events: [rome] })).toBe(
      "1 upcoming workshop outside Africa:",
    );
    expect(answer("workshops except in Senegal and Mali", { events: [rome] })).toBe(
      "1 upcoming workshop outside Senegal and Mali:",
    );
    expect(answer("ateliers hors d'Afrique", { events: [rome] })).toBe("1 atelier à venir hors d'Afrique :");
    expect(answer("formations sauf au Sénégal")).toMatch(
      /^Je n'ai trouvé aucune formation hors du Sénégal\./,
    );
    expect(answer("talleres fuera de África", { events: [rome] })).toBe("1 próximo taller fuera de África:");
    expect(answer("eventos excepto en el Sahel", { events: [rome] })).toBe(
      "1 próximo evento fuera del Sahel:",
    );
    expect(answer("events in West Africa but not in Senegal", { events: [dakarWorkshop] })).toBe(
      "1 upcoming event in West Africa outside Senegal:",
    );
  });

  it("keeps the left-out places in what it offers instead", () => {
    expect(
      answer("seminars outside Dakar next month", { events: [dakarWorkshop], fallback: "upcoming_anywhere" }),
    ).toBe("I found no seminars outside Dakar in December 2026. The next events outside Dakar:");
  });

  it("names the event it counted from, or says it found none", () => {
    const rome = { ...dakarWorkshop, id: "rome", title: "Seminar in Rome", city: "Rome", country: "IT" };
    expect(answer("any events after the Dakar workshop?", { events: [rome], anchor: dakarWorkshop })).toBe(
      "1 upcoming event after Regional workshop on border communities (10–12 March 2027, in Dakar, Senegal):",
    );
    expect(answer("événements avant l'atelier de Dakar", { events: [rome], anchor: dakarWorkshop })).toBe(
      "1 événement à venir avant Regional workshop on border communities (10–12 mars 2027, à Dakar, Sénégal) :",
    );
    expect(answer("any events after the Vienna workshop?", { events: [rome] })).toBe(
      "I found no workshop in Vienna to count from. 1 upcoming event:",
    );
    expect(answer("ateliers après celui de Vienne", { events: [rome] })).toMatch(
      /^Je n'ai trouvé aucun atelier à Vienne à partir duquel compter\./,
    );
  });

  it("says when there are more than it lists", () => {
    expect(answer("what is coming up?", { events: [dakarWorkshop, dakarWorkshop], hasMore: true })).toBe(
      "More than 2 upcoming events; the first 2:",
    );
    expect(answer("conférences à venir", { events: [dakarWorkshop, dakarWorkshop], hasMore: true })).toBe(
      "Plus de 2 conférences à venir ; voici les 2 premières :",
    );
  });

  it("says 'until' for what is left of this week", () => {
    expect(answer("anything this week?", { events: [dakarWorkshop] })).toBe(
      "1 event until 29 November 2026:",
    );
  });

  it("puts 'online' before the noun in English and after it in French and Spanish", () => {
    expect(answer("online seminars coming up", { events: [dakarWorkshop] })).toBe(
      "1 upcoming online seminar:",
    );
    expect(answer("séminaires en ligne", { events: [dakarWorkshop] })).toBe("1 séminaire en ligne à venir :");
  });

  it("writes city names in the answer's language", () => {
    expect(answer("séminaires à Vienne", { events: [] })).toMatch(
      /^Je n'ai trouvé aucun séminaire à Vienne\./,
    );
    expect(answer("seminarios en Viena", { events: [] })).toMatch(/^No encontré seminarios en Viena\./);
  });

  it("lists past events most recent first", () => {
    expect(answer("which workshops were held in 2016", { events: [dakarWorkshop, dakarWorkshop] })).toBe(
      "2 past workshops in 2016, most recent first:",
    );
  });

  it("warns when an event shown comes from the sample programme", () => {
    expect(answer("what is coming up?", { events: [{ ...dakarWorkshop, sample: true }] })).toContain(
      "Events marked as sample come from the sample programme",
    );
  });
});

describe("writeAnswer: practices, requests, help", () => {
  it("counts the good practices found on a theme", () => {
    expect(answer("good practices on community engagement?", { practices: [{ id: "p", title: "P" }] })).toBe(
      "1 good practice on community engagement:",
    );
    expect(answer("bonnes pratiques sur la biométrie", { practices: [{ id: "p", title: "P" }] })).toBe(
      "1 bonne pratique en matière de biométrie :",
    );
    expect(
      answer("bonnes pratiques sur l'engagement communautaire", { practices: [{ id: "p", title: "P" }] }),
    ).toBe("1 bonne pratique en matière d'engagement communautaire :");
  });

  it("says what the initiative is, in the question's language", () => {
    expect(answer("what is BSI?")).toMatch(
      /^The Border Security Initiative \(BSI\) is run by the UN Counter-Terrorism Centre/,
    );
    expect(answer("qu'est-ce que la BSI ?")).toMatch(/^L'Initiative pour la sécurité des frontières \(BSI\)/);
    expect(answer("¿qué es la BSI?")).toMatch(/^La Iniciativa de Seguridad Fronteriza \(BSI\)/);
  });

  it("says a question about the weather is outside what the desk knows, in its language", () => {
    expect(answer("what is the weather in Geneva?")).toMatch(/^That is outside what BSI Desk knows/);
    expect(answer("quel temps fait-il à Dakar ?")).toMatch(/^Cela sort de ce que sait BSI Desk/);
    expect(answer("¿qué tiempo hace en Rabat?")).toMatch(/^Eso queda fuera de lo que sabe BSI Desk/);
  });

  it("lists the themes covered when no practice matches", () => {
    expect(answer("good practices on demarcation")).toContain("The good practices cover:");
  });

  it("gives a request's status in words", () => {
    const text = answer("status of BSI-2026-0042", {
      requestAccess: "granted",
      requests: [
        {
          reference: "BSI-2026-0042",
          status: "under_review",
          summary: "Training for Niamey airport",
          updatedAt: "2026-11-03T09:00:00Z",
        },
      ],
    });
    expect(text).toBe(
      "BSI-2026-0042 (“Training for Niamey airport”) is under review, last updated on 3 November 2026.",
    );
  });

  it("says which scope a status look-up needs", () => {
    expect(answer("status of BSI-2026-0042", { requestAccess: "forbidden" })).toContain("requests:read");
  });

  it("says when the requests service is not there", () => {
    expect(answer("status of BSI-2026-0042", { requestAccess: "unavailable" })).toContain("requests service");
  });

  it("says when no request has the reference", () => {
    expect(answer("status of BSI-2026-0099", { requestAccess: "granted" })).toBe(
      "I found no request BSI-2026-0099. Check the reference: it looks like BSI-2026-0042.",
    );
  });

  it("asks for the reference when there is none", () => {
    expect(answer("where is my request?")).toContain("Give me its reference");
  });

  it("tells how to file a request", () => {
    expect(answer("how do I request technical assistance?")).toContain("/bsi request");
  });

  it("answers a question it does not understand with what it can answer", () => {
    expect(answer("zzzz qwerty")).toContain("Here is what I can answer:");
    expect(answer("¿blablá?")).toContain("Esto es lo que puedo responder:");
    expect(answer("ما هي ورش العمل القادمة؟")).toContain("English, French or Spanish");
  });

  it("explains our HTTP API when asked about 'the API'", () => {
    expect(answer("how do I get an API key")).toContain("/docs");
  });
});

describe("periodPhrase", () => {
  it.each([
    [{ from: "2027-03-01", to: "2027-03-31" }, "en", "in March 2027"],
    [{ from: "2027-01-01", to: "2027-12-31" }, "en", "in 2027"],
    [{ from: "2027-01-01", to: "2027-03-31" }, "en", "in Q1 2027"],
    [{ from: "2027-01-01", to: "2027-03-31" }, "fr", "au 1er trimestre 2027"],
    [{ from: TODAY, to: "2026-12-31" }, "en", "until 31 December 2026"],
    [{ from: "2027-05-03", to: "2027-05-10" }, "es", "del 3 de mayo de 2027 al 10 de mayo de 2027"],
    [{ from: "2027-05-03", to: "2027-05-03" }, "fr", "le 3 mai 2027"],
    [{ from: "2027-06-01", to: "2027-08-31" }, "en", "from June to August 2027"],
    [{ from: "2027-06-01", to: "2027-08-31" }, "es", "de junio a agosto de 2027"],
  ] as const)("writes %j in %s as %j", (range, language, expected) => {
    expect(periodPhrase(range, language, TODAY)).toBe(expected);
  });
});
