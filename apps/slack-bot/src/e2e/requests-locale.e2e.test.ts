import type { BsiClient } from "@bsi/client";
import { REQUEST_LIMITS } from "@bsi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_BLOCK_IDS, moveActionId } from "../blocks/ids.js";
import type { FakeUser } from "../test/fake-slack.js";
import {
  BOT_SCOPES,
  type BotHarness,
  startBotHarness,
  startTestApi,
  type TestApi,
  TRIAGE_CHANNEL,
  TRIAGER,
} from "../test/harness.js";
import { findButton, readableText } from "../test/messages.js";
import {
  directMessagesTo,
  eventually,
  findCard,
  openFormByCommand,
  prefilledEmail,
  submitAndExpectFiled,
  validEntries,
  waitForDirectMessage,
} from "../test/request-flow.js";

let api: TestApi;
let operator: BsiClient;
let harness: BotHarness;

/** People of the workspace, each with the language they chose in Slack. */
const PEOPLE: FakeUser[] = [
  { id: "U0AMELIE", name: "amelie", realName: "Amélie Diallo", email: "amelie@example.org", locale: "fr-FR" },
  { id: "U0CARMEN", name: "carmen", realName: "Carmen Ruiz", email: "carmen@example.org", locale: "es-ES" },
  { id: "U0EMMA", name: "emma", realName: "Emma Brown", email: "emma@example.org", locale: "en-US" },
  { id: "U0FANTA", name: "fanta", realName: "Fanta Keita", email: "fanta@example.org", locale: "fr-FR" },
  { id: "U0SOLENE", name: "solene", realName: "Solène Faye", email: "solene@example.org", locale: "fr-FR" },
];

beforeAll(async () => {
  api = await startTestApi({ webhooks: true });
  operator = await api.clientWith(["requests:read", "requests:manage"]);
  harness = await startBotHarness({
    apiUrl: api.url,
    webhooks: true,
    env: { BSI_API_TOKEN: await api.createKey(BOT_SCOPES), SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL },
  });
  for (const person of PEOPLE) harness.slack.addUser(person);
});

afterAll(async () => {
  await harness?.close();
  await api?.close();
});

type ModalView = { title: { text: string }; blocks: unknown[] };

/** What a user reads in a modal: its title, then its blocks. */
function modalText(view: unknown): string {
  const modal = view as ModalView;
  return `${modal.title.text}\n${readableText({ blocks: modal.blocks })}`;
}

/** A triager clicks a move on the request's card in the triage channel. */
async function moveFromCard(reference: string, to: "under_review") {
  await eventually(() => expect(findCard(harness, TRIAGE_CHANNEL, reference)).toHaveLength(1));
  const [card] = findCard(harness, TRIAGE_CHANNEL, reference);
  if (!card) throw new Error(`no card for ${reference}`);
  const button = findButton(card as unknown as Record<string, unknown>, moveActionId(to));
  if (!button) throw new Error(`no ${to} button on the card of ${reference}`);
  const { response } = await harness.driver.blockAction({
    user: TRIAGER,
    actionId: button.action_id,
    blockId: "triage_actions",
    value: button.value ?? "",
    container: { type: "message", channel: TRIAGE_CHANNEL, messageTs: card.ts, isEphemeral: false },
    message: { ts: card.ts, text: card.text, blocks: card.blocks },
  });
  expect(response.status).toBe(200);
}

describe("a French-locale user", () => {
  it("files through a form in French: its labels, its errors, and the confirmation with the reference", async () => {
    const { viewId, opened } = await openFormByCommand(harness, "U0AMELIE");
    const form = modalText(opened.params.view);
    for (const words of ["Déposer une demande BSI", "Type de demande", "État Membre", "Résumé", "Priorité"])
      expect(form).toContain(words);
    expect(form).not.toContain("Type of request");
    expect(prefilledEmail(opened.params.view)).toBe("amelie@example.org");

    const invalid = await harness.driver.viewSubmission({
      user: "U0AMELIE",
      viewId,
      entries: {
        [FORM_BLOCK_IDS.type]: null,
        [FORM_BLOCK_IDS.memberState]: null,
        [FORM_BLOCK_IDS.agency]: "A".repeat(REQUEST_LIMITS.agency + 1),
        [FORM_BLOCK_IDS.summary]: "   ",
        [FORM_BLOCK_IDS.email]: "pas-une-adresse",
      },
    });
    expect(invalid.problems).toEqual([]);
    expect(invalid.answer).toEqual({
      response_action: "errors",
      errors: {
        [FORM_BLOCK_IDS.type]: "Choisissez le type de demande.",
        [FORM_BLOCK_IDS.memberState]:
          "Choisissez l'État Membre : tapez son nom et choisissez-le dans la liste.",
        [FORM_BLOCK_IDS.agency]: "200 caractères au plus.",
        [FORM_BLOCK_IDS.summary]: "Résumez votre besoin en une ligne.",
        [FORM_BLOCK_IDS.email]: "Doit être une adresse e-mail comme nom@exemple.org.",
      },
    });

    const summary = "Formation API/PNR pour vingt agents de la police aux frontières";
    const reference = await submitAndExpectFiled(harness, "U0AMELIE", viewId, validEntries(summary));
    const confirmation = modalText(harness.slack.modals.get(viewId));
    expect(confirmation).toContain("Demande déposée");
    expect(confirmation).toContain(`Votre demande est déposée sous la référence *${reference}*.`);
    expect(confirmation).toContain(`Consultez-la à tout moment avec \`/bsi status ${reference}\`.`);
    expect(confirmation).not.toContain("Your request");

    const receipt = await waitForDirectMessage(harness, "U0AMELIE", reference, "Votre demande est déposée");
    expect(readableText(receipt.params)).toContain("(Soumise)");
    expect((await operator.getRequest(reference)).requester).toMatchObject({
      name: "Amélie Diallo",
      email: "amelie@example.org",
    });
  });

  it("gets /bsi help and /bsi status in French", async () => {
    const help = await harness.driver.command({ text: "help", user: "U0AMELIE" });
    const helpText = readableText(JSON.parse(help.response.body));
    expect(helpText).toContain("`/bsi help` — cette liste");
    expect(helpText).not.toContain("this list");

    const { responseUrl } = await harness.driver.command({ text: "status", user: "U0AMELIE" });
    const reply = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
    const status = readableText(reply.body);
    expect(status).toContain("Vos demandes :");
    expect(status).toContain("Soumise");
    expect(status).toContain("Sénégal");
    expect(status).toMatch(/Déposée le \p{L}+ \d{1,2} \p{L}+ \d{4}/u);
  });
});

describe("a Spanish-locale user", () => {
  it("hears in Spanish when a triager moves the request, while the triage card stays in English", async () => {
    const { viewId, opened } = await openFormByCommand(harness, "U0CARMEN");
    expect(modalText(opened.params.view)).toContain("Presentar solicitud BSI");
    const reference = await submitAndExpectFiled(
      harness,
      "U0CARMEN",
      viewId,
      validEntries("Asesoramiento sobre gestión integrada de fronteras", {
        [FORM_BLOCK_IDS.type]: "expert_advice",
      }),
    );
    expect(modalText(harness.slack.modals.get(viewId))).toContain(
      `Su solicitud se ha presentado con la referencia *${reference}*.`,
    );
    await waitForDirectMessage(harness, "U0CARMEN", reference, "Su solicitud se ha presentado");

    await moveFromCard(reference, "under_review");
    const notice = await waitForDirectMessage(harness, "U0CARMEN", reference, "está ahora");
    const text = readableText(notice.params);
    expect(text).toContain(`*${reference}* está ahora *En revisión*. El equipo de la BSI la está revisando.`);
    expect(text).not.toContain("is now");
    await eventually(() =>
      expect(readableText(findCard(harness, TRIAGE_CHANNEL, reference)[0] as never)).toContain(
        "*Under review*",
      ),
    );
  });
});

describe("an en-US user", () => {
  it("still gets the form, its errors, the confirmation and the DMs in English", async () => {
    const { viewId, opened } = await openFormByCommand(harness, "U0EMMA");
    expect(modalText(opened.params.view)).toContain("File a BSI request");
    const invalid = await harness.driver.viewSubmission({
      user: "U0EMMA",
      viewId,
      entries: validEntries("", { [FORM_BLOCK_IDS.summary]: null }),
    });
    expect(invalid.answer?.errors).toEqual({
      [FORM_BLOCK_IDS.summary]: "Write a one-line summary of what you need.",
    });
    const reference = await submitAndExpectFiled(
      harness,
      "U0EMMA",
      viewId,
      validEntries("Border data training"),
    );
    expect(modalText(harness.slack.modals.get(viewId))).toContain(`Your request is filed as *${reference}*.`);
    await waitForDirectMessage(harness, "U0EMMA", reference, `Your request ${reference} is filed`);
    await moveFromCard(reference, "under_review");
    await waitForDirectMessage(harness, "U0EMMA", reference, `*${reference}* is now *Under review*.`);
  });
});

describe("when Slack does not say the user's locale", () => {
  it("falls back to English without breaking filing when users.info fails", async () => {
    harness.slack.failNext("users.info", "fatal_error", 10);
    try {
      const { viewId, opened } = await openFormByCommand(harness, "U0FANTA", "", { waitForPrefill: false });
      expect(modalText(opened.params.view)).toContain("File a BSI request");
      expect(prefilledEmail(opened.params.view)).toBeUndefined();
      const invalid = await harness.driver.viewSubmission({
        user: "U0FANTA",
        viewId,
        entries: validEntries("Help", { [FORM_BLOCK_IDS.type]: null }),
      });
      expect(invalid.answer?.errors).toEqual({ [FORM_BLOCK_IDS.type]: "Choose the type of request." });
      const reference = await submitAndExpectFiled(
        harness,
        "U0FANTA",
        viewId,
        validEntries("Advice on a border management strategy"),
      );
      expect(modalText(harness.slack.modals.get(viewId))).toContain(
        `Your request is filed as *${reference}*.`,
      );
      const receipt = await waitForDirectMessage(
        harness,
        "U0FANTA",
        reference,
        `Your request ${reference} is filed`,
      );
      expect(readableText(receipt.params)).not.toContain("Votre demande");
      expect((await operator.getRequest(reference)).requester).toMatchObject({
        name: "u0fanta",
        email: null,
        slackUserId: "U0FANTA",
      });
      expect(
        harness.slack.callsTo("users.info").filter((call) => call.params.user === "U0FANTA").length,
      ).toBeGreaterThanOrEqual(2);
      expect(directMessagesTo(harness, "U0FANTA")).toHaveLength(1);
    } finally {
      harness.slack.clearFaults();
    }
  });

  it("opens at once in English when Slack is slow to say, then switches to French, keeping the form", async () => {
    harness.slack.delayNext("users.info", 1500);
    const { viewId, opened } = await openFormByCommand(harness, "U0SOLENE", "Formation", {
      waitForPrefill: false,
    });
    expect(modalText(opened.params.view)).toContain("File a BSI request");
    const update = await harness.slack.waitFor("views.update", (call) => call.params.view_id === viewId);
    const french = modalText(update.params.view);
    expect(french).toContain("Déposer une demande BSI");
    expect(JSON.stringify(update.params.view)).toContain('"initial_value":"Formation"');
    expect(prefilledEmail(update.params.view)).toBe("solene@example.org");
    const reference = await submitAndExpectFiled(harness, "U0SOLENE", viewId, validEntries("Formation"));
    expect(modalText(harness.slack.modals.get(viewId))).toContain(`sous la référence *${reference}*`);
  });
});
