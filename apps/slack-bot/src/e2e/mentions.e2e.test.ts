import { type BsiClient, createClient } from "@bsi/client";
import { addDays, todayIn } from "@bsi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../blocks/ids.js";
import { escapeMrkdwn } from "../blocks/mrkdwn.js";
import { FakeSlack, type RecordedCall } from "../test/fake-slack.js";
import { type BotHarness, startBotHarness, startTestApi, type TestApi } from "../test/harness.js";
import { cardWords, ENGLISH_CARD_WORDS, findButton, readableText } from "../test/messages.js";

let api: TestApi;
let catalogue: BsiClient;
let harness: BotHarness;

beforeAll(async () => {
  api = await startTestApi();
  catalogue = createClient({ baseUrl: api.url });
  harness = await startBotHarness({
    apiUrl: api.url,
    env: { BSI_API_TOKEN: await api.createKey(["requests:read"]) },
  });
});

afterAll(async () => {
  await harness?.close();
  await api?.close();
});

function answerTo(ts: string): Promise<RecordedCall> {
  return harness.slack.waitFor(
    "chat.postMessage",
    (call) => call.params.thread_ts === ts && call.status === 200,
  );
}

/** Clicks Show more on an answer in #general's thread `ts`; resolves with the next page posted there. */
async function showMore(first: RecordedCall, ts: string): Promise<RecordedCall> {
  await harness.driver.blockAction({
    user: "U0BOB",
    actionId: ACTION_IDS.showMore,
    blockId: "answer_actions",
    value: findButton(first.params, ACTION_IDS.showMore)?.value ?? "",
    container: {
      type: "message",
      channel: "C0GENERAL",
      messageTs: String(first.response.ts),
      threadTs: ts,
      isEphemeral: false,
    },
    message: {
      type: "message",
      ts: String(first.response.ts),
      text: first.params.text,
      blocks: first.params.blocks,
    },
  });
  return harness.slack.waitFor(
    "chat.postMessage",
    (call) => call.params.thread_ts === ts && call.params.text !== first.params.text,
  );
}

describe("questions in channels and DMs", () => {
  it("answers a mention in a thread under it, from the API's answer", async () => {
    const question = "what workshops are coming up in the Sahel?";
    const expected = await catalogue.ask({ question });
    expect(expected.events.length).toBeGreaterThan(0);
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0BORDERS", text: question });
    const answer = await answerTo(ts);
    expect(answer.params.channel).toBe("C0BORDERS");
    const text = readableText(answer.params);
    expect(text).toContain(escapeMrkdwn(expected.text.split("\n")[0] ?? ""));
    for (const event of expected.events) expect(text).toContain(escapeMrkdwn(event.title));
    expect(findButton(answer.params, ACTION_IDS.addToCalendar)?.url).toMatch(/\/v1\/events\/.+\.ics$/);
  });

  it("keeps answering inside an existing thread", async () => {
    const parent = harness.driver.nextTs();
    const { ts } = await harness.driver.mention({
      user: "U0BOB",
      channel: "C0GENERAL",
      text: "and good practices on biometrics?",
      threadTs: parent,
    });
    const answer = await harness.slack.waitFor(
      "chat.postMessage",
      (call) => call.params.thread_ts === parent,
    );
    expect(ts).not.toBe(parent);
    expect(readableText(answer.params)).toContain("Biometrics");
  });

  it("answers a direct message in a thread in the DM", async () => {
    const { ts } = await harness.driver.directMessage({ user: "U0BOB", text: "good practices on PNR" });
    const answer = await answerTo(ts);
    expect(answer.params.channel).toBe("D0BOB");
    expect(readableText(answer.params)).toContain("Advance Passenger Information");
  });

  it("greets with the help when mentioned with no question", async () => {
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: "" });
    expect(readableText((await answerTo(ts)).params)).toContain("/bsi events");
  });
});

describe("long answers", () => {
  it("show the first cards with Show more; the rest come in the thread and the button leaves the first page", async () => {
    const question = "all events";
    const expected = await catalogue.ask({ question });
    expect(expected.events.length).toBeGreaterThan(6);
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: question });
    const first = await answerTo(ts);
    const firstText = readableText(first.params);
    expect(firstText).toContain(escapeMrkdwn(expected.events[0]?.title ?? ""));
    expect(firstText).not.toContain(escapeMrkdwn(expected.events.at(-1)?.title ?? ""));
    expect(findButton(first.params, ACTION_IDS.showMore)).toBeDefined();

    const replyTs = String(first.response.ts);
    const second = await showMore(first, ts);
    const secondText = readableText(second.params);
    for (const event of expected.events.slice(6)) expect(secondText).toContain(escapeMrkdwn(event.title));
    expect(secondText).not.toContain(escapeMrkdwn(expected.events[0]?.title ?? ""));
    const update = await harness.slack.waitFor("chat.update", (call) => call.params.ts === replyTs);
    expect(findButton(update.params, ACTION_IDS.showMore)).toBeUndefined();
    expect(readableText(update.params)).toContain("More results are below in this thread");
  });
});

describe("answers in the question's language", () => {
  const FRENCH_DATES = /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} /;

  it("writes the cards of a French question in French, organizers and partners included", async () => {
    const question = "qui organise l'atelier de Niamey ?";
    const expected = await catalogue.ask({ question });
    expect(expected.language).toBe("fr");
    expect(expected.events.map((event) => event.city)).toContain("Niamey");
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0BORDERS", text: question });
    const { cardLines, words } = cardWords((await answerTo(ts)).params);
    expect(cardLines).toHaveLength(expected.events.length);
    const [kindAndDates = "", place = "", organizers = "", partners = ""] = cardLines[0] ?? [];
    expect(kindAndDates).toMatch(/^Atelier · /);
    expect(kindAndDates.replace("Atelier · ", "")).toMatch(FRENCH_DATES);
    expect(place).toBe("Niamey, Niger");
    expect(organizers).toBe("Organisé par UNCCT");
    expect(partners).toBe("En partenariat avec IOM");
    expect(words).toContain("Ajouter au calendrier");
    expect(words).toContain("*Exemple* — données d'illustration");
    expect(words).toMatch(/Inscriptions ouvertes/);
    expect(words).not.toMatch(ENGLISH_CARD_WORDS);
  });

  it("keeps French on the page Show more posts and on the note it leaves behind", async () => {
    const question = "tous les événements";
    const expected = await catalogue.ask({ question });
    expect(expected.events.length).toBeGreaterThan(6);
    const { ts } = await harness.driver.mention({ user: "U0ALICE", channel: "C0GENERAL", text: question });
    const first = await answerTo(ts);
    expect(cardWords(first.params).words).toContain("Voir plus");
    const replyTs = String(first.response.ts);
    const second = await showMore(first, ts);
    const { cardLines, words } = cardWords(second.params);
    expect(cardLines).toHaveLength(expected.events.length - 6);
    expect(words).toContain("Suite — à partir du résultat 7");
    expect(words).not.toMatch(ENGLISH_CARD_WORDS);
    const update = await harness.slack.waitFor("chat.update", (call) => call.params.ts === replyTs);
    expect(readableText(update.params)).toContain("La suite des résultats est plus bas dans ce fil.");
    expect(cardWords(update.params).words).not.toMatch(ENGLISH_CARD_WORDS);
  });
});

describe("text from data and users", () => {
  it("can't ping anyone: an event titled <!channel> is shown as text", async () => {
    const writer = await api.clientWith(["catalog:write"]);
    const tomorrow = addDays(todayIn("UTC"), 1);
    await writer.createEvent({
      id: "mention-test-hostile-title",
      title: "<!channel> <@U0BOB> Border drill & <https://evil.example|free lunch>",
      kind: "meeting",
      startsOn: tomorrow,
      endsOn: tomorrow,
      online: true,
      summary: "<!here> everyone must attend",
    });
    const { ts } = await harness.driver.mention({
      user: "U0ALICE",
      channel: "C0GENERAL",
      text: "what's next?",
    });
    const answer = await answerTo(ts);
    const text = readableText(answer.params);
    expect(text).toContain(
      "&lt;!channel&gt; &lt;@U0BOB&gt; Border drill &amp; &lt;https://evil.example|free lunch&gt;",
    );
    expect(FakeSlack.pingsInMessage(answer.params)).toEqual([]);

    const { responseUrl } = await harness.driver.command({ text: "events Border drill", user: "U0ALICE" });
    const reply = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
    expect(readableText(reply.body)).toContain("&lt;!channel&gt;");
    expect(FakeSlack.pingsInMessage(reply.body)).toEqual([]);
    await writer.deleteEvent("mention-test-hostile-title");
  });

  it("can't ping anyone by echoing a question back", async () => {
    const { ts } = await harness.driver.mention({
      user: "U0ALICE",
      channel: "C0GENERAL",
      text: "<!here> zzqx <@U0BOB>",
    });
    expect(FakeSlack.pingsInMessage((await answerTo(ts)).params)).toEqual([]);
  });
});

describe("requests are private", () => {
  let reference: string;

  beforeAll(async () => {
    const requests = await api.clientWith(["requests:write"]);
    reference = (
      await requests.createRequest({
        type: "training",
        memberState: "TD",
        summary: "Training for the Lake Chad border brigade",
        requester: { name: "Alice Ndiaye", slackUserId: "U0ALICE", slackTeamId: "T0FAKETEAM" },
        source: "slack",
      })
    ).reference;
  });

  it("never shows a request's status in a channel, even to its requester", async () => {
    const { ts } = await harness.driver.mention({
      user: "U0ALICE",
      channel: "C0GENERAL",
      text: `what is the status of ${reference}?`,
    });
    const text = readableText((await answerTo(ts)).params);
    expect(text).toContain("Requests are private");
    expect(text).not.toContain("Lake Chad border brigade");
    expect(text).not.toMatch(/submitted/i);
  });

  it("lists the asker's own requests for 'the status of my request' in a DM, and nobody else's", async () => {
    const alice = await harness.driver.directMessage({
      user: "U0ALICE",
      text: "what's the status of my request?",
    });
    const aliceText = readableText((await answerTo(alice.ts)).params);
    expect(aliceText).toContain("Your requests:");
    expect(aliceText).toContain(reference);
    const bob = await harness.driver.directMessage({
      user: "U0BOB",
      text: "what's the status of my request?",
    });
    const bobText = readableText((await answerTo(bob.ts)).params);
    expect(bobText).toContain("You have no requests yet.");
    expect(bobText).not.toContain(reference);
  });

  it("lists no requests when asked in a channel, and says where to ask", async () => {
    const { ts } = await harness.driver.mention({
      user: "U0ALICE",
      channel: "C0GENERAL",
      text: "what's the status of my request?",
    });
    const text = readableText((await answerTo(ts)).params);
    expect(text).toContain("Requests are private: ask me in a direct message");
    expect(text).not.toContain(reference);
  });

  it("shows it to the requester in a DM, and not to someone else", async () => {
    const alice = await harness.driver.directMessage({ user: "U0ALICE", text: `status of ${reference}?` });
    expect(readableText((await answerTo(alice.ts)).params)).toContain("Lake Chad border brigade");
    const bob = await harness.driver.directMessage({ user: "U0BOB", text: `status of ${reference}?` });
    const text = readableText((await answerTo(bob.ts)).params);
    expect(text).toContain(`No request ${reference} was found`);
    expect(text).not.toContain("Lake Chad border brigade");
  });
});
