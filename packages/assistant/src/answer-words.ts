import type { EventKind, RegionCode, RequestStatus } from "@bsi/domain";
import type { AnswerLanguage } from "./query.js";

/**
 * The fixed words and texts of answers in English, French and Spanish: nouns with their gender,
 * place phrases, request statuses, and the help texts. answer.ts puts the sentences together.
 */

export type Gender = "m" | "f";

export const LOCALES: Record<AnswerLanguage, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES" };

export const KIND_NOUNS: Record<AnswerLanguage, Record<EventKind | "event", [string, string, Gender]>> = {
  en: {
    event: ["event", "events", "m"],
    workshop: ["workshop", "workshops", "m"],
    conference: ["conference", "conferences", "m"],
    study_tour: ["study tour", "study tours", "m"],
    seminar: ["seminar", "seminars", "m"],
    training: ["training course", "training courses", "m"],
    forum: ["forum", "forums", "m"],
    meeting: ["meeting", "meetings", "m"],
  },
  fr: {
    event: ["événement", "événements", "m"],
    workshop: ["atelier", "ateliers", "m"],
    conference: ["conférence", "conférences", "f"],
    study_tour: ["voyage d'étude", "voyages d'étude", "m"],
    seminar: ["séminaire", "séminaires", "m"],
    training: ["formation", "formations", "f"],
    forum: ["forum", "forums", "m"],
    meeting: ["réunion", "réunions", "f"],
  },
  es: {
    event: ["evento", "eventos", "m"],
    workshop: ["taller", "talleres", "m"],
    conference: ["conferencia", "conferencias", "f"],
    study_tour: ["viaje de estudio", "viajes de estudio", "m"],
    seminar: ["seminario", "seminarios", "m"],
    training: ["curso de formación", "cursos de formación", "m"],
    forum: ["foro", "foros", "m"],
    meeting: ["reunión", "reuniones", "f"],
  },
};

export const REGION_PHRASES: Record<AnswerLanguage, Record<RegionCode, string>> = {
  en: {
    sahel: "in the Sahel",
    maghreb: "in the Maghreb",
    "horn-of-africa": "in the Horn of Africa",
    "west-africa": "in West Africa",
    "east-africa": "in East Africa",
    "central-africa": "in Central Africa",
    "north-africa": "in North Africa",
    "lake-chad-basin": "in the Lake Chad Basin",
    "middle-east": "in the Middle East",
    "central-asia": "in Central Asia",
    "south-asia": "in South Asia",
    "south-east-asia": "in South-East Asia",
    "western-balkans": "in the Western Balkans",
    europe: "in Europe",
    oceania: "in Oceania",
    americas: "in the Americas",
  },
  fr: {
    sahel: "au Sahel",
    maghreb: "au Maghreb",
    "horn-of-africa": "dans la Corne de l'Afrique",
    "west-africa": "en Afrique de l'Ouest",
    "east-africa": "en Afrique de l'Est",
    "central-africa": "en Afrique centrale",
    "north-africa": "en Afrique du Nord",
    "lake-chad-basin": "dans le bassin du lac Tchad",
    "middle-east": "au Moyen-Orient",
    "central-asia": "en Asie centrale",
    "south-asia": "en Asie du Sud",
    "south-east-asia": "en Asie du Sud-Est",
    "western-balkans": "dans les Balkans occidentaux",
    europe: "en Europe",
    oceania: "en Océanie",
    americas: "dans les Amériques",
  },
  es: {
    sahel: "en el Sahel",
    maghreb: "en el Magreb",
    "horn-of-africa": "en el Cuerno de África",
    "west-africa": "en África Occidental",
    "east-africa": "en África Oriental",
    "central-africa": "en África Central",
    "north-africa": "en el norte de África",
    "lake-chad-basin": "en la cuenca del lago Chad",
    "middle-east": "en Oriente Medio",
    "central-asia": "en Asia Central",
    "south-asia": "en Asia del Sur",
    "south-east-asia": "en el Sudeste Asiático",
    "western-balkans": "en los Balcanes Occidentales",
    europe: "en Europa",
    oceania: "en Oceanía",
    americas: "en las Américas",
  },
};

export const CONTINENT_PHRASES: Record<AnswerLanguage, [string, string]> = {
  en: ["in Africa", "in Asia"],
  fr: ["en Afrique", "en Asie"],
  es: ["en África", "en Asia"],
};

export const STATUS_WORDS: Record<AnswerLanguage, Record<RequestStatus, string>> = {
  en: {
    submitted: "submitted and waiting for review",
    under_review: "under review",
    accepted: "accepted",
    declined: "declined",
    in_progress: "in progress",
    completed: "completed",
    withdrawn: "withdrawn",
  },
  fr: {
    submitted: "soumise et en attente d'examen",
    under_review: "en cours d'examen",
    accepted: "acceptée",
    declined: "refusée",
    in_progress: "en cours de réalisation",
    completed: "terminée",
    withdrawn: "retirée",
  },
  es: {
    submitted: "presentada y pendiente de examen",
    under_review: "en examen",
    accepted: "aceptada",
    declined: "rechazada",
    in_progress: "en curso",
    completed: "completada",
    withdrawn: "retirada",
  },
};

/** What the Border Security Initiative is, for "what is BSI?", per language. */
export const ABOUT_BSI: Record<AnswerLanguage, string> = {
  en: "The Border Security Initiative (BSI) is run by the UN Counter-Terrorism Centre (UNCCT) with the Global Counterterrorism Forum (GCTF), and co-led with the United States and Morocco; OSCE, IATA and ICAO (on advance passenger information), INTERPOL and IOM work with it. Born of a 2013 conference in Rabat on border cooperation in the Sahel and the Maghreb, it helps Member States apply the UN Global Counter-Terrorism Strategy and the Security Council resolutions on border management, cross-border cooperation and border surveillance, including stopping the travel of foreign terrorist fighters. It holds workshops, conferences, study tours and expert seminars for border practitioners, gathered the good practices on border security and management adopted at the 7th GCTF Ministerial Plenary in New York in September 2016, and supports Member States at their request. Its successor, the GCTF Border Security and Management initiative, was launched in New York on 19 September 2023, at a side event of the 13th GCTF Ministerial. Ask me about upcoming events, the good practices, or how to request support.",
  fr: "L'Initiative pour la sécurité des frontières (BSI) est menée par le Centre des Nations Unies pour la lutte contre le terrorisme (UNCCT) avec le Forum mondial de lutte contre le terrorisme (GCTF), et codirigée par les États-Unis et le Maroc ; l'OSCE, l'IATA et l'OACI (sur les informations préalables sur les passagers), INTERPOL et l'OIM y travaillent avec elle. Née d'une conférence tenue à Rabat en 2013 sur la coopération aux frontières au Sahel et au Maghreb, elle aide les États Membres à appliquer la Stratégie antiterroriste mondiale des Nations Unies et les résolutions du Conseil de sécurité sur la gestion des frontières, la coopération transfrontalière et la surveillance des frontières, notamment pour empêcher les déplacements de combattants terroristes étrangers. Elle organise des ateliers, des conférences, des voyages d'étude et des séminaires d'experts pour les praticiens des frontières, a réuni les bonnes pratiques en matière de sécurité et de gestion des frontières adoptées à la 7e réunion plénière ministérielle du GCTF à New York en septembre 2016, et appuie les États Membres à leur demande. Lui a succédé l'initiative du GCTF sur la sécurité et la gestion des frontières, lancée à New York le 19 septembre 2023, lors d'une manifestation parallèle à la 13e réunion ministérielle du GCTF. Interrogez-moi sur les prochains événements, les bonnes pratiques ou la façon de demander un appui.",
  es: "La Iniciativa de Seguridad Fronteriza (BSI) la dirige el Centro de las Naciones Unidas contra el Terrorismo (UNCCT) con el Foro Mundial contra el Terrorismo (GCTF), y la codirigen los Estados Unidos y Marruecos; colaboran con ella la OSCE, la IATA y la OACI (en información anticipada sobre pasajeros), INTERPOL y la OIM. Nacida de una conferencia celebrada en Rabat en 2013 sobre la cooperación fronteriza en el Sahel y el Magreb, ayuda a los Estados Miembros a aplicar la Estrategia Global de las Naciones Unidas contra el Terrorismo y las resoluciones del Consejo de Seguridad sobre gestión de fronteras, cooperación transfronteriza y vigilancia de fronteras, en particular para impedir los desplazamientos de combatientes terroristas extranjeros. Organiza talleres, conferencias, viajes de estudio y seminarios de expertos para profesionales de fronteras, reunió las buenas prácticas de seguridad y gestión de fronteras adoptadas en la 7.ª reunión plenaria ministerial del GCTF en Nueva York en septiembre de 2016 y apoya a los Estados Miembros que lo solicitan. Su sucesora, la iniciativa del GCTF sobre seguridad y gestión de fronteras, se lanzó en Nueva York el 19 de septiembre de 2023, en un acto paralelo a la 13.ª reunión ministerial del GCTF. Pregúnteme por los próximos eventos, las buenas prácticas o cómo solicitar apoyo.",
};

/** The "here is what I can answer" text, per language. */
export const HELP_TEXT: Record<AnswerLanguage, string> = {
  en: [
    "Here is what I can answer:",
    "• upcoming events: “what workshops are coming up?”, “anything in the Sahel in March?”, “when is the next study tour?”, “workshops not in Africa?”, “what's after the Tunis workshop?”",
    "• past events: “which workshops were held in Kenya in 2016?”",
    "• good practices: “good practices on community engagement?”",
    "• requests: “what's the status of BSI-2026-0042?”, “how do I request technical assistance?”",
    "• the initiative itself: “what is BSI?”",
    "I understand English, French and Spanish.",
  ].join("\n"),
  fr: [
    "Voici ce à quoi je peux répondre :",
    "• événements à venir : « quels ateliers sont prévus ? », « quelque chose au Sahel en mars ? », « quand a lieu le prochain voyage d'étude ? », « des ateliers hors d'Afrique ? », « qu'y a-t-il après l'atelier de Tunis ? »",
    "• événements passés : « quels ateliers ont eu lieu au Kenya en 2016 ? »",
    "• bonnes pratiques : « bonnes pratiques sur l'engagement communautaire ? »",
    "• demandes : « où en est BSI-2026-0042 ? », « comment demander une assistance technique ? »",
    "• l'initiative elle-même : « qu'est-ce que la BSI ? »",
    "Je comprends le français, l'anglais et l'espagnol.",
  ].join("\n"),
  es: [
    "Esto es lo que puedo responder:",
    "• próximos eventos: «¿qué talleres hay previstos?», «¿algo en el Sahel en marzo?», «¿cuándo es el próximo viaje de estudio?», «¿talleres fuera de África?», «¿qué hay después del taller de Túnez?»",
    "• eventos pasados: «¿qué talleres se celebraron en Kenia en 2016?»",
    "• buenas prácticas: «¿buenas prácticas sobre participación comunitaria?»",
    "• solicitudes: «¿en qué estado está BSI-2026-0042?», «¿cómo solicito asistencia técnica?»",
    "• la iniciativa en sí: «¿qué es la BSI?»",
    "Entiendo español, inglés y francés.",
  ].join("\n"),
};

export const API_HELP: Record<AnswerLanguage, string> = {
  en: "The BSI Desk HTTP API is described at /docs (OpenAPI 3.1 at /openapi.json). Catalogue reads are public; other routes need an API key (Authorization: Bearer bsi_…), which an operator makes with `npm run api -- keys create`. If you meant advance passenger information, ask “good practices on API and PNR”.",
  fr: "L'API HTTP de BSI Desk est décrite sur /docs (OpenAPI 3.1 sur /openapi.json). La lecture du catalogue est publique ; les autres routes demandent une clé d'API (Authorization: Bearer bsi_…), créée par un opérateur avec `npm run api -- keys create`. Si vous pensiez aux informations préalables sur les passagers, demandez « bonnes pratiques sur l'API et le PNR ».",
  es: "La API HTTP de BSI Desk se describe en /docs (OpenAPI 3.1 en /openapi.json). La lectura del catálogo es pública; las demás rutas requieren una clave de API (Authorization: Bearer bsi_…), que un operador crea con `npm run api -- keys create`. Si se refería a la información anticipada sobre pasajeros, pregunte «buenas prácticas sobre API y PNR».",
};

export const HOW_TO_REQUEST: Record<AnswerLanguage, string> = {
  en: "To ask BSI for technical assistance, training, expert advice or a seat at a workshop, type `/bsi request` in Slack and fill in the form (or send POST /v1/requests). You get a reference such as BSI-2026-0042 to follow it up, and a message each time its status changes.",
  fr: "Pour demander au BSI une assistance technique, une formation, un avis d'expert ou une place à un atelier, tapez `/bsi request` dans Slack et remplissez le formulaire (ou envoyez POST /v1/requests). Vous recevez une référence comme BSI-2026-0042 pour la suivre, et un message à chaque changement de statut.",
  es: "Para pedir al BSI asistencia técnica, formación, asesoramiento experto o una plaza en un taller, escriba `/bsi request` en Slack y rellene el formulario (o envíe POST /v1/requests). Recibirá una referencia como BSI-2026-0042 para seguirla y un mensaje cada vez que cambie su estado.",
};

export const SAMPLE_NOTE: Record<AnswerLanguage, string> = {
  en: "Events marked as sample come from the sample programme, not the real calendar.",
  fr: "Les événements marqués « exemple » viennent du programme d'exemple, pas du vrai calendrier.",
  es: "Los eventos marcados como «ejemplo» vienen del programa de ejemplo, no del calendario real.",
};
