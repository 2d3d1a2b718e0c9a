import { context, header } from "./elements.js";
import type { SlackMessage } from "./types.js";
import { type Language, WORDS } from "./words.js";

/** What help says around the commands, which are typed the same in every language. */
interface HelpWords {
  /** `p` is the command prefix ("/bsi " in Slack). */
  lines: (p: string) => string[];
  intro: string;
  /** `command` is what was typed after /bsi, already escaped. */
  unknownCommand: (command: string) => string;
  text: string;
  private: (shareInChannel: string) => string;
}

export const HELP_WORDS: Record<Language, HelpWords> = {
  en: {
    lines: (p) => [
      `\`${p}next\` — the next BSI event`,
      `\`${p}events [words]\` — upcoming events, optionally matching words: \`${p}events biometrics Dakar\``,
      `\`${p}practices [topic]\` — good practices on border security and management: \`${p}practices PNR\``,
      `\`${p}status [reference]\` — your requests, or one request: \`${p}status BSI-2026-0042\``,
      `\`${p}request [summary]\` — file a request for assistance, training, a workshop seat or expert advice (opens a form)`,
      `\`${p}help\` — this list`,
      `Anything else is a question: \`${p}workshops in the Sahel next month\``,
    ],
    intro:
      "Ask about Border Security Initiative workshops, events and good practices. Mention me in a channel, send me a direct message, or use these commands:",
    unknownCommand: (command) =>
      `There is no \`/bsi ${command}\`. Here is what BSI Desk can do — mention me in a channel, send me a direct message, or use:`,
    text: "BSI Desk help: next, events, practices, status, request, or ask a question",
    private: (share) => `Replies to commands are visible only to you; *${share}* posts one for everyone.`,
  },
  fr: {
    lines: (p) => [
      `\`${p}next\` — le prochain événement de la BSI`,
      `\`${p}events [mots]\` — les événements à venir, éventuellement ceux qui contiennent ces mots : \`${p}events biometrics Dakar\``,
      `\`${p}practices [sujet]\` — les bonnes pratiques de sécurité et de gestion des frontières : \`${p}practices PNR\``,
      `\`${p}status [référence]\` — vos demandes, ou l'une d'elles : \`${p}status BSI-2026-0042\``,
      `\`${p}request [résumé]\` — déposer une demande d'assistance, de formation, de place dans un atelier ou d'avis d'expert (ouvre un formulaire)`,
      `\`${p}help\` — cette liste`,
      `Tout le reste est une question : \`${p}ateliers au Sahel le mois prochain\``,
    ],
    intro:
      "Posez vos questions sur les ateliers, les événements et les bonnes pratiques de l'Initiative sur la sécurité des frontières. Mentionnez-moi dans un canal, envoyez-moi un message direct, ou utilisez ces commandes :",
    unknownCommand: (command) =>
      `La commande \`/bsi ${command}\` n'existe pas. Voici ce que BSI Desk sait faire — mentionnez-moi dans un canal, envoyez-moi un message direct, ou utilisez :`,
    text: "Aide de BSI Desk : next, events, practices, status, request, ou posez une question",
    private: (share) =>
      `Les réponses aux commandes ne sont visibles que par vous ; *${share}* en publie une pour tout le monde.`,
  },
  es: {
    lines: (p) => [
      `\`${p}next\` — el próximo evento de la BSI`,
      `\`${p}events [palabras]\` — los próximos eventos, si quiere solo los que contienen esas palabras: \`${p}events biometrics Dakar\``,
      `\`${p}practices [tema]\` — buenas prácticas de seguridad y gestión de fronteras: \`${p}practices PNR\``,
      `\`${p}status [referencia]\` — sus solicitudes, o una de ellas: \`${p}status BSI-2026-0042\``,
      `\`${p}request [resumen]\` — presentar una solicitud de asistencia, formación, una plaza en un taller o asesoramiento experto (abre un formulario)`,
      `\`${p}help\` — esta lista`,
      `Todo lo demás es una pregunta: \`${p}talleres en el Sahel el mes que viene\``,
    ],
    intro:
      "Pregunte por los talleres, eventos y buenas prácticas de la Iniciativa de Seguridad Fronteriza. Mencióneme en un canal, envíeme un mensaje directo o use estos comandos:",
    unknownCommand: (command) =>
      `No existe \`/bsi ${command}\`. Esto es lo que BSI Desk puede hacer — mencióneme en un canal, envíeme un mensaje directo o use:`,
    text: "Ayuda de BSI Desk: next, events, practices, status, request, o haga una pregunta",
    private: (share) => `Las respuestas a los comandos solo las ve usted; *${share}* publica una para todos.`,
  },
};

/** The `/bsi` subcommands, as help lists them. `prefix` is "/bsi " in Slack. */
export function renderHelp(
  options: { prefix?: string; intro?: string; language?: Language } = {},
): SlackMessage {
  const p = options.prefix ?? "/bsi ";
  const language = options.language ?? "en";
  const words = HELP_WORDS[language];
  return {
    text: words.text,
    blocks: [
      header("BSI Desk"),
      { type: "section", text: { type: "mrkdwn", text: options.intro ?? words.intro } },
      { type: "section", text: { type: "mrkdwn", text: words.lines(p).join("\n") } },
      context([words.private(WORDS[language].shareInChannel)]),
    ],
  };
}
