import type { NewPractice } from "@bsi/domain";

const GOOD_PRACTICES = "GCTF Good Practices in the Area of Border Security and Management (2016)";

/**
 * The recurring themes of the good practices document, each as one practice in our own words.
 * The official numbering of the document is not confirmed, so none is given.
 */
export const PRACTICES: NewPractice[] = [
  {
    id: "national-border-strategy-and-legal-framework",
    title: "A national border strategy with a clear legal framework",
    themes: ["legal-frameworks", "integrated-border-management"],
    summary:
      "Set out a national border security strategy backed by laws and administrative arrangements that give each agency a clear mandate.",
    body: "States gain from a written strategy for border security and management that names the agencies involved, their mandates and how they share information. Legislation and administrative arrangements should cover terrorism and foreign terrorist fighter travel explicitly, and be reviewed as risks change.",
    sourceEventIds: ["2016-05-dakar-sahel-workshop"],
    references: [GOOD_PRACTICES, "UN Global Counter-Terrorism Strategy"],
  },
  {
    id: "inclusive-interagency-cooperation",
    title: "Inclusive interagency cooperation with updated mandates",
    themes: ["interagency-cooperation"],
    summary:
      "Bring every agency at the border — police, customs, immigration, military, intelligence — into regular cooperation, with mandates updated for terrorism risks.",
    body: "Joint risk analysis, shared communication channels and common procedures let agencies act on each other's information. Mandates written before terrorism became a border concern should be updated so that no agency lacks the authority to act.",
    sourceEventIds: ["2015-12-nairobi-horn-of-africa-workshop", "2016-05-dakar-sahel-workshop"],
    references: [GOOD_PRACTICES],
  },
  {
    id: "cross-border-cooperation-joint-patrols",
    title: "Cross-border cooperation: coordinated patrols and information exchange",
    themes: ["cross-border-cooperation"],
    summary:
      "Agree with neighbouring States on coordinated or joint patrols and on exchanging information about threats and movements across the border.",
    body: "Formal agreements, liaison officers, shared patrolling of remote stretches and regular meetings of border commanders help neighbours close gaps that each could not close alone.",
    sourceEventIds: ["2015-08-cairns-study-tour", "2015-07-el-jadida-inaugural-conference"],
    references: [GOOD_PRACTICES],
  },
  {
    id: "community-border-policing",
    title: "Engaging border and nomadic communities (community border policing)",
    themes: ["community-engagement"],
    summary:
      "Build trust with communities living along remote borders, including nomadic populations, so that they become partners in border security.",
    body: "People who live and move along the border see what officers cannot. Regular contact, respect for traditional movement and livelihoods, and channels to report concerns make communities partners rather than bystanders.",
    sourceEventIds: [
      "2015-09-vienna-experts-seminar",
      "2015-08-cairns-study-tour",
      "2015-07-el-jadida-inaugural-conference",
    ],
    references: [GOOD_PRACTICES],
  },
  {
    id: "surveillance-technology-with-trained-officers",
    title: "Border surveillance technology balanced with well-trained officers",
    themes: ["border-surveillance", "capacity-building"],
    summary:
      "Use surveillance and detection technology where it helps, without letting it replace trained officers and their judgement.",
    body: "Technology on remote and porous land borders extends what officers can see, but it needs maintenance, trained operators and a response capacity behind it. Plan the people and the budget along with the equipment.",
    sourceEventIds: ["2015-09-vienna-experts-seminar", "2015-07-el-jadida-inaugural-conference"],
    references: [GOOD_PRACTICES],
  },
  {
    id: "biometrics-at-ports-of-entry",
    title: "Biometrics and traveller verification at ports of entry",
    themes: ["biometrics"],
    summary: "Verify travellers' identities at ports of entry with biometrics collected and used lawfully.",
    body: "Fingerprints and facial images checked against national and international records help detect identity fraud. Collection and use must follow the law, with data protection and human rights safeguards.",
    sourceEventIds: ["2015-07-el-jadida-inaugural-conference"],
    references: [GOOD_PRACTICES, "UN Security Council resolution 2396 (2017)"],
  },
  {
    id: "access-to-international-databases",
    title: "Front-line access to international databases",
    themes: ["international-databases"],
    summary:
      "Give officers at the border real-time access to international databases such as INTERPOL's, including stolen and lost travel documents.",
    body: "Checks against international databases at the first line stop people travelling on stolen documents or wanted by other States. Connectivity at remote posts and training on what a hit means are part of the practice.",
    sourceEventIds: ["2015-12-nairobi-horn-of-africa-workshop"],
    references: [GOOD_PRACTICES, "UN Security Council resolution 2396 (2017)"],
  },
  {
    id: "coordinated-capacity-building",
    title: "Coordinated capacity building",
    themes: ["capacity-building"],
    summary:
      "Coordinate training and equipment support among donors and partners so that efforts add up rather than overlap.",
    body: "A shared picture of who supports which agency avoids duplicated courses and incompatible equipment. The initiative's training-of-trainers curriculum lets national instructors carry training on.",
    sourceEventIds: ["2016-05-dakar-sahel-workshop"],
    references: [GOOD_PRACTICES, "BSI training-of-trainers curriculum"],
  },
  {
    id: "border-demarcation-and-delimitation",
    title: "Border demarcation and delimitation",
    themes: ["demarcation", "cross-border-cooperation"],
    summary:
      "Settle and mark borders with neighbours so that agencies on both sides know where their mandate ends.",
    body: "Unclear or disputed borders leave spaces no one patrols. Joint work on delimitation and visible demarcation supports cooperation on the ground.",
    sourceEventIds: ["2015-12-nairobi-horn-of-africa-workshop"],
    references: [GOOD_PRACTICES],
  },
  {
    id: "human-rights-and-rule-of-law-at-borders",
    title: "Human rights and the rule of law in border management",
    themes: ["human-rights"],
    summary:
      "Respect human rights, refugee protection and the rule of law in every border measure, including those against terrorism.",
    body: "Counter-terrorism measures at the border must respect international human rights, refugee and humanitarian law. Screening must not stop people from seeking asylum, and officers need training and oversight to apply these rules.",
    sourceEventIds: ["2015-12-nairobi-horn-of-africa-workshop", "2015-07-el-jadida-inaugural-conference"],
    references: [GOOD_PRACTICES, "UN Global Counter-Terrorism Strategy"],
  },
  {
    id: "advance-passenger-information-and-pnr",
    title: "Advance Passenger Information (API) and Passenger Name Record (PNR) data",
    themes: ["api-pnr", "ftf-travel"],
    summary:
      "Require airlines to send API, and build the capability to collect, process and analyse PNR data in line with ICAO standards, to detect the travel of foreign terrorist fighters.",
    body: "Resolution 2178 (2014) calls on States to require airlines to provide API to detect the departure, entry or transit of foreign terrorist fighters. Resolution 2396 (2017) reaffirms this and asks States to develop PNR capability in line with ICAO standards (Annex 9, Amendment 28) and to use watchlists. In 2019 about 70 of 193 States had API systems and 27 had PNR.",
    sourceEventIds: ["2020-12-virtual-joint-workshop"],
    references: [
      "UN Security Council resolution 2178 (2014)",
      "UN Security Council resolution 2396 (2017)",
      "ICAO Annex 9 (Facilitation), Amendment 28",
    ],
  },
];
