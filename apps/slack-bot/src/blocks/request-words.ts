import {
  type Priority,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  type RequestStatus,
  type RequestType,
} from "@bsi/domain";
import { type Language, LOCALES, WORDS } from "./words.js";

/**
 * The fixed words of the requester's side of requests in English, French and Spanish: the request
 * form and its errors, the confirmation, the receipt and status DMs, the request card of
 * `/bsi status`, and what a requester is told when something fails. They follow the Slack user's
 * locale (`users.info`, see requests/profiles.ts). The triage card and the decline form are the
 * staff's and stay in English. Arguments are already escaped where the text is mrkdwn.
 */

export interface FormWords {
  title: string;
  submit: string;
  close: string;
  intro: string;
  type: string;
  chooseType: string;
  memberState: string;
  typeCountry: string;
  memberStateHint: string;
  agency: string;
  agencyExample: string;
  themes: string;
  chooseThemes: string;
  relatedEvent: string;
  searchEvents: string;
  relatedEventHint: string;
  summary: string;
  summaryPlaceholder: string;
  details: string;
  detailsPlaceholder: string;
  priority: string;
  email: string;
  emailExample: string;
  emailHint: string;
  /** The hint under a text input: at most `max` (already formatted) characters. */
  atMost: (max: string) => string;
  /** `link` is a mrkdwn link to the message a shortcut filed. */
  filedFrom: (link: (text: string) => string) => string;
}

/** The messages under the form's inputs (`response_action: "errors"`). */
export interface FormErrorWords {
  chooseType: string;
  chooseMemberState: string;
  writeSummary: string;
  choosePriority: string;
  pickWorkshopEvent: string;
  tooLong: (max: string) => string;
  email: string;
  /** Any other problem the domain schema finds; `message` is its English wording ("must …"). */
  notValid: (message: string) => string;
  /** A problem the API finds with the related event; `message` is its English wording ("names …"). */
  eventRefused: (message: string) => string;
}

/** A filing the API did not take: the form stays open with everything typed. */
export interface FilingFailureWords {
  unreachable: string;
  stillFiling: string;
  misconfigured: string;
  notAllowed: string;
  busy: string;
  problem: string;
  /** `detail` is the API's problem detail, in English. */
  refused: (detail: string) => string;
}

/** A move (a withdrawal) the API did not make. Plain text: `reference` is not escaped. */
export interface MoveFailureWords {
  unreachable: (reference: string) => string;
  alreadyMoved: (reference: string, status: string) => string;
  changedMeanwhile: (reference: string) => string;
  notFound: (reference: string) => string;
  misconfigured: (reference: string) => string;
  notAllowed: (reference: string) => string;
  /** `detail` is the API's problem detail, in English, when it gave one. */
  refused: (detail: string | undefined) => string;
  busy: (reference: string) => string;
  problem: (reference: string) => string;
}

export interface RequestWords {
  types: Record<RequestType, string>;
  statuses: Record<RequestStatus, string>;
  priorities: Record<Priority, string>;
  form: FormWords;
  errors: FormErrorWords;
  filingFailures: FilingFailureWords;
  moveFailures: MoveFailureWords;
  /** What the form says when it could not be opened, to run again the way it was asked for. */
  couldNotOpenForm: { command: string; shortcut: string };
  /** The form once the request is filed. */
  filed: {
    title: string;
    close: string;
    filedAs: (reference: string) => string;
    withTriage: string;
    withoutTriage: string;
    lookUp: (reference: string) => string;
  };
  /** The receipt DM. */
  receipt: {
    text: (reference: string, summary: string) => string;
    filedAs: (reference: string, status: string) => string;
    followUp: (reference: string) => string;
  };
  /** The DM about a move, and the Withdraw button under it and under the receipt. */
  notice: {
    whatHappens: Partial<Record<RequestStatus, string>>;
    youWithdrew: (reference: string) => string;
    isNow: (reference: string, status: string) => string;
    /** The triager's note, escaped: a decline's reason, or a note on any other move. */
    reason: (note: string) => string;
    note: (note: string) => string;
    history: (reference: string) => string;
    /** The notification text: plain, not escaped. */
    text: (reference: string, status: string, note: string | null) => string;
    withdraw: string;
    confirmTitle: string;
    confirmText: (reference: string) => string;
    keepIt: string;
  };
  /** A request as a card in `/bsi status`. */
  card: {
    filedOn: (date: string) => string;
    requester: (who: string) => string;
    /** A move in the history: when, the status it reached, and its note as written. */
    move: (when: string, status: string, note: string | null) => string;
    earlier: (count: number) => string;
  };
  /** The lines around the cards in `/bsi status`. */
  status: {
    yours: string;
    noneYet: string;
    notAReference: (typed: string) => string;
    notFound: (reference: string) => string;
    cannotListYet: string;
  };
}

const SUBMIT_AGAIN_EN = "if you leave the form as it is, it won't be filed twice";
const SUBMIT_AGAIN_FR = "si vous laissez le formulaire tel quel, elle ne sera pas déposée deux fois";
const SUBMIT_AGAIN_ES = "si deja el formulario como está, no se presentará dos veces";

/** The API's words for a related event it refuses, in French and Spanish. */
const EVENT_PROBLEMS: Record<Exclude<Language, "en">, Record<string, string>> = {
  fr: {
    "names no event in the catalogue": "Cet événement ne figure pas au catalogue.",
    "names a cancelled event": "Cet événement est annulé : il n'y a pas de place à demander.",
    "names an event that is over":
      "Cet événement est terminé : une place ne se demande que pour un événement à venir.",
  },
  es: {
    "names no event in the catalogue": "Ese evento no figura en el catálogo.",
    "names a cancelled event": "Ese evento está cancelado: no hay plazas que solicitar.",
    "names an event that is over":
      "Ese evento ya terminó: solo se puede solicitar una plaza para un evento futuro.",
  },
};

/** The domain's words for text it refuses, in French and Spanish. */
const TEXT_PROBLEMS: Record<Exclude<Language, "en">, Record<string, string>> = {
  fr: {
    "must contain visible text": "Doit contenir du texte visible.",
    "must not contain control characters": "Ne doit pas contenir de caractères de contrôle.",
  },
  es: {
    "must contain visible text": "Debe contener texto visible.",
    "must not contain control characters": "No debe contener caracteres de control.",
  },
};

/** "Must be at most 200 characters." from the domain's "must be at most 200 characters". */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export const REQUEST_WORDS: Record<Language, RequestWords> = {
  en: {
    types: REQUEST_TYPE_LABELS,
    statuses: REQUEST_STATUS_LABELS,
    priorities: { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" },
    form: {
      title: "File a BSI request",
      submit: "Submit",
      close: "Cancel",
      intro:
        "Ask the BSI team at UNCCT for technical assistance, training, a workshop seat or expert advice. Only you and the BSI triage team see your request.",
      type: "Type of request",
      chooseType: "Choose a type",
      memberState: "Member State",
      typeCountry: "Type a country",
      memberStateHint:
        "Type its name in English or French (Sénégal, Germany, Allemagne) or its ISO code (SN).",
      agency: "Agency",
      agencyExample: "e.g. Border police, customs",
      themes: "Themes",
      chooseThemes: "Choose themes",
      relatedEvent: "Related event",
      searchEvents: "Type to search upcoming events",
      relatedEventHint: "Required for workshop participation: the event you want a seat at.",
      summary: "Summary",
      summaryPlaceholder: "What do you need, in one line?",
      details: "Details",
      detailsPlaceholder: "Context, people involved, dates, what has been tried",
      priority: "Priority",
      email: "Contact email",
      emailExample: "name@example.org",
      emailHint: "Where the BSI team can write to you about this request.",
      atMost: (max) => `At most ${max} characters.`,
      filedFrom: (link) => `Filed from ${link("a Slack message")}: the link is added to the details.`,
    },
    errors: {
      chooseType: "Choose the type of request.",
      chooseMemberState: "Choose the Member State: type its name and pick it from the list.",
      writeSummary: "Write a one-line summary of what you need.",
      choosePriority: "Choose a priority.",
      pickWorkshopEvent: "Required for workshop participation: pick the event you want a seat at.",
      tooLong: (max) => `Must be at most ${max} characters.`,
      email: "Must be an email address such as name@example.org.",
      notValid: sentence,
      eventRefused: (message) => sentence(`The event ${message}`),
    },
    filingFailures: {
      unreachable: `BSI Desk couldn't reach its request desk just now. Nothing you typed is lost: press Submit again in a moment — ${SUBMIT_AGAIN_EN}.`,
      stillFiling: `Your request is still being filed. Nothing you typed is lost: press Submit again in a moment — ${SUBMIT_AGAIN_EN}.`,
      misconfigured:
        "BSI Desk is misconfigured (its API key is missing, not valid or revoked). Nothing you typed is lost: please tell a BSI Desk operator, then press Submit again once it is fixed.",
      notAllowed:
        "BSI Desk isn't allowed to file requests (its API key lacks the requests:write scope). Nothing you typed is lost: please tell the BSI Desk administrators, then press Submit again.",
      busy: "BSI Desk is busy right now. Nothing you typed is lost: press Submit again in a minute.",
      problem:
        "BSI Desk's request desk had a problem. Nothing you typed is lost: press Submit again in a moment.",
      refused: (detail) => `BSI Desk couldn't file this: ${detail}`,
    },
    moveFailures: {
      unreachable: (reference) =>
        `BSI Desk couldn't reach its request desk, so ${reference} was not changed — try again in a minute.`,
      alreadyMoved: (reference, status) =>
        `${reference} is already ${status}, so that move no longer applies; nothing was changed. The card shows where it stands.`,
      changedMeanwhile: (reference) =>
        `${reference} changed meanwhile, so that move no longer applies; nothing was changed.`,
      notFound: (reference) => `No request ${reference} was found.`,
      misconfigured: (reference) =>
        `BSI Desk is misconfigured (its API key is missing, not valid or revoked), so ${reference} was not changed — please tell a BSI Desk operator.`,
      notAllowed: (reference) =>
        `BSI Desk isn't allowed to move requests (its API key lacks the requests:manage scope), so ${reference} was not changed — please tell the BSI Desk administrators.`,
      refused: (detail) =>
        `BSI Desk couldn't make that move: ${detail || "the request desk refused it"}. Nothing was changed.`,
      busy: (reference) =>
        `BSI Desk is busy right now, so ${reference} was not changed — try again in a minute.`,
      problem: (reference) =>
        `BSI Desk's request desk had a problem, so ${reference} was not changed — try again in a minute.`,
    },
    couldNotOpenForm: {
      command: "BSI Desk couldn't open the request form — run `/bsi request` again.",
      shortcut: "BSI Desk couldn't open the request form — try *File as BSI request* again.",
    },
    filed: {
      title: "Request filed",
      close: "Done",
      filedAs: (reference) => `:white_check_mark: Your request is filed as *${reference}*.`,
      withTriage:
        "The BSI triage team has it. A receipt is in your direct messages with BSI Desk, and you will hear there about every move.",
      withoutTriage:
        "A receipt is in your direct messages with BSI Desk, and you will hear there about every move.",
      lookUp: (reference) => `Look it up any time with \`/bsi status ${reference}\`.`,
    },
    receipt: {
      text: (reference, summary) => `Your request ${reference} is filed: ${summary}`,
      filedAs: (reference, status) => `:inbox_tray: Your request is filed as *${reference}* (${status}).`,
      followUp: (reference) =>
        `The BSI triage team has it; you will hear here about every move. \`/bsi status ${reference}\` shows where it stands.`,
    },
    notice: {
      whatHappens: {
        under_review: "The BSI team is reviewing it.",
        accepted: "The BSI team accepted it and will plan the work with you.",
        declined: "The BSI team declined it.",
        in_progress: "The BSI team has started the work.",
        completed: "The BSI team has completed it.",
        withdrawn: "It is withdrawn: nothing more will happen on it.",
      },
      youWithdrew: (reference) => `You withdrew *${reference}*.`,
      isNow: (reference, status) => `*${reference}* is now *${status}*.`,
      reason: (note) => `*Reason*: ${note}`,
      note: (note) => `*Note*: ${note}`,
      history: (reference) => `\`/bsi status ${reference}\` shows its history.`,
      text: (reference, status, note) => `${reference} is now ${status}${note ? ` — ${note}` : ""}`,
      withdraw: "Withdraw",
      confirmTitle: "Withdraw this request?",
      confirmText: (reference) => `${reference} will be withdrawn; this cannot be undone.`,
      keepIt: "Keep it",
    },
    card: {
      filedOn: (date) => `Filed ${date}`,
      requester: (who) => `Requester: ${who}`,
      move: (when, status, note) => `${when}: ${status}${note ? ` — ${note}` : ""}`,
      earlier: (count) => `… and ${count} earlier`,
    },
    status: {
      yours: "Your requests:",
      noneYet: "You have no requests yet.",
      notAReference: (typed) =>
        `“${typed}” doesn't look like a request reference; they look like BSI-2026-0042.`,
      notFound: WORDS.en.requestNotFound,
      cannotListYet: "Requests can't be listed from Slack yet — filing and tracking requests is coming soon.",
    },
  },
  fr: {
    types: {
      technical_assistance: "Assistance technique",
      training: "Formation",
      workshop_participation: "Participation à un atelier",
      expert_advice: "Avis d'expert",
      information: "Information",
      other: "Autre",
    },
    statuses: {
      submitted: "Soumise",
      under_review: "En cours d'examen",
      accepted: "Acceptée",
      declined: "Refusée",
      in_progress: "En cours",
      completed: "Terminée",
      withdrawn: "Retirée",
    },
    priorities: { low: "Basse", normal: "Normale", high: "Haute", urgent: "Urgente" },
    form: {
      title: "Déposer une demande BSI",
      submit: "Envoyer",
      close: "Annuler",
      intro:
        "Demandez à l'équipe BSI de l'UNCCT une assistance technique, une formation, une place dans un atelier ou un avis d'expert. Seuls vous et l'équipe de tri de la BSI voyez votre demande.",
      type: "Type de demande",
      chooseType: "Choisissez un type",
      memberState: "État Membre",
      typeCountry: "Tapez un pays",
      memberStateHint:
        "Tapez son nom en français ou en anglais (Sénégal, Allemagne, Germany) ou son code ISO (SN).",
      agency: "Organisme",
      agencyExample: "p. ex. police aux frontières, douanes",
      themes: "Thèmes",
      chooseThemes: "Choisissez des thèmes",
      relatedEvent: "Événement lié",
      searchEvents: "Tapez pour chercher un événement à venir",
      relatedEventHint: "Obligatoire pour participer à un atelier : l'événement où vous voulez une place.",
      summary: "Résumé",
      summaryPlaceholder: "De quoi avez-vous besoin, en une ligne ?",
      details: "Détails",
      detailsPlaceholder: "Contexte, personnes concernées, dates, ce qui a déjà été tenté",
      priority: "Priorité",
      email: "E-mail de contact",
      emailExample: "nom@exemple.org",
      emailHint: "Où l'équipe BSI peut vous écrire au sujet de cette demande.",
      atMost: (max) => `${max} caractères au plus.`,
      filedFrom: (link) => `Déposée depuis ${link("un message Slack")} : le lien est ajouté aux détails.`,
    },
    errors: {
      chooseType: "Choisissez le type de demande.",
      chooseMemberState: "Choisissez l'État Membre : tapez son nom et choisissez-le dans la liste.",
      writeSummary: "Résumez votre besoin en une ligne.",
      choosePriority: "Choisissez une priorité.",
      pickWorkshopEvent:
        "Obligatoire pour participer à un atelier : choisissez l'événement où vous voulez une place.",
      tooLong: (max) => `${max} caractères au plus.`,
      email: "Doit être une adresse e-mail comme nom@exemple.org.",
      notValid: (message) => TEXT_PROBLEMS.fr[message] ?? "Cette valeur n'est pas acceptée : corrigez-la.",
      eventRefused: (message) =>
        EVENT_PROBLEMS.fr[message] ?? "Cet événement n'est pas accepté : choisissez-en un autre.",
    },
    filingFailures: {
      unreachable: `BSI Desk n'a pas pu joindre son service des demandes. Rien de ce que vous avez saisi n'est perdu : cliquez de nouveau sur Envoyer dans un instant — ${SUBMIT_AGAIN_FR}.`,
      stillFiling: `Votre demande est encore en cours de dépôt. Rien de ce que vous avez saisi n'est perdu : cliquez de nouveau sur Envoyer dans un instant — ${SUBMIT_AGAIN_FR}.`,
      misconfigured:
        "BSI Desk est mal configuré (sa clé d'API manque, n'est pas valide ou a été révoquée). Rien de ce que vous avez saisi n'est perdu : prévenez un opérateur de BSI Desk, puis cliquez de nouveau sur Envoyer une fois le problème réglé.",
      notAllowed:
        "BSI Desk n'a pas le droit de déposer des demandes (sa clé d'API n'a pas la portée requests:write). Rien de ce que vous avez saisi n'est perdu : prévenez les administrateurs de BSI Desk, puis cliquez de nouveau sur Envoyer.",
      busy: "BSI Desk est très sollicité en ce moment. Rien de ce que vous avez saisi n'est perdu : cliquez de nouveau sur Envoyer dans une minute.",
      problem:
        "Le service des demandes de BSI Desk a rencontré un problème. Rien de ce que vous avez saisi n'est perdu : cliquez de nouveau sur Envoyer dans un instant.",
      refused: (detail) => `BSI Desk n'a pas pu déposer cette demande : ${detail}`,
    },
    moveFailures: {
      unreachable: (reference) =>
        `BSI Desk n'a pas pu joindre son service des demandes, donc ${reference} n'a pas été modifiée — réessayez dans une minute.`,
      alreadyMoved: (reference, status) =>
        `${reference} est déjà « ${status} », donc ce changement ne s'applique plus ; rien n'a été modifié. La fiche indique où elle en est.`,
      changedMeanwhile: (reference) =>
        `${reference} a changé entre-temps, donc ce changement ne s'applique plus ; rien n'a été modifié.`,
      notFound: (reference) => `Aucune demande ${reference} n'a été trouvée.`,
      misconfigured: (reference) =>
        `BSI Desk est mal configuré (sa clé d'API manque, n'est pas valide ou a été révoquée), donc ${reference} n'a pas été modifiée — prévenez un opérateur de BSI Desk.`,
      notAllowed: (reference) =>
        `BSI Desk n'a pas le droit de modifier des demandes (sa clé d'API n'a pas la portée requests:manage), donc ${reference} n'a pas été modifiée — prévenez les administrateurs de BSI Desk.`,
      refused: (detail) =>
        `BSI Desk n'a pas pu faire ce changement${detail ? ` (${detail})` : ""}. Rien n'a été modifié.`,
      busy: (reference) =>
        `BSI Desk est très sollicité en ce moment, donc ${reference} n'a pas été modifiée — réessayez dans une minute.`,
      problem: (reference) =>
        `Le service des demandes de BSI Desk a rencontré un problème, donc ${reference} n'a pas été modifiée — réessayez dans une minute.`,
    },
    couldNotOpenForm: {
      command: "BSI Desk n'a pas pu ouvrir le formulaire de demande — relancez `/bsi request`.",
      shortcut: "BSI Desk n'a pas pu ouvrir le formulaire de demande — réessayez *File as BSI request*.",
    },
    filed: {
      title: "Demande déposée",
      close: "Fermer",
      filedAs: (reference) =>
        `:white_check_mark: Votre demande est déposée sous la référence *${reference}*.`,
      withTriage:
        "L'équipe de tri de la BSI l'a reçue. Un accusé de réception vous attend dans vos messages directs avec BSI Desk, et vous y serez informé de chaque étape.",
      withoutTriage:
        "Un accusé de réception vous attend dans vos messages directs avec BSI Desk, et vous y serez informé de chaque étape.",
      lookUp: (reference) => `Consultez-la à tout moment avec \`/bsi status ${reference}\`.`,
    },
    receipt: {
      text: (reference, summary) => `Votre demande ${reference} est déposée : ${summary}`,
      filedAs: (reference, status) =>
        `:inbox_tray: Votre demande est déposée sous la référence *${reference}* (${status}).`,
      followUp: (reference) =>
        `L'équipe de tri de la BSI l'a reçue ; vous serez informé ici de chaque étape. \`/bsi status ${reference}\` indique où elle en est.`,
    },
    notice: {
      whatHappens: {
        under_review: "L'équipe BSI l'examine.",
        accepted: "L'équipe BSI l'a acceptée et préparera le travail avec vous.",
        declined: "L'équipe BSI l'a refusée.",
        in_progress: "L'équipe BSI a commencé le travail.",
        completed: "L'équipe BSI l'a menée à bien.",
        withdrawn: "Elle est retirée : il ne s'y passera plus rien.",
      },
      youWithdrew: (reference) => `Vous avez retiré *${reference}*.`,
      isNow: (reference, status) => `*${reference}* est maintenant *${status}*.`,
      reason: (note) => `*Motif* : ${note}`,
      note: (note) => `*Note* : ${note}`,
      history: (reference) => `\`/bsi status ${reference}\` en montre l'historique.`,
      text: (reference, status, note) => `${reference} est maintenant ${status}${note ? ` — ${note}` : ""}`,
      withdraw: "Retirer",
      confirmTitle: "Retirer cette demande ?",
      confirmText: (reference) => `${reference} sera retirée ; c'est définitif.`,
      keepIt: "La garder",
    },
    card: {
      filedOn: (date) => `Déposée le ${date}`,
      requester: (who) => `Demandeur : ${who}`,
      move: (when, status, note) => `${when} : ${status}${note ? ` — ${note}` : ""}`,
      earlier: (count) => `… et ${count} étape${count > 1 ? "s" : ""} antérieure${count > 1 ? "s" : ""}`,
    },
    status: {
      yours: "Vos demandes :",
      noneYet: "Vous n'avez encore aucune demande.",
      notAReference: (typed) =>
        `« ${typed} » ne ressemble pas à une référence de demande ; elles ressemblent à BSI-2026-0042.`,
      notFound: WORDS.fr.requestNotFound,
      cannotListYet:
        "Les demandes ne peuvent pas encore être listées depuis Slack — le dépôt et le suivi des demandes arrivent bientôt.",
    },
  },
  es: {
    types: {
      technical_assistance: "Asistencia técnica",
      training: "Formación",
      workshop_participation: "Participación en un taller",
      expert_advice: "Asesoramiento experto",
      information: "Información",
      other: "Otra",
    },
    statuses: {
      submitted: "Presentada",
      under_review: "En revisión",
      accepted: "Aceptada",
      declined: "Rechazada",
      in_progress: "En curso",
      completed: "Completada",
      withdrawn: "Retirada",
    },
    priorities: { low: "Baja", normal: "Normal", high: "Alta", urgent: "Urgente" },
    form: {
      title: "Presentar solicitud BSI",
      submit: "Enviar",
      close: "Cancelar",
      intro:
        "Pida al equipo de la BSI en la UNCCT asistencia técnica, formación, una plaza en un taller o asesoramiento experto. Solo usted y el equipo de triaje de la BSI ven su solicitud.",
      type: "Tipo de solicitud",
      chooseType: "Elija un tipo",
      memberState: "Estado Miembro",
      typeCountry: "Escriba un país",
      memberStateHint:
        "Escriba su nombre en español, inglés o francés (Senegal, Alemania, Germany) o su código ISO (SN).",
      agency: "Organismo",
      agencyExample: "p. ej., policía de fronteras, aduanas",
      themes: "Temas",
      chooseThemes: "Elija temas",
      relatedEvent: "Evento relacionado",
      searchEvents: "Escriba para buscar próximos eventos",
      relatedEventHint: "Obligatorio para participar en un taller: el evento en el que quiere una plaza.",
      summary: "Resumen",
      summaryPlaceholder: "¿Qué necesita, en una línea?",
      details: "Detalles",
      detailsPlaceholder: "Contexto, personas implicadas, fechas, lo que ya se ha intentado",
      priority: "Prioridad",
      email: "Correo de contacto",
      emailExample: "nombre@ejemplo.org",
      emailHint: "Donde el equipo de la BSI puede escribirle sobre esta solicitud.",
      atMost: (max) => `Como máximo ${max} caracteres.`,
      filedFrom: (link) =>
        `Presentada desde ${link("un mensaje de Slack")}: el enlace se añade a los detalles.`,
    },
    errors: {
      chooseType: "Elija el tipo de solicitud.",
      chooseMemberState: "Elija el Estado Miembro: escriba su nombre y elíjalo de la lista.",
      writeSummary: "Resuma en una línea lo que necesita.",
      choosePriority: "Elija una prioridad.",
      pickWorkshopEvent:
        "Obligatorio para participar en un taller: elija el evento en el que quiere una plaza.",
      tooLong: (max) => `Debe tener como máximo ${max} caracteres.`,
      email: "Debe ser una dirección de correo como nombre@ejemplo.org.",
      notValid: (message) => TEXT_PROBLEMS.es[message] ?? "Este valor no es válido: corríjalo.",
      eventRefused: (message) => EVENT_PROBLEMS.es[message] ?? "Ese evento no se acepta: elija otro.",
    },
    filingFailures: {
      unreachable: `BSI Desk no pudo comunicarse con su servicio de solicitudes. No se ha perdido nada de lo que escribió: pulse Enviar de nuevo dentro de un momento — ${SUBMIT_AGAIN_ES}.`,
      stillFiling: `Su solicitud aún se está presentando. No se ha perdido nada de lo que escribió: pulse Enviar de nuevo dentro de un momento — ${SUBMIT_AGAIN_ES}.`,
      misconfigured:
        "BSI Desk está mal configurado (su clave de API falta, no es válida o fue revocada). No se ha perdido nada de lo que escribió: avise a un operador de BSI Desk y pulse Enviar de nuevo cuando esté resuelto.",
      notAllowed:
        "BSI Desk no tiene permiso para presentar solicitudes (a su clave de API le falta el alcance requests:write). No se ha perdido nada de lo que escribió: avise a los administradores de BSI Desk y pulse Enviar de nuevo.",
      busy: "BSI Desk está muy ocupado en este momento. No se ha perdido nada de lo que escribió: pulse Enviar de nuevo dentro de un minuto.",
      problem:
        "El servicio de solicitudes de BSI Desk tuvo un problema. No se ha perdido nada de lo que escribió: pulse Enviar de nuevo dentro de un momento.",
      refused: (detail) => `BSI Desk no pudo presentar esta solicitud: ${detail}`,
    },
    moveFailures: {
      unreachable: (reference) =>
        `BSI Desk no pudo comunicarse con su servicio de solicitudes, así que ${reference} no se modificó — inténtelo de nuevo dentro de un minuto.`,
      alreadyMoved: (reference, status) =>
        `${reference} ya está «${status}», así que ese cambio ya no procede; no se modificó nada. La tarjeta muestra en qué punto está.`,
      changedMeanwhile: (reference) =>
        `${reference} cambió entretanto, así que ese cambio ya no procede; no se modificó nada.`,
      notFound: (reference) => `No se encontró ninguna solicitud ${reference}.`,
      misconfigured: (reference) =>
        `BSI Desk está mal configurado (su clave de API falta, no es válida o fue revocada), así que ${reference} no se modificó — avise a un operador de BSI Desk.`,
      notAllowed: (reference) =>
        `BSI Desk no tiene permiso para modificar solicitudes (a su clave de API le falta el alcance requests:manage), así que ${reference} no se modificó — avise a los administradores de BSI Desk.`,
      refused: (detail) =>
        `BSI Desk no pudo hacer ese cambio${detail ? ` (${detail})` : ""}. No se modificó nada.`,
      busy: (reference) =>
        `BSI Desk está muy ocupado en este momento, así que ${reference} no se modificó — inténtelo de nuevo dentro de un minuto.`,
      problem: (reference) =>
        `El servicio de solicitudes de BSI Desk tuvo un problema, así que ${reference} no se modificó — inténtelo de nuevo dentro de un minuto.`,
    },
    couldNotOpenForm: {
      command: "BSI Desk no pudo abrir el formulario de solicitud — ejecute `/bsi request` de nuevo.",
      shortcut: "BSI Desk no pudo abrir el formulario de solicitud — pruebe *File as BSI request* de nuevo.",
    },
    filed: {
      title: "Solicitud presentada",
      close: "Cerrar",
      filedAs: (reference) =>
        `:white_check_mark: Su solicitud se ha presentado con la referencia *${reference}*.`,
      withTriage:
        "El equipo de triaje de la BSI ya la tiene. En sus mensajes directos con BSI Desk tiene un acuse de recibo, y allí se le informará de cada cambio.",
      withoutTriage:
        "En sus mensajes directos con BSI Desk tiene un acuse de recibo, y allí se le informará de cada cambio.",
      lookUp: (reference) => `Consúltela cuando quiera con \`/bsi status ${reference}\`.`,
    },
    receipt: {
      text: (reference, summary) => `Su solicitud ${reference} se ha presentado: ${summary}`,
      filedAs: (reference, status) =>
        `:inbox_tray: Su solicitud se ha presentado con la referencia *${reference}* (${status}).`,
      followUp: (reference) =>
        `El equipo de triaje de la BSI ya la tiene; aquí se le informará de cada cambio. \`/bsi status ${reference}\` muestra en qué punto está.`,
    },
    notice: {
      whatHappens: {
        under_review: "El equipo de la BSI la está revisando.",
        accepted: "El equipo de la BSI la aceptó y planificará el trabajo con usted.",
        declined: "El equipo de la BSI la rechazó.",
        in_progress: "El equipo de la BSI ha empezado el trabajo.",
        completed: "El equipo de la BSI la ha completado.",
        withdrawn: "Está retirada: no se hará nada más con ella.",
      },
      youWithdrew: (reference) => `Retiró *${reference}*.`,
      isNow: (reference, status) => `*${reference}* está ahora *${status}*.`,
      reason: (note) => `*Motivo*: ${note}`,
      note: (note) => `*Nota*: ${note}`,
      history: (reference) => `\`/bsi status ${reference}\` muestra su historial.`,
      text: (reference, status, note) => `${reference} está ahora ${status}${note ? ` — ${note}` : ""}`,
      withdraw: "Retirar",
      confirmTitle: "¿Retirar esta solicitud?",
      confirmText: (reference) => `${reference} se retirará; no se puede deshacer.`,
      keepIt: "Mantenerla",
    },
    card: {
      filedOn: (date) => `Presentada el ${date}`,
      requester: (who) => `Solicitante: ${who}`,
      move: (when, status, note) => `${when}: ${status}${note ? ` — ${note}` : ""}`,
      earlier: (count) => `… y ${count} ${count > 1 ? "cambios anteriores" : "cambio anterior"}`,
    },
    status: {
      yours: "Sus solicitudes:",
      noneYet: "Todavía no tiene solicitudes.",
      notAReference: (typed) =>
        `«${typed}» no parece una referencia de solicitud; tienen este aspecto: BSI-2026-0042.`,
      notFound: WORDS.es.requestNotFound,
      cannotListYet:
        "Las solicitudes aún no se pueden listar desde Slack — pronto se podrán presentar y seguir.",
    },
  },
};

/** A status in the reader's words; an unknown one (a newer API) as sent. */
export function statusLabel(status: string, language: Language): string {
  return REQUEST_WORDS[language].statuses[status as RequestStatus] ?? status;
}

/** A count of characters as the reader writes numbers: "3,000", "3 000", "3000". */
export function formatCount(count: number, language: Language): string {
  return count.toLocaleString(LOCALES[language]);
}
