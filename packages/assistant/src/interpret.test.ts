import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpret } from "./interpret.js";
import { AskQuerySchema } from "./query.js";

const NOW = new Date("2026-11-24T10:00:00Z"); // a Tuesday
const CITIES = ["Dakar", "Vienna", "Nairobi", "Rabat", "Djibouti", "El Jadida", "Cairns", "Rome"];
const ask = (question: string, now = NOW) => interpret(question, { now, timeZone: "UTC", cities: CITIES });
const filtersOf = (question: string, now = NOW) => ask(question, now).filters as Record<string, unknown>;

describe("interpret: what is asked", () => {
  it.each([
    ["what workshops are coming up?", "upcoming_events"],
    ["anything in the Sahel in March?", "find_events"],
    ["good practices on community engagement?", "practices"],
    ["when is the next study tour", "next_event"],
    ["what's the status of BSI-2026-0042", "request_status"],
    ["which workshops did we hold in Kenya in 2016", "past_events"],
    ["how do I request technical assistance for my country", "how_to_request"],
    ["what can you do?", "help"],
    ["hello", "greeting"],
    ["thanks!", "greeting"],
    ["zzzz qwerty", "unknown"],
    ["biometrics", "practices"],
    ["quels sont les prochains ateliers ?", "upcoming_events"],
    ["bonnes pratiques sur la biométrie", "practices"],
    ["¿cuándo es el próximo viaje de estudio?", "next_event"],
    ["¿en qué estado está mi solicitud BSI-2026-0007?", "request_status"],
    ["what's the deadline to register for the API PNR workshop?", "find_events"],
    ["quelle est la date limite d'inscription à l'atelier de Tunis ?", "find_events"],
    ["can I register for the workshop in Tunis?", "how_to_request"],
    ["who should attend the Niamey workshop?", "find_events"],
    ["qui peut participer à l'atelier de Niamey ?", "find_events"],
    ["¿quién puede asistir al taller de Niamey?", "find_events"],
    ["who can attend a BSI workshop and how do I apply?", "how_to_request"],
  ])("reads %j as %s", (question, intent) => {
    expect(ask(question).intent).toBe(intent);
  });

  it.each([
    "what is BSI?",
    "what does the Border Security Initiative do?",
    "tell me about the BSI",
    "qu'est-ce que la BSI ?",
    "c'est quoi l'initiative pour la sécurité des frontières ?",
    "¿qué es la BSI?",
    "what is the GCTF?",
    "Qu'est-ce que le GCTF ?",
    "¿qué es el Foro Mundial contra el Terrorismo?",
  ])("reads %j as a question about the initiative itself", (question) => {
    expect(ask(question)).toMatchObject({ intent: "help", note: "about_bsi" });
  });

  it.each([
    "what is the weather in geneva",
    "weather forecast for Nairobi next week",
    "quel temps fait-il à Dakar ?",
    "¿qué tiempo hace en Rabat?",
    "can you book my flight to Dakar?",
    "peux-tu réserver un hôtel à Niamey ?",
    "¿puedes reservar un vuelo a Rabat?",
  ])("reads %j as a question outside the desk, though it names a place", (question) => {
    expect(ask(question)).toMatchObject({ intent: "unknown", note: "off_topic", filters: { words: [] } });
  });

  it.each([
    "how can we get INTERPOL training",
    "how could our police receive training on API/PNR?",
    "how could our border police receive training",
    "how do I get expert support on biometrics",
  ])("reads %j as asking how to obtain support, which is a request", (question) => {
    expect(ask(question)).toMatchObject({ intent: "how_to_request" });
  });

  it.each([
    "how do I get to the Dakar workshop?",
    "how can I get the list of workshops in the Sahel?",
    "how can we get training dates for 2027?",
    "How can I get a place in the Nairobi workshop?",
    "How can I get the link to the webinar?",
    "How do I get the slides from the Dakar workshop?",
    "How can we get more information on the Dakar workshop?",
  ])("reads %j as a question about events, not about filing", (question) => {
    expect(ask(question).intent).not.toBe("how_to_request");
  });

  it("keeps 'how long does it take' in Spanish a question about filing, not the weather", () => {
    expect(ask("¿Qué tiempo hace falta para presentar una solicitud?")).toMatchObject({
      intent: "how_to_request",
    });
  });

  it("keeps the weather of an event an event question", () => {
    expect(ask("weather during the Dakar workshop")).toMatchObject({ intent: "find_events" });
  });

  it("reads a question about what BSI holds somewhere as a question about events", () => {
    expect(ask("what is the BSI doing in the Sahel?")).toMatchObject({
      intent: "find_events",
      filters: { regions: ["sahel"] },
    });
  });

  it("reads a status question without a reference as a status question that asks for one", () => {
    expect(ask("what is the status of my request?")).toMatchObject({
      intent: "request_status",
      filters: { reference: null },
    });
  });

  it.each(["BSI-2026-0042", "bsi 2026 42", "bsi-2026-0042", "BSI2026-0042", "status of 2026-0042 please"])(
    "finds the reference in %j and writes it the canonical way",
    (question) => {
      expect(ask(question).filters).toEqual({ reference: "BSI-2026-0042" });
    },
  );

  it("lists upcoming events from today when no date is given", () => {
    expect(filtersOf("what workshops are coming up?")).toEqual({ kinds: ["workshop"], from: "2026-11-24" });
  });

  it("asks for a single event when the question says the next one", () => {
    expect(ask("Kenya's next conference")).toMatchObject({
      intent: "next_event",
      filters: { kinds: ["conference"], countries: ["KE"], from: "2026-11-24" },
    });
  });

  it("lists several when 'next' goes with a plural", () => {
    expect(ask("next workshops in Senegal").intent).toBe("find_events");
  });
});

describe("interpret: dates", () => {
  it.each([
    ["anything next month?", "2026-12-01", "2026-12-31"],
    ["what is on this week", "2026-11-24", "2026-11-29"],
    ["events next week", "2026-11-30", "2026-12-06"],
    ["workshops in Q1 2027", "2027-01-01", "2027-03-31"],
    ["anything between 3 and 10 May", "2027-05-03", "2027-05-10"],
    ["seminars before the end of the year", "2026-11-24", "2026-12-31"],
    ["conferences in 2027", "2027-01-01", "2027-12-31"],
    ["workshops next year", "2027-01-01", "2027-12-31"],
    ["what is planned in december", "2026-12-01", "2026-12-31"],
    ["workshops in march next year", "2027-03-01", "2027-03-31"],
    ["anything from march to june 2027", "2027-03-01", "2027-06-30"],
    ["events in the next 3 months", "2026-11-24", "2027-02-24"],
    ["workshop on 12/03/2027", "2027-03-12", "2027-03-12"],
    ["ateliers le mois prochain", "2026-12-01", "2026-12-31"],
    ["ateliers en mars", "2027-03-01", "2027-03-31"],
    ["formations au premier trimestre 2027", "2027-01-01", "2027-03-31"],
    ["quelque chose entre le 3 et le 10 mai ?", "2027-05-03", "2027-05-10"],
    ["talleres el próximo mes", "2026-12-01", "2026-12-31"],
    ["talleres en marzo", "2027-03-01", "2027-03-31"],
    ["eventos del 3 al 10 de mayo", "2027-05-03", "2027-05-10"],
    ["conferencias el año que viene", "2027-01-01", "2027-12-31"],
    ["anything in the next fortnight", "2026-11-24", "2026-12-08"],
    ["any events mid-july", "2027-07-11", "2027-07-20"],
    ["workshops early march", "2027-03-01", "2027-03-10"],
    ["ateliers d'ici la fin de l'année", "2026-11-24", "2026-12-31"],
    ["ateliers mi-janvier", "2027-01-11", "2027-01-20"],
    ["talleres en la segunda mitad del año 2027", "2027-07-01", "2027-12-31"],
    ["events before christmas", "2026-11-24", "2026-12-24"],
    ["anything in the summer of 2027", "2027-06-01", "2027-08-31"],
  ])("reads %j as %s to %s", (question, from, to) => {
    expect(filtersOf(question)).toMatchObject({ from, to });
  });

  it("takes the March that is not over yet, even when it is March now", () => {
    expect(filtersOf("anything in March?", new Date("2027-03-20T09:00:00Z"))).toMatchObject({
      from: "2027-03-01",
      to: "2027-03-31",
    });
  });

  it("takes next year's November once this November is over", () => {
    expect(filtersOf("workshops in october")).toMatchObject({ from: "2027-10-01", to: "2027-10-31" });
  });

  it("reads 'after the summer' as open-ended from September", () => {
    const filters = filtersOf("anything around lake chad after the summer", new Date("2026-06-10T09:00:00Z"));
    expect(filters).toMatchObject({ from: "2026-09-01" });
    expect(filters).not.toHaveProperty("to");
  });

  it("reads 'before March' as from today to the end of February", () => {
    expect(filtersOf("any seminar before march")).toMatchObject({ from: "2026-11-24", to: "2027-02-28" });
  });

  it("reads a month asked about in the past tense as the last one", () => {
    expect(ask("what happened in march?")).toMatchObject({
      intent: "past_events",
      filters: { from: "2026-03-01", to: "2026-03-31" },
    });
  });

  it("reads 'since January' as the January that is over, in a question about the past", () => {
    expect(ask("what did we do since january")).toMatchObject({
      intent: "past_events",
      filters: { from: "2026-01-01", to: "2026-11-23" },
    });
  });

  it("reads 'a partir de septiembre' as open-ended", () => {
    const filters = filtersOf("eventos a partir de septiembre");
    expect(filters).toMatchObject({ from: "2027-09-01" });
    expect(filters).not.toHaveProperty("to");
  });

  it("counts 'today' in the given time zone", () => {
    const lateEvening = new Date("2026-11-30T23:30:00Z");
    expect(interpret("events this week", { now: lateEvening, timeZone: "Asia/Tokyo" }).filters).toMatchObject(
      {
        from: "2026-12-01",
        to: "2026-12-06",
      },
    );
  });

  it("does not read 'may' the verb as the month", () => {
    expect(filtersOf("may I ask about workshops in Kenya")).not.toHaveProperty("to");
  });

  it("does not read a Security Council resolution number as a year", () => {
    expect(ask("good practices on resolution 2396").intent).toBe("practices");
  });
});

describe("interpret: places, kinds and themes", () => {
  it.each([
    ["workshops in Morocco", { countries: ["MA"] }],
    ["Moroccan workshops", { countries: ["MA"] }],
    ["Kenya's border workshops", { countries: ["KE"] }],
    ["any Senegalese events", { countries: ["SN"] }],
    ["ateliers marocains", { countries: ["MA"] }],
    ["talleres marroquíes", { countries: ["MA"] }],
    ["ateliers au Sénégal", { countries: ["SN"] }],
    ["talleres en Marruecos", { countries: ["MA"] }],
    ["events in the Horn of Africa", { regions: ["horn-of-africa"] }],
    ["anything in the Maghreb", { regions: ["maghreb"] }],
    ["workshops in Dakar", { cities: ["Dakar"] }],
    ["seminars in Vienna", { cities: ["Vienna"] }],
    ["anything in Djibouti", { countries: ["DJ"] }],
    ["online events", { online: true }],
  ])("reads %j with %j", (question, expected) => {
    expect(filtersOf(question)).toMatchObject(expected);
  });

  it.each([
    ["study tours", "study_tour"],
    ["voyages d'étude", "study_tour"],
    ["viajes de estudio", "study_tour"],
    ["seminarios", "seminar"],
    ["trainings", "training"],
    ["roundtables", "meeting"],
  ])("reads %j as the %s kind", (question, kind) => {
    expect(filtersOf(`${question} coming up`)).toMatchObject({ kinds: [kind] });
  });

  it("prefers the longest reading of a place over a shorter one and a continent", () => {
    expect(filtersOf("événements dans la Corne de l'Afrique")).toMatchObject({ regions: ["horn-of-africa"] });
    expect(filtersOf("upcoming stuff in the gulf")).toMatchObject({ regions: ["middle-east"] });
    expect(filtersOf("events in the gulf of guinea")).toMatchObject({ regions: ["west-africa"] });
  });

  it.each([
    ["any workshops not in Africa?", { regions: expect.arrayContaining(["sahel", "maghreb"]) }],
    ["events outside the Sahel", { regions: ["sahel"] }],
    ["trainings other than in Dakar", { cities: ["Dakar"] }],
    ["anything apart from Senegal", { countries: ["SN"] }],
    ["ateliers hors d'Afrique", { regions: expect.arrayContaining(["sahel"]) }],
    ["formations sauf au Sénégal", { countries: ["SN"] }],
    ["événements en dehors du Maghreb", { regions: ["maghreb"] }],
    ["talleres fuera de Marruecos", { countries: ["MA"] }],
    ["eventos excepto en el Sahel", { regions: ["sahel"] }],
    ["workshops that are not held in Africa", { regions: expect.arrayContaining(["sahel"]) }],
    ["events which aren't in the Sahel", { regions: ["sahel"] }],
    ["trainings that don't take place in Asia", { regions: expect.arrayContaining(["central-asia"]) }],
    ["events not being held in Dakar or Rabat", { cities: ["Dakar", "Rabat"] }],
    ["ateliers qui n'ont pas lieu en Afrique", { regions: expect.arrayContaining(["maghreb"]) }],
    ["formations qui ne se tiennent pas au Sénégal", { countries: ["SN"] }],
    ["talleres que no se celebran en Marruecos", { countries: ["MA"] }],
    ["eventos que no tienen lugar en el Sahel", { regions: ["sahel"] }],
    ["conferencias que no tendrán lugar en Marruecos", { countries: ["MA"] }],
    ["ateliers qui n'auront pas lieu au Mali", { countries: ["ML"] }],
    ["seminars that will not be held in Kenya", { countries: ["KE"] }],
    ["workshops not occurring in Africa", { regions: expect.arrayContaining(["sahel"]) }],
    ["ateliers qui ne vont pas se tenir en Afrique", { regions: expect.arrayContaining(["sahel"]) }],
    ["talleres que no se llevan a cabo en África", { regions: expect.arrayContaining(["sahel"]) }],
    ["seminarios que no se llevarán a cabo en Kenia", { countries: ["KE"] }],
  ])("reads %j as leaving out %j", (question, excluded) => {
    const filters = filtersOf(question);
    expect(filters.exclude).toMatchObject(excluded);
    expect(filters.countries ?? filters.regions ?? filters.cities).toBeUndefined();
  });

  it("leaves out every place joined to a left-out one, and keeps the places asked for", () => {
    expect(filtersOf("workshops except in Senegal and Mali")).toMatchObject({
      exclude: { countries: ["SN", "ML"] },
    });
    expect(filtersOf("events in West Africa but not in Senegal")).toMatchObject({
      regions: ["west-africa"],
      exclude: { countries: ["SN"] },
    });
    expect(filtersOf("workshops in Tunisia and Senegal")).toMatchObject({ countries: ["TN", "SN"] });
    expect(filtersOf("workshops in Tunisia and Senegal").exclude).toBeUndefined();
  });

  it.each([
    ["any events after the Sahel workshop?", { position: "after", kinds: ["workshop"], regions: ["sahel"] }],
    [
      "the conference after the one in Dakar",
      { position: "after", kinds: ["conference"], cities: ["Dakar"] },
    ],
    ["events before the Rabat workshop", { position: "before", kinds: ["workshop"], cities: ["Rabat"] }],
    ["quels ateliers après celui de Dakar ?", { position: "after", kinds: ["workshop"], cities: ["Dakar"] }],
    [
      "eventos después del taller de Nairobi",
      { position: "after", kinds: ["workshop"], cities: ["Nairobi"] },
    ],
  ])("reads %j as counting from another event", (question, relativeTo) => {
    const filters = filtersOf(question);
    expect(filters.relativeTo).toEqual(relativeTo);
    // The event counted from is not also what is asked for.
    expect(filters.cities).toBeUndefined();
    expect(filters.regions).toBeUndefined();
  });

  it("reads 'the following workshops' as the next ones, not as counting from an event", () => {
    expect(filtersOf("the following workshops in Dakar")).toMatchObject({
      kinds: ["workshop"],
      cities: ["Dakar"],
    });
    expect(filtersOf("the following workshops in Dakar").relativeTo).toBeUndefined();
  });

  it("leaves 'after March' and 'after the summer' to the dates", () => {
    expect(filtersOf("events after March").relativeTo).toBeUndefined();
    expect(filtersOf("workshops after the summer")).toMatchObject({ from: "2027-09-01" });
    expect(filtersOf("workshops after the summer").relativeTo).toBeUndefined();
  });

  it("keeps the words before a place for the search, and drops the negation's", () => {
    expect(filtersOf("maritime patrols in Kenya").words).toEqual(["maritime", "patrols"]);
    expect(filtersOf("maritime patrols outside Kenya").words).toEqual(["maritime", "patrols"]);
  });

  it("reads 'not held in' as upcoming and leaves no verb to search for; 'were held in' is the past", () => {
    const notHeld = filtersOf("workshops that are not held in Africa");
    expect(notHeld.from).toBe("2026-11-24");
    expect(notHeld.to).toBeUndefined();
    expect(notHeld.words).toBeUndefined();
    expect(filtersOf("formations qui ne se tiennent pas au Sénégal").words).toBeUndefined();
    expect(filtersOf("which workshops are held in Dakar?")).toMatchObject({
      cities: ["Dakar"],
      from: "2026-11-24",
    });
    expect(filtersOf("workshops held in Kenya")).toMatchObject({ countries: ["KE"], to: "2026-11-23" });
  });

  it("keeps the place of a yes-or-no question that opens with 'no' ('¿No es en Dakar…?')", () => {
    for (const question of ["¿No es en Dakar el taller de noviembre?", "¿Los talleres no son en Dakar?"]) {
      expect(filtersOf(question)).toMatchObject({ cities: ["Dakar"] });
      expect(filtersOf(question).exclude).toBeUndefined();
    }
  });

  it("reads 'aren't held' and 'upcoming … held' as upcoming", () => {
    expect(filtersOf("which workshops aren't held in Africa?")).toMatchObject({ from: "2026-11-24" });
    expect(filtersOf("which workshops arent held in Africa?")).toMatchObject({ from: "2026-11-24" });
    expect(filtersOf("upcoming workshops held in Kenya")).toMatchObject({
      countries: ["KE"],
      from: "2026-11-24",
    });
  });

  it("keeps a place that a verb separates from a word other than a negation", () => {
    expect(filtersOf("no workshops held in Africa?").exclude).toBeUndefined();
    expect(filtersOf("is there not a workshop held in Kenya?")).toMatchObject({ countries: ["KE"] });
    expect(filtersOf("is there not a workshop held in Kenya?").exclude).toBeUndefined();
  });

  it("does not take 'no workshops in Africa?' or 'no Sahel events?' for a question leaving a place out", () => {
    const filters = filtersOf("no workshops in Africa?");
    expect(filters.exclude).toBeUndefined();
    expect(filters.regions).toEqual(expect.arrayContaining(["sahel"]));
    expect(filtersOf("no Sahel events this year?")).toMatchObject({ regions: ["sahel"] });
    expect(filtersOf("no Sahel events this year?").exclude).toBeUndefined();
    expect(filtersOf("eventos no en el Sahel")).toMatchObject({ exclude: { regions: ["sahel"] } });
  });

  it("reads 'reunión' as a meeting, not the island of Réunion", () => {
    expect(filtersOf("próxima reunión")).toEqual({ kinds: ["meeting"], from: "2026-11-24" });
  });

  it("reads 'training of trainers' alone as a topic, with more as an event kind", () => {
    expect(ask("training of trainers")).toMatchObject({
      intent: "practices",
      filters: { themes: ["capacity-building"] },
    });
    expect(ask("training of trainers in Rabat next year")).toMatchObject({
      intent: "find_events",
      filters: { kinds: ["training"], themes: ["capacity-building"] },
    });
  });

  it("reads theme synonyms in English, French and Spanish", () => {
    expect(filtersOf("practices on interagency coordination")).toEqual({
      themes: ["interagency-cooperation"],
    });
    expect(filtersOf("bonnes pratiques coopération transfrontalière")).toEqual({
      themes: ["cross-border-cooperation"],
    });
    expect(filtersOf("buenas prácticas sobre derechos humanos")).toEqual({ themes: ["human-rights"] });
  });

  it("does not narrow by theme on words every BSI item is about", () => {
    expect(filtersOf("border security workshops coming up")).toEqual({
      kinds: ["workshop"],
      from: "2026-11-24",
    });
  });

  it("reads API as advance passenger information in a question about borders", () => {
    expect(ask("good practices on API")).toMatchObject({
      intent: "practices",
      filters: { themes: ["api-pnr"] },
    });
    expect(ask("any workshop on API and PNR next year")).toMatchObject({
      intent: "find_events",
      filters: { themes: ["api-pnr"] },
    });
  });

  it.each(["how do I use the API", "where do I get an API key", "is there a REST API?", "API docs"])(
    "reads %j as a question about our API",
    (question) => {
      expect(ask(question)).toMatchObject({ intent: "help", note: "api_usage" });
    },
  );
});

describe("interpret: organizations", () => {
  it.each([
    ["events with IOM", ["IOM"]],
    ["événements avec l'OIM", ["IOM"]],
    ["eventos con la OACI", ["ICAO"]],
    ["anything with the OSCE or Frontex?", ["OSCE", "Frontex"]],
    ["GCTF meetings in 2027", ["GCTF"]],
  ])("%s → events of %j", (question, organizations) => {
    expect(filtersOf(question).organizations).toEqual(organizations);
  });

  it("leaves INTERPOL to its databases theme and an organization's advice to its good practices", () => {
    expect(filtersOf("workshops on INTERPOL databases").organizations).toBeUndefined();
    expect(ask("what does the GCTF recommend on refugees").intent).toBe("practices");
  });

  it("does not read the French 'eu' (had) as the EU", () => {
    expect(filtersOf("quels ateliers ont eu lieu à Dakar ?").organizations).toBeUndefined();
  });
});

describe("interpret: registration, status and sample", () => {
  it.each([
    ["which events are invitation only", { registration: "invitation_only" }],
    ["quels événements sont sur invitation ?", { registration: "invitation_only" }],
    ["events with open registration", { registration: "open" }],
    ["¿qué eventos tienen inscripción abierta?", { registration: "open" }],
    ["which workshops were cancelled?", { statuses: ["cancelled"] }],
    ["talleres aplazados", { statuses: ["postponed"] }],
    ["real events only pls", { sample: false }],
  ])("%s → %j", (question, expected) => {
    const query = ask(question);
    expect(query.intent).toBe("find_events");
    expect(query.filters).toMatchObject(expected);
  });
});

describe("interpret: how many events", () => {
  it.each([
    ["next 2 events", 2],
    ["the next three workshops", 3],
    ["les deux prochains événements", 2],
    ["los proximos dos talleres", 2],
    ["first 5 events in 2027", 5],
  ])("%s → a list of %i", (question, count) => {
    const query = ask(question);
    expect(query.intent).not.toBe("next_event");
    expect(query.filters).toMatchObject({ limit: count });
    expect((query.filters as { words?: string[] }).words ?? []).toEqual([]);
  });

  it("keeps 'the next one' and a year to one event", () => {
    expect(ask("the next one in Dakar").intent).toBe("next_event");
    expect((ask("next workshop in 2027").filters as { limit?: number }).limit).toBeUndefined();
  });
});

describe("interpret: from a second QA pass", () => {
  it.each([
    ["comment obtenir un visa pour le Niger", { intent: "unknown", note: "off_topic" }],
    ["¿necesito visado para Kenia?", { intent: "unknown", note: "off_topic" }],
    ["how do I get to Niamey?", { intent: "unknown", note: "off_topic" }],
    ["Frontex a-t-il participé à un atelier ?", { filters: { organizations: ["Frontex"] } }],
    ["what did the EU border agency do?", { intent: "past_events", filters: { organizations: ["Frontex"] } }],
    ["past events with INTERPOL", { filters: { organizations: ["INTERPOL"] } }],
    ["show me actual events, not the sample ones", { filters: { sample: false } }],
    ["sample events only", { filters: { sample: true } }],
    ["Where can I still register?", { filters: { registration: "open" } }],
    ["où puis-je encore m'inscrire ?", { filters: { registration: "open" } }],
    ["registration not yet open", { filters: { registration: "not_open" } }],
    ["inscripciones cerradas", { filters: { registration: "closed" } }],
    ["¿ya aprobaron nuestra solicitud?", { intent: "request_status" }],
    ["who is in charge of BSI", { intent: "help", note: "about_bsi" }],
    ["¿cuándo se adoptaron las buenas prácticas?", { intent: "help", note: "about_bsi" }],
    ["les trois derniers ateliers", { intent: "past_events", filters: { limit: 3 } }],
    ["¿qué pasó en El Jadida?", { intent: "past_events" }],
  ])("%s", (question, expected) => {
    expect(ask(question)).toMatchObject(expected);
  });

  it("keeps ordinary questions as they were (review of the new words)", () => {
    expect(ask("Which conferences are hosted in Morocco?").intent).toBe("find_events");
    expect(ask("¿Cómo participo en el taller de Niamey?").intent).toBe("how_to_request");
    expect(ask("events on passport fraud").note).toBeUndefined();
    expect(ask("Which events cover visa policy?").note).toBeUndefined();
    expect(filtersOf("workshops at eastern borders").from).toBe("2026-11-24");
    expect(filtersOf("events around eastern Africa")).toMatchObject({ regions: ["east-africa"] });
    expect(filtersOf("ateliers dans les deux prochaines semaines")).toMatchObject({
      from: "2026-11-24",
      to: "2026-12-08",
    });
    expect(filtersOf("ateliers dans les deux prochaines semaines").limit).toBeUndefined();
    expect(ask("les trois derniers mois")).toMatchObject({
      intent: "past_events",
      filters: { from: "2026-08-24", to: "2026-11-23" },
    });
  });

  it("still reads 'can I register for the workshop in Tunis?' as filing and INTERPOL databases as a theme", () => {
    expect(ask("can I register for the workshop in Tunis?").intent).toBe("how_to_request");
    expect(filtersOf("workshops on INTERPOL databases")).toMatchObject({
      themes: ["international-databases"],
    });
  });
});

describe("interpret: what is asked, from a QA pass", () => {
  it.each([
    ["qu'est-ce qui se passe à Dakar ?", "find_events"],
    ["has our TA request been approved?", "request_status"],
    ["est-ce que ma demande a été acceptée ?", "request_status"],
    ["who runs the BSI", "help"],
    ["¿cómo pido una visita de estudio?", "how_to_request"],
    ["peut-on encore s'inscrire à l'atelier de Dakar ?", "find_events"],
    ["what visa do I need for Almaty", "unknown"],
    ["what does resolution 2396 say", "practices"],
    ["when were the good practices adopted", "help"],
    ["who attended the Vienna experts seminar", "past_events"],
  ])("%s → %s", (question, intent) => {
    expect(ask(question).intent).toBe(intent);
  });
});

describe("interpret: the way people type", () => {
  it("sets common misspellings right", () => {
    expect(ask("any worshop in Dakkar next month")).toMatchObject({
      intent: "find_events",
      filters: { kinds: ["workshop"], cities: ["Dakar"], from: "2026-12-01", to: "2026-12-31" },
    });
    expect(filtersOf("Sahell events")).toMatchObject({ regions: ["sahel"] });
    expect(filtersOf("semniars in kneya")).toMatchObject({ kinds: ["seminar"], countries: ["KE"] });
  });

  it("reads past Slack markup: mentions, links, bold", () => {
    expect(ask("<@U123ABC> <!channel> *any* seminars in <https://example.org/vienna|Vienna>?")).toMatchObject(
      {
        intent: "find_events",
        filters: { kinds: ["seminar"], cities: ["Vienna"] },
      },
    );
  });

  it("reads past filler words", () => {
    expect(ask("hey bot, could you please tell me what workshops are coming up")).toMatchObject({
      intent: "upcoming_events",
      filters: { kinds: ["workshop"] },
    });
  });

  it("ignores case and missing punctuation", () => {
    expect(ask("WHEN IS THE NEXT STUDY TOUR")).toEqual(ask("when is the next study tour?"));
  });

  it("keeps words it could not place for a search", () => {
    expect(filtersOf("workshops about the addendum")).toMatchObject({ words: ["addendum"] });
  });

  it("never turns a word of the field into a month or a country", () => {
    // "género" is one letter from "enero", "pequeñas" two from "peruanas".
    expect(ask("eventos sobre género")).toMatchObject({ filters: { themes: ["human-rights"] } });
    expect(ask("eventos sobre género").filters).not.toHaveProperty("to");
    expect(filtersOf("¿hay algún evento sobre armas pequeñas?")).toEqual({
      words: ["armas", "pequenas"],
      from: "2026-11-24",
    });
    expect(filtersOf("maritime border security events")).toEqual({ words: ["maritime"], from: "2026-11-24" });
  });

  it("reads 'the latest on' an event as news of it, not as past events", () => {
    expect(ask("What's the latest on the Almaty conference?")).toMatchObject({
      intent: "find_events",
      filters: { kinds: ["conference"], from: "2026-11-24" },
    });
    expect(ask("what was the latest workshop?").intent).toBe("past_events");
  });

  it("keeps a word as typed when correcting it would not make a name or a theme", () => {
    expect(filtersOf("good practices on one stop border posts")).toEqual({ words: ["stop", "posts"] });
  });
});

describe("interpret: language", () => {
  it.each([
    ["what workshops are coming up?", "en"],
    ["quels ateliers sont prévus le mois prochain ?", "fr"],
    ["¿qué talleres hay el próximo mes?", "es"],
    ["atelier Dakar", "fr"],
    ["taller Dakar", "es"],
    ["seguridad marítima", "es"],
    ["armes légères", "fr"],
    ["Dakar", "en"],
  ])("reads %j as %s", (question, language) => {
    expect(ask(question).language).toBe(language);
  });

  it.each([
    "ما هي ورش العمل القادمة؟",
    "Какие семинары планируются?",
    "Welche Workshops gibt es im März?",
    "Quais são os próximos eventos?",
    "Quali workshop sono previsti a marzo?",
  ])("says when a question is in a language it does not answer in: %j", (question) => {
    expect(ask(question)).toMatchObject({ intent: "unknown", note: "unsupported_language" });
  });
});

describe("interpret: robustness", () => {
  it("never throws and always returns a valid query, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 600 }), (question) => {
        const query = interpret(question, { now: NOW, timeZone: "UTC", cities: CITIES });
        expect(AskQuerySchema.safeParse(query).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on sentences made of its own vocabulary", () => {
    const words = fc.constantFrom(
      "next",
      "last",
      "march",
      "may",
      "between",
      "and",
      "3",
      "10",
      "2027",
      "q1",
      "before",
      "after",
      "bsi",
      "-",
      "workshop",
      "sahel",
      "api",
      "key",
      "status",
      "en",
      "mars",
      "el",
      "próximo",
      "mes",
      "de",
      "the",
      "of",
      "<@U1>",
      "*",
      "<https://x|y>",
      "2026-0042",
      "entre",
      "le",
      "et",
      "au",
      "del",
      "al",
      "31",
      "0",
      "99",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 25 }), (parts) => {
        const query = interpret(parts.join(" "), { now: NOW, timeZone: "UTC" });
        expect(AskQuerySchema.safeParse(query).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("does not throw on a bad time zone or an invalid date", () => {
    expect(interpret("workshops next month", { now: NOW, timeZone: "Not/AZone" }).intent).toBe("find_events");
    expect(
      interpret("workshops next month", { now: new Date(Number.NaN), timeZone: "UTC" }).intent,
    ).toBeDefined();
  });

  it("answers in well under a millisecond (median)", () => {
    const questions = [
      "hey bot, could you tell me what worshop is in Dakkar next month",
      "anything in the Sahel in March?",
      "talleres el próximo mes en Kenia",
      "good practices on community engagement?",
      "what's the status of BSI-2026-0042",
      "les ateliers le mois prochain",
    ];
    for (const question of questions) ask(question);
    const times: number[] = [];
    for (let round = 0; round < 100; round++) {
      for (const question of questions) {
        const started = performance.now();
        ask(question);
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(1);
  });
});

describe("interpret: text that is not a question", () => {
  it.each([
    "'; DROP TABLE events; --",
    "1' OR '1'='1",
    'NEAR("border" "sahel") OR title:*',
    "sahel* AND workshop*",
    "SELECT * FROM events WHERE country = 'SN'",
  ])("reads %j as unknown rather than running it", (text) => {
    expect(ask(text)).toMatchObject({ intent: "unknown", filters: { words: [] } });
  });

  it("still reads Slack bold and times as a question", () => {
    expect(ask("*any* workshops in Dakar at 10:30?").intent).toBe("find_events");
    expect(ask("select the workshops in Kenya please").intent).toBe("find_events");
  });
});
