/**
 * Words the assistant reads past: function words and the filler practitioners wrap a question in
 * ("hey bot, could you tell me…"). Folded (lowercase, no accents). They tell the language apart and
 * are never "corrected" into a place or a theme.
 */
export const FUNCTION_WORDS = {
  en: `a an the and or but nor of in on at to for from with without about by into onto over under
    between before after during until till since up down out off any anything anyone something some
    all each every there here is are was were be been being am do does did done doing have has had
    having will would could can should shall might must i me my mine we us our ours you your yours he
    him his she her it its they them their theirs this that these those what whats which who whom whose
    when where why how hey hi hello bot please pls plz tell show list give find know let get got want
    wanted need needs looking look search see happening happen happens going go goes plan plans
    other others also just only more most much many very really again still yet not no yes ok okay so
    as if then than too like well info details detail dates date time times etc s t re ll d ve m don
    didn isn aren wasn weren won doesn haven hasn wouldn couldn shouldn can't cannot kindly maybe
    perhaps around near within across per via one ones two three few several lot lots thing things
    stuff anybody someone everyone everything nothing none now today tonight currently
    currently already ever never always often soon later far yet such same own way ways else
    wondering wonder curious interested interest interesting share sharing send sent
    mind able possible possibly kind sort type types regarding concerning related relating
    relevant available availability options option whether either neither both quick quickly
    guys folks team colleagues dear sir madam hiya thx ty cheers hold holding host hosted hosting
    organise organize organised organized organising organizing run running take taking place places
    country countries government state states member ministry agency agencies office staff officer
    officers people participants participant us series mention mentions mentioning mentioned attended
    participated
    listed list involved involvement close closes closing adopted adopt top`,
  fr: `le la les l un une des de du d et ou en au aux a dans sur sous pour par avec sans entre avant
    apres depuis pendant jusqu jusque vers chez ce cet cette ces ca cela ceci quel quels quelle quelles
    qui que quoi qu est sont sera seront serait etait etaient ete etre ont avez avons ai as avait
    il elle ils elles on nous vous je j me m moi toi mon ma mes ton ta tes notre nos votre vos leur
    leurs y t c s n ne pas plus tous tout toutes toute quand comment pourquoi combien bonjour bonsoir
    salut merci svp stp plait peux peut pouvez pourriez pourrais voudrais voudrions veux veut
    aimerais dire dis dites montrer montre montrez donner donne donnez trouver trouve cherche
    cherchons chercher savoir sais connaitre rien quelque quelques chose choses aussi encore bien tres
    infos info informations details propos sujet concernant si oui non alors donc mais car ni deja
    faut falloir fait faire fais font va vont aller y a-t-il voici voila autre autres meme certains
    certaines chaque peu beaucoup actuellement aujourd hui maintenant bientot interesse interessee
    besoin liste lister voir vois auriez aurait avoir pays gouvernement etat etats membre ministere
    agence personnel participants organiser tenir tient tiennent tiendra tiendront lieu deroule
    deroulent genre sorte type passer laissez seulement uniquement adoptees adoptee adopte`,
  es: `el la los las lo un una unos unas de del al a en y o u e con sin por para entre antes despues
    desde hasta durante sobre hacia que cual cuales quien quienes cuando donde como cuanto cuantos
    cuantas es son sera seran esta estan estara estaran hay habra hubo fue fueron ser estar tiene
    tienen tenemos ha han he yo me mi mis nosotros nosotras nos nuestro nuestra nuestros nuestras
    usted ustedes su sus tu te este esta estos estas ese esa esos esas eso esto algo alguna alguno
    algun algunos algunas nada todo todos toda todas mas muy tambien ya no si hola buenos buenas
    dias tardes noches gracias favor puedes puede podrias podria podemos quiero quisiera queremos
    necesito necesitamos busco buscamos buscar decir dime digame muestrame mostrar dar dame saber
    conocer informacion info detalles acerca respecto tema pero porque pues entonces otro otra
    otros otras mismo cada poco mucho muchos muchas actualmente hoy ahora pronto interesa
    interesado interesada lista listar ver veo haber pais paises gobierno estado estados miembro
    ministerio agencia personal participantes organizar celebrar celebra celebran realiza realizan
    lugar celebrado celebrada celebrados celebradas viene vienen pasa pasan pasara todavia aun
    puedo podemos nuevo nueva nuevos nuevas asistio asistieron
    participaron solo solamente paso adoptaron adoptadas adoptada adopto`,
} as const;

export type FunctionWordLanguage = keyof typeof FUNCTION_WORDS;

/**
 * Words that carry meaning for the intent but not for a search: they are never sent as search words.
 * Mostly the vocabulary of the catalogue itself ("event", "border") that every item matches.
 */
export const GENERIC_WORDS = `event events evenement evenements evento eventos activity activities activite
  activites actividad actividades programme programmes program programs programa programas calendar
  calendrier calendario agenda bsi uncct unoct cted gctf un onu initiative initiatives border borders
  frontier frontiers frontiere frontieres frontera fronteras security securite seguridad management
  gestion catalogue catalog catalogo question questions answer bot desk
  guard guards garde gardes guardia guardias police policia policias policier policiers officials
  official fonctionnaires funcionarios agents agentes practitioners praticiens profesionales
  delegation delegations delegacion delegaciones
  registration registrations deadline deadlines topics topic subjects subject focal inscription
  inscriptions inscripcion inscripciones plazo plazos temas sujets data donnees datos sample samples
  exemple exemples ejemplo ejemplos partner partners partnered partenaire partenaires socio socios`;

/**
 * Words of the field that name no theme of the taxonomy ("maritime", "armas pequeñas"): they stay
 * words to search for, tell the language, and are never "corrected" into a month or a country
 * ("género" is not "enero", "pequeñas" is not "peruanas").
 */
export const TOPIC_WORDS = {
  en: `maritime sea seas port ports coast coastal small arms weapons light trafficking smuggling
    drugs migration migrants customs cyber cybersecurity aviation airport airports women youth
    children gender corruption violent extremism extremist radicalisation radicalization kidnapping
    explosives firearms`,
  fr: `maritime maritimes mer ports cotiere cotieres armes legeres petit petits calibre trafic
    trafics contrebande drogues migration migrations douane douanes cybersecurite aviation aeroport
    aeroports jeunes enfants corruption extremisme violent radicalisation enlevements
    explosifs`,
  es: `maritima maritimas maritimo maritimos mar puerto puertos costera costeras armas pequenas
    ligeras trafico contrabando drogas migracion migraciones aduana aduanas ciberseguridad aviacion
    aeropuerto aeropuertos jovenes ninos corrupcion extremismo violento radicalizacion secuestros
    explosivos`,
} as const;

/**
 * Cue phrases: words that say what the person wants rather than which items. Each phrase is folded
 * and tokenized like a question. Languages are noted for the language guess.
 */
export type Cue =
  | "event"
  | "upcoming"
  | "next"
  | "past"
  | "when"
  | "when_past"
  | "practice"
  | "status"
  | "request_noun"
  | "request_verb"
  | "how"
  | "help"
  | "greeting"
  | "thanks"
  | "api_tech"
  | "my";

export const CUE_PHRASES: Record<Cue, { en: string[]; fr: string[]; es: string[] }> = {
  event: {
    en: [
      "event",
      "events",
      "activity",
      "activities",
      "happening",
      "going on",
      "on the calendar",
      "calendar",
      "agenda",
      "programme",
      "program",
      "schedule",
      "what s on",
      "whats on",
      // "What's the latest on the Almaty conference?" asks for news of it, not for past events.
      "latest on",
      "latest about",
      "latest news",
      "take place",
      "taking place",
      "held",
      "hosting",
      "organised",
      "organized",
      "dates",
    ],
    fr: [
      "evenement",
      "evenements",
      "activite",
      "activites",
      "calendrier",
      "agenda",
      "programme",
      "a lieu",
      "aura lieu",
      // "Qu'est-ce qui se passe à Nouakchott ?" asks what is happening there, not what happened.
      "se passe",
      "se passent",
      "se passera",
      "se passeront",
      "auront lieu",
      "se tient",
      "se tiendra",
      "organise",
      "organisee",
      "organises",
      "prevu",
      "prevus",
      "prevue",
      "prevues",
      "dates",
    ],
    es: [
      "evento",
      "eventos",
      "actividad",
      "actividades",
      "calendario",
      "agenda",
      "programa",
      "tendra lugar",
      "se celebra",
      "se celebrara",
      "organiza",
      "organizado",
      "previsto",
      "previstos",
      "prevista",
      "previstas",
      "programado",
      "programados",
      "fechas",
    ],
  },
  upcoming: {
    en: [
      "upcoming",
      "coming up",
      "coming",
      "future",
      "forthcoming",
      "soon",
      "planned",
      "scheduled",
      "ahead",
      "later this year",
      "next few",
      "in the pipeline",
      "on the horizon",
    ],
    fr: [
      "a venir",
      "prochainement",
      "futur",
      "futurs",
      "future",
      "futures",
      "bientot",
      "prochains",
      "prochaines",
      "programmes",
      "planifies",
    ],
    es: [
      "proximos",
      "proximas",
      "futuro",
      "futuros",
      "futuras",
      "pronto",
      "proximamente",
      "que vienen",
      "planificados",
      "por venir",
    ],
  },
  next: {
    en: ["next", "the next one", "soonest", "following"],
    fr: ["prochain", "prochaine", "suivant", "suivante"],
    es: ["proximo", "proxima", "siguiente"],
  },
  past: {
    en: [
      "past",
      "previous",
      "previously",
      "last",
      "earlier",
      "former",
      "happened",
      "took place",
      "was held",
      "were held",
      "did we",
      "have we",
      "did bsi",
      "has there been",
      "have there been",
      "was there",
      "were there",
      "history",
      "historical",
      "archive",
      "already",
      "ago",
      "latest",
      "most recent",
      "recent",
    ],
    fr: [
      "passe",
      "passes",
      "passee",
      "passees",
      "precedent",
      "precedents",
      "precedente",
      "precedentes",
      "dernier",
      "derniere",
      "derniers",
      "dernieres",
      "a eu lieu",
      "ont eu lieu",
      "deja",
      "historique",
      "archives",
      "recent",
      "recents",
      "il y a eu",
    ],
    es: [
      "pasado",
      "pasados",
      "pasada",
      "pasadas",
      "anterior",
      "anteriores",
      "ultimo",
      "ultima",
      "ultimos",
      "ultimas",
      "tuvo lugar",
      "tuvieron lugar",
      "se celebro",
      "se realizo",
      "hubo",
      "historial",
      "historico",
      "reciente",
      "recientes",
    ],
  },
  when: {
    en: ["when", "when is", "when are", "when will", "what date", "which date", "deadline", "closing date"],
    fr: ["quand", "quelle date", "a quelle date", "date limite", "delai"],
    es: ["cuando", "que fecha", "fecha limite", "plazo"],
  },
  when_past: {
    en: ["when was", "when were", "when did"],
    fr: ["quand a eu lieu", "quand ont eu lieu"],
    es: ["cuando fue", "cuando fueron"],
  },
  practice: {
    en: [
      "practice",
      "practices",
      "practise",
      "practises",
      "good practice",
      "good practices",
      "best practice",
      "best practices",
      "guidance",
      "guideline",
      "guidelines",
      "recommendation",
      "recommendations",
      "lessons learned",
      "lessons learnt",
      "what works",
      "how should",
      "advice",
      "tips",
      "memorandum",
      "good practices document",
      "standards",
    ],
    fr: [
      "pratique",
      "pratiques",
      "bonne pratique",
      "bonnes pratiques",
      "meilleures pratiques",
      "recommandation",
      "recommandations",
      "orientations",
      "lignes directrices",
      "conseils",
      "lecons apprises",
      "enseignements",
    ],
    es: [
      "practica",
      "practicas",
      "buena practica",
      "buenas practicas",
      "mejores practicas",
      "recomendacion",
      "recomendaciones",
      "orientaciones",
      "directrices",
      "consejos",
      "lecciones aprendidas",
    ],
  },
  status: {
    en: [
      "status",
      "progress",
      "update on",
      "any news",
      "where is my",
      "where are my",
      "what happened to",
      "has my request",
      "is my request",
      "track",
      "tracking",
      "approved",
      "accepted",
      "rejected",
      "declined",
      "heard back",
      "decision on",
    ],
    fr: [
      "statut",
      "etat",
      "avancement",
      "suivi",
      "ou en est",
      "ou en sont",
      "des nouvelles",
      "acceptee",
      "approuvee",
      "refusee",
      "une reponse",
    ],
    es: [
      "estado",
      "situacion",
      "seguimiento",
      "en que estado",
      "como va",
      "novedades",
      "aprobada",
      "aceptada",
      "rechazada",
      "respuesta",
      "aprobaron",
      "aceptaron",
      "rechazaron",
    ],
  },
  request_noun: {
    en: [
      "request",
      "requests",
      "application",
      "nomination",
      "form",
      "technical assistance",
      "assistance",
      "support",
    ],
    fr: [
      "demande",
      "demandes",
      "requete",
      "candidature",
      "formulaire",
      "assistance technique",
      "assistance",
      "appui",
      "soutien",
    ],
    es: [
      "solicitud",
      "solicitudes",
      "peticion",
      "pedido",
      "formulario",
      "asistencia tecnica",
      "asistencia",
      "apoyo",
    ],
  },
  request_verb: {
    en: [
      "request",
      "apply",
      "ask for",
      "nominate",
      "register",
      "sign up",
      "enrol",
      "enroll",
      "participate",
      "attend",
      "join",
      "submit",
      "file",
      "obtain",
      "get support",
      "get assistance",
      "invite",
      "invited",
      "host",
    ],
    fr: [
      "demander",
      "solliciter",
      "inscrire",
      "m inscrire",
      "s inscrire",
      "nous inscrire",
      "participer",
      "postuler",
      "soumettre",
      "obtenir",
      "deposer",
      "accueillir",
      "inviter",
    ],
    es: [
      "solicitar",
      "pedir",
      "pido",
      "pedimos",
      "solicito",
      "solicitamos",
      "inscribir",
      "inscribirme",
      "inscribirnos",
      "participar",
      "postular",
      "presentar",
      "obtener",
      "registrarse",
      "registrarme",
      "acoger",
      "invitar",
    ],
  },
  how: {
    en: [
      "how",
      "how do",
      "how can",
      "how does one",
      "what is the process",
      "what s the process",
      "procedure",
      "process",
      "steps",
      "where do i",
      "who do i",
    ],
    fr: ["comment", "quelle est la procedure", "procedure", "demarche", "demarches", "etapes", "a qui"],
    es: ["como", "cual es el procedimiento", "procedimiento", "proceso", "tramite", "pasos", "a quien"],
  },
  help: {
    en: [
      "help",
      "what can you do",
      "what do you do",
      "what can i ask",
      "what can you answer",
      "how does this work",
      "how do you work",
      "how do i use you",
      "how to use you",
      "how do i use this",
      "how to use this bot",
      "commands",
      "command",
      "usage",
      "manual",
      "instructions",
      "who are you",
      "what are you",
      "menu",
      "options",
    ],
    fr: [
      "aide",
      "aidez",
      "aider",
      "que peux tu faire",
      "que pouvez vous faire",
      "que sais tu faire",
      "comment ca marche",
      "comment ca fonctionne",
      "commandes",
      "mode d emploi",
      "qui es tu",
      "qui etes vous",
    ],
    es: [
      "ayuda",
      "ayudame",
      "ayudenme",
      "que puedes hacer",
      "que puede hacer",
      "como funciona",
      "como funcionas",
      "comandos",
      "instrucciones",
      "quien eres",
      "que eres",
    ],
  },
  greeting: {
    en: [
      "hi",
      "hello",
      "hey",
      "hiya",
      "greetings",
      "good morning",
      "good afternoon",
      "good evening",
      "morning",
      "howdy",
      "hi there",
      "hello there",
    ],
    fr: ["bonjour", "bonsoir", "salut", "coucou", "allo"],
    es: ["hola", "buenos dias", "buenas tardes", "buenas noches", "buen dia", "saludos", "buenas"],
  },
  thanks: {
    en: ["thanks", "thank you", "thx", "ty", "cheers", "much appreciated", "great thanks", "perfect thanks"],
    fr: ["merci", "merci beaucoup", "mille mercis"],
    es: ["gracias", "muchas gracias", "mil gracias"],
  },
  api_tech: {
    en: [
      "api key",
      "api keys",
      "api token",
      "rest api",
      "rest",
      "endpoint",
      "endpoints",
      "json",
      "http",
      "openapi",
      "swagger",
      "sdk",
      "curl",
      "webhook",
      "webhooks",
      "bearer",
      "authentication",
      "auth",
      "programmatically",
      "integrate",
      "integration",
      "api docs",
      "api documentation",
      "rate limit",
      "client library",
      "your api",
      "the bsi desk api",
      "desk api",
      "our api",
      "call the api",
      "use the api",
      "using the api",
      "access the api",
      "query the api",
      "the api work",
      "api work",
      "postman",
      "scopes",
      "scope",
    ],
    fr: [
      "cle api",
      "cle d api",
      "jeton",
      "utiliser l api",
      "votre api",
      "documentation de l api",
      "point de terminaison",
    ],
    es: ["clave api", "clave de api", "token de api", "usar la api", "su api", "documentacion de la api"],
  },
  my: {
    en: ["my", "our", "mine"],
    fr: ["mon", "ma", "mes", "notre", "nos"],
    es: ["mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras"],
  },
};

/**
 * Telling words of Latin-script languages the desk does not answer in, to say so instead of reading
 * a German or Portuguese question as English. Words that are also English, French or Spanish are
 * dropped from these lists when the lexicon is built.
 */
export const OTHER_LANGUAGE_WORDS = {
  de: `und ist sind nicht mit fur fuer auf ein eine einen einem welche welcher welches gibt wann wie ich wir
    bitte kommende kommenden nachste naechste nachsten veranstaltungen veranstaltung haben werden wird dem den
    des zum zur uber ueber grenze grenzen schulung schulungen danke`,
  it: `il gli della delle degli dello sono che cosa quali quale prossimo prossima prossimi prossime eventi dove
    grazie ciao sul sulla nel nella previsti prevista buone pratiche formazione`,
  pt: `quais qual os ao aos sao estao voce obrigado obrigada nao uma tem onde boas praticas oficinas oficina proximas
    capacitacao`,
  nl: `het een welke zijn wanneer volgende evenementen bijeenkomst graag alstublieft bedankt`,
} as const;

/** Words that leave out the place right after them: "not in", "outside", "sauf", "fuera de"… */
export const NEGATIONS = new Set([
  "not",
  "outside",
  "except",
  "excluding",
  "excepting",
  "apart",
  "pas",
  "hors",
  "dehors",
  "sauf",
  "excepte",
  "exception",
  "excepto",
  "salvo",
  "menos",
  "fuera",
  "no",
  // "n't" typed without its apostrophe; with it, "aren't" is read as "aren" + "t".
  "arent",
  "isnt",
  "doesnt",
  "didnt",
  "wasnt",
  "werent",
]);

/**
 * Words that may stand between a negation and its place, saying where an event happens: "not held
 * in", "aren't taking place in", "n'ont pas lieu en", "no se celebran en". Up to four are skipped.
 */
export const VENUE_VERBS = new Set([
  ...["held", "hold", "holding", "take", "takes", "taking", "took", "taken", "place", "happen", "happens"],
  ...["happening", "located", "based", "hosted", "organised", "organized", "planned", "scheduled", "run"],
  ...["running", "be", "being", "been", "are", "is", "was", "were", "going", "to"],
  ...[
    "lieu",
    "a",
    "ont",
    "se",
    "tient",
    "tiennent",
    "deroule",
    "deroulent",
    "passe",
    "passent",
    "est",
    "sont",
  ],
  ...["organise", "organisee", "organises", "organisees", "prevu", "prevue", "prevus", "prevues", "situe"],
  ...["celebra", "celebran", "realiza", "realizan", "tiene", "tienen", "lugar", "es", "son", "esta", "estan"],
  ...["organizado", "organizada", "organizados", "organizadas", "previsto", "prevista", "previstos"],
  // Future tenses: "will not be held in", "n'auront pas lieu en", "no tendrán lugar en".
  ...["will", "aura", "auront", "tiendra", "tiendront", "deroulera", "derouleront", "sera", "seront"],
  ...["tendra", "tendran", "celebrara", "celebraran", "realizara", "realizaran", "seran", "estara"],
  ...["estaran"],
  // "not occurring in", "ne vont pas se tenir en", "que no se llevan a cabo en".
  ...["occur", "occurs", "occurring", "vont", "va", "tenir", "derouler", "avoir", "lleva", "llevan", "cabo"],
  ...["llevara", "llevaran"],
]);

export const NEGATION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["other", "than"],
  ["autre", "que"],
  ["autres", "que"],
  ["anywhere", "but"],
];

/** Small words allowed between a negation and its place: "outside of the", "hors de la", "fuera del". */
export const NEGATION_FILLERS = new Set([
  ...["in", "at", "of", "the", "for", "from", "a", "la", "le", "les", "l", "de", "du", "des", "d"],
  ...["en", "au", "aux", "dans", "el", "los", "las", "del"],
]);

/**
 * Verb forms after a negation that describe the event rather than ask about it: "not being held
 * in", "not taking place in", "not planned in". A finite verb ("¿no es en Dakar…?", "los talleres
 * no son en…") leaves the place out only after a relative word (RELATIVES).
 */
export const VENUE_PARTICIPLES = new Set([
  ...["held", "being", "been", "taking", "taken", "happening", "located", "based", "hosted", "planned"],
  ...["scheduled", "organised", "organized", "running", "going", "occurring", "prevu", "prevue", "prevus"],
  ...["prevues"],
  ...["organise", "organisee", "organises", "organisees", "situe", "organizado", "organizada"],
  ...["organizados", "organizadas", "previsto", "prevista", "previstos", "celebrado", "celebrados"],
]);

/** "workshops that are not held in…", "ateliers qui n'ont pas lieu…", "talleres que no se celebran…". */
export const RELATIVES = new Set(["that", "which", "who", "where", "qui", "que", "qu", "donde"]);

/** "ne" and its elision before a French verb: "qui n'ont pas lieu", "qui ne se tiennent pas". */
export const CLITICS = new Set(["ne", "n"]);

/** "except in Mali and Niger": a place joined to a left-out one is left out too. */
export const CONJUNCTIONS = new Set(["and", "or", "nor", "et", "ou", "ni", "y", "e", "o", "u"]);

/**
 * "What is BSI?", "tell me about the Border Security Initiative", "qu'est-ce que la BSI", "¿qué es la
 * BSI?", "what is the GCTF?", "the GCTF BSM initiative", "who runs the BSI?", "qui dirige l'initiative ?".
 */
export const ABOUT_BSI =
  /\b(?:(?:(?:what|who) (?:is|are|does|do)|about|explain|qu est ce que|c est quoi|que es|que hace|presentez|presente) (?:the |la |le |l |el )?(?:bsi|border security initiative|initiative (?:pour|sur) la securite des frontieres|iniciativa de seguridad fronteriza|gctf|global counter ?terrorism forum|forum mondial de lutte contre le terrorisme|foro mundial contra el terrorismo|uncct|unoct|(?:gctf )?bsm)|(?:who (?:runs|leads|co leads|coleads|manages|is behind|started|created)|qui (?:dirige|mene|pilote|codirige|a cree|est derriere)|quien(?:es)? (?:dirige|dirigen|lleva|codirige|creo)) (?:the |la |le |l |el )?(?:bsi|border security initiative|initiative|iniciativa)|(?:who is|qui est|quien es) (?:in charge of|responsable d[eu]|responsable de(?:l)?|behind) (?:the |la |le |l |el )?(?:bsi|initiative|iniciativa)|(?:origin|origine|origen) (?:of|de|del) (?:the |la |l |el )?(?:bsi|initiative|iniciativa)|(?:when was|quand a ete|cuando se) (?:the |la |le |l |el )?(?:bsi|initiative|iniciativa) (?:\w+ )?(?:created|founded|launched|started|cree|creee|lancee|creo|fundo|lanzo)|quien organiza (?:la )?iniciativa|(?:who are|what are|qui sont|quels sont|quienes son|cuales son) (?:the |les |los |las )?(?:bsi s |bsi |)(?:partners|partenaires|socios)(?: of| du| de| del)?(?: the| la| le| l| el)? ?(?:bsi|initiative|iniciativa)?|with whom do (?:we|you|they) partner)\b/;

/** "When were the good practices adopted?", "quand les bonnes pratiques ont-elles été adoptées ?": the account says. */
export const PRACTICES_ADOPTED =
  /\b(?:(?:good practices|bonnes pratiques|buenas practicas) (?:\w+ ){0,3}(?:adopted|adoptees|adoptadas)|(?:adopted|adopt|adoptees|adoptaron|adoptadas) (?:\w+ ){0,2}(?:good practices|bonnes pratiques|buenas practicas))\b/;

/**
 * Questions outside the desk although they may name a place or a date: the weather ("what is the
 * weather in Geneva", "quel temps fait-il à Dakar", "¿qué tiempo hace en Rabat?"), booking travel
 * ("can you book my flight to Dakar?", "réserver un hôtel à Niamey", "reservar un vuelo a Rabat"),
 * a traveller's visa, allowances (DSA, per diem, viático), the laissez-passer, sport, translation.
 */
export const OFF_TOPIC =
  /\b(?:weather|forecasts?|meteo|quel temps (?:fait|fera)|que tiempo (?:hace|hara)(?! falta)|pronosticos? del tiempo|book (?:a |my |our |me a )?(?:flights?|hotels?|rooms?|taxis?|tickets?)|reserver (?:un |une |mon |ma |mes )?(?:vols?|hotels?|chambres?|billets?|taxis?)|reservar (?:un |una |mi |mis )?(?:vuelos?|hotel(?:es)?|habitacion(?:es)?|billetes?|boletos?|taxis?)|dsa(?: rate)?|daily subsistence|per ?diems?|viaticos?|indemnites? journalieres?|world cup|coupe du monde|copa del mundo|translate|traduire|traduis|traducir|traduce)\b/;

/**
 * A traveller's own papers and way there: "a visa", "my passport", the UN laissez-passer, directions
 * ("how do I get to Niamey?", "comment obtenir un visa", "¿necesito visado para Kenia?"). Outside the
 * desk even when asked as "how do I get…", which otherwise reads as how to file a request; "events
 * on passport fraud" or "visa policy" stay questions about events.
 */
export const TRAVEL_PAPERS =
  /\b(?:(?:my|a|an|our|mon|ma|mes|un|une|mi|mis|una|what|which|quel|quelle|que|need|necesito|necesitamos) (?:visas?|visados?|passports?|passeports?|pasaportes?)|laissez passe(?:r|s)?|how (?:do|can|could) (?:i|we) (?:get|travel|go) to|comment (?:aller|se rendre|me rendre|nous rendre) (?:a|au|en)|como (?:llego|llegar|ir|viajar) (?:a|al|hasta))\b/;

/**
 * "How can we get INTERPOL training?", "how could our border police receive expert support?":
 * asking how to obtain BSI's support, which is filed as a request. The thing obtained must be
 * training, support, assistance, expertise or advice, so "how can I get a place in the Nairobi
 * workshop" or "how do I get the slides" stay questions about the event.
 */
export const HOW_TO_GET =
  /\bhow (?:can|could|do|does|would|should|may|might) (?:we|i|one|my (?:\w+ ){0,1}\w+|our (?:\w+ ){0,1}\w+|a member state|member states|a country|countries) (?:get|receive|benefit from|have|obtain) (?:[a-z/]+ ){0,2}(?:training|trainings|support|assistance|expertise|advice|capacity building|help)\b/;

/**
 * "Who should attend…", "qui peut participer…", "quién puede asistir…", "who attended the Vienna
 * seminar?": a question about an event's audience, which its card answers.
 */
export const WHO_ATTENDS =
  /\b(?:who (?:attended|attend|took part|participated|came)|qui a (?:particip\w*|assiste)|qui etait present|quien(?:es)? (?:asistio|asistieron|particip\w*)|who (?:should|can|could|may|will|is invited to|are invited to) (?:attend|participate|join|take part)|who is (?:it|this) for|qui (?:peut|peuvent|doit|doivent|devrait|devraient) (?:participer|assister)|quien(?:es)? (?:puede|pueden|debe|deben|deberia|deberian) (?:asistir|participar))\b/;

/**
 * "What does resolution 2396 say?", "UNSCR 2178", "la résolution 2396": Security Council resolutions
 * are cited in the good practices, which are searched for the number.
 */
export const RESOLUTION = /\b(?:unscr|scr|resolution|resolutions|resolucion|resoluciones) (\d{4})\b/;

/** Words that count from an event: "after the Dakar workshop", "avant l'atelier", "después del taller". */
export const RELATIVE_CUES: Readonly<Record<string, "after" | "before">> = {
  after: "after",
  apres: "after",
  despues: "after",
  before: "before",
  avant: "before",
  antes: "before",
};

/** Words between the cue and the event: "after the one in Addis", "après celui de Niamey". */
export const ANCHOR_FILLERS = new Set([
  ...["the", "one", "that", "this", "in", "at", "on", "of", "l", "la", "le", "de", "du", "d", "des"],
  ...["celui", "celle", "del", "el", "en", "uno", "una", "que", "se", "tiendra", "celebrara"],
]);
