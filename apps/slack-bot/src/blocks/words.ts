import { EVENT_KIND_LABELS, type EventKind } from "@bsi/domain";
import { z } from "zod";

/**
 * The fixed words of answers in English, French and Spanish: what the cards, the answer's buttons
 * and its context lines say around the data. The lead sentence comes from the API in the question's
 * language (`language` in the /v1/ask response); everything the bot adds follows it.
 */

export const LanguageSchema = z.enum(["en", "fr", "es"]);
export type Language = z.infer<typeof LanguageSchema>;

/** The answer's language: English for anything the bot has no words for. */
export function languageOf(value: unknown): Language {
  const result = LanguageSchema.safeParse(value);
  return result.success ? result.data : "en";
}

/** Intl locales for dates (English dates keep the bot's own "Monday 14 September 2026"). */
export const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES" };

/** Grammatical gender of a kind's noun, for the words that agree with it ("Annulée", "Organizada"). */
type Gender = "m" | "f";

export interface AnswerWords {
  kinds: Record<EventKind, string>;
  feminineKinds: readonly EventKind[];
  cancelled: Record<Gender, string>;
  postponed: Record<Gender, string>;
  organisedBy: Record<Gender, string>;
  /** Leads the line naming an event's partners (no agreement: the phrase has no noun to agree with). */
  inPartnershipWith: string;
  /** After a shortened list: " and 2 more". */
  andMore: (count: number) => string;
  online: string;
  placeAndOnline: (place: string) => string;
  venueToBeConfirmed: string;
  registrationOpen: string;
  registrationOpenUntil: (date: string) => string;
  registrationClosed: string;
  invitationOnly: string;
  registrationNotOpen: string;
  themes: (list: string) => string;
  references: (list: string) => string;
  /** mrkdwn: the visible mark on anything from the sample programme. */
  sampleMark: string;
  addToCalendar: string;
  showMore: string;
  shareInChannel: string;
  continuedFrom: (position: number) => string;
  /** The question shown back; `question` is already escaped. */
  youAsked: (question: string) => string;
  /** `mention` is a `<@U…>` user mention. */
  sharedBy: (mention: string) => string;
  /** The notification text of a later page. */
  moreResults: (summary: string) => string;
  /** Left in place of Show more when the next page is posted in the thread. */
  moreBelowInThread: string;
  tryHelp: string;
  requestsArePrivate: string;
  requestNotFound: (reference: string) => string;
}

export const WORDS: Record<Language, AnswerWords> = {
  en: {
    kinds: EVENT_KIND_LABELS,
    feminineKinds: [],
    cancelled: { m: "Cancelled", f: "Cancelled" },
    postponed: { m: "Postponed", f: "Postponed" },
    organisedBy: { m: "Organised by", f: "Organised by" },
    inPartnershipWith: "In partnership with",
    andMore: (count) => ` and ${count} more`,
    online: "Online",
    placeAndOnline: (place) => `${place} and online`,
    venueToBeConfirmed: "Venue to be confirmed",
    registrationOpen: "Registration open",
    registrationOpenUntil: (date) => `Registration open until ${date}`,
    registrationClosed: "Registration closed",
    invitationOnly: "By invitation only",
    registrationNotOpen: "Registration not open yet",
    themes: (list) => `Themes: ${list}`,
    references: (list) => `References: ${list}`,
    sampleMark: "*Sample* — illustrative data, not a real BSI record",
    addToCalendar: "Add to calendar",
    showMore: "Show more",
    shareInChannel: "Share in channel",
    continuedFrom: (position) => `Continued — from result ${position}`,
    youAsked: (question) => `You asked: “${question}”`,
    sharedBy: (mention) => `Shared by ${mention}`,
    moreResults: (summary) => `More results — ${summary}`,
    moreBelowInThread: "More results are below in this thread.",
    tryHelp: "Try `/bsi help` for what BSI Desk can answer.",
    requestsArePrivate:
      "Requests are private: ask me in a direct message, or use `/bsi status` (only you see its answer).",
    requestNotFound: (reference) => `No request ${reference} was found among the requests you can see.`,
  },
  fr: {
    kinds: {
      conference: "Conférence",
      workshop: "Atelier",
      study_tour: "Voyage d'étude",
      seminar: "Séminaire",
      training: "Formation",
      forum: "Forum",
      meeting: "Réunion",
    },
    feminineKinds: ["conference", "training", "meeting"],
    cancelled: { m: "Annulé", f: "Annulée" },
    postponed: { m: "Reporté", f: "Reportée" },
    organisedBy: { m: "Organisé par", f: "Organisée par" },
    inPartnershipWith: "En partenariat avec",
    andMore: (count) => ` et ${count} autre${count > 1 ? "s" : ""}`,
    online: "En ligne",
    placeAndOnline: (place) => `${place} et en ligne`,
    venueToBeConfirmed: "Lieu à confirmer",
    registrationOpen: "Inscriptions ouvertes",
    registrationOpenUntil: (date) => `Inscriptions ouvertes jusqu'au ${date}`,
    registrationClosed: "Inscriptions closes",
    invitationOnly: "Sur invitation uniquement",
    registrationNotOpen: "Inscriptions pas encore ouvertes",
    themes: (list) => `Thèmes : ${list}`,
    references: (list) => `Références : ${list}`,
    sampleMark: "*Exemple* — données d'illustration, pas un enregistrement réel de la BSI",
    addToCalendar: "Ajouter au calendrier",
    showMore: "Voir plus",
    shareInChannel: "Partager dans le canal",
    continuedFrom: (position) => `Suite — à partir du résultat ${position}`,
    youAsked: (question) => `Votre question : « ${question} »`,
    sharedBy: (mention) => `Partagé par ${mention}`,
    moreResults: (summary) => `Autres résultats — ${summary}`,
    moreBelowInThread: "La suite des résultats est plus bas dans ce fil.",
    tryHelp: "Essayez `/bsi help` pour voir à quoi BSI Desk peut répondre.",
    requestsArePrivate:
      "Les demandes sont privées : posez-moi la question en message direct, ou utilisez `/bsi status` (vous seul en voyez la réponse).",
    requestNotFound: (reference) =>
      `Aucune demande ${reference} ne figure parmi les demandes que vous pouvez voir.`,
  },
  es: {
    kinds: {
      conference: "Conferencia",
      workshop: "Taller",
      study_tour: "Viaje de estudio",
      seminar: "Seminario",
      training: "Formación",
      forum: "Foro",
      meeting: "Reunión",
    },
    feminineKinds: ["conference", "training", "meeting"],
    cancelled: { m: "Cancelado", f: "Cancelada" },
    postponed: { m: "Aplazado", f: "Aplazada" },
    organisedBy: { m: "Organizado por", f: "Organizada por" },
    inPartnershipWith: "En colaboración con",
    andMore: (count) => ` y ${count} más`,
    online: "En línea",
    placeAndOnline: (place) => `${place} y en línea`,
    venueToBeConfirmed: "Lugar por confirmar",
    registrationOpen: "Inscripción abierta",
    registrationOpenUntil: (date) => `Inscripción abierta hasta el ${date}`,
    registrationClosed: "Inscripción cerrada",
    invitationOnly: "Solo por invitación",
    registrationNotOpen: "Inscripción aún no abierta",
    themes: (list) => `Temas: ${list}`,
    references: (list) => `Referencias: ${list}`,
    sampleMark: "*Ejemplo* — datos ilustrativos, no un registro real de la BSI",
    addToCalendar: "Añadir al calendario",
    showMore: "Ver más",
    shareInChannel: "Compartir en el canal",
    continuedFrom: (position) => `Continuación — desde el resultado ${position}`,
    youAsked: (question) => `Su pregunta: «${question}»`,
    sharedBy: (mention) => `Compartido por ${mention}`,
    moreResults: (summary) => `Más resultados — ${summary}`,
    moreBelowInThread: "Hay más resultados abajo, en este hilo.",
    tryHelp: "Pruebe `/bsi help` para ver qué puede responder BSI Desk.",
    requestsArePrivate:
      "Las solicitudes son privadas: pregúnteme en un mensaje directo o use `/bsi status` (solo usted ve la respuesta).",
    requestNotFound: (reference) =>
      `No se encontró ninguna solicitud ${reference} entre las solicitudes que puede ver.`,
  },
};

/** The gender of a kind's noun in a language (English has none that shows). */
export function genderOf(kind: EventKind, language: Language): Gender {
  return WORDS[language].feminineKinds.includes(kind) ? "f" : "m";
}
