import { type BsiClient, createClient } from "@bsi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../blocks/ids.js";
import { FakeSlack } from "../test/fake-slack.js";
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

/** Runs `/bsi <text>` as Alice and returns the ack and the first reply through the response_url. */
async function runCommand(text: string, user = "U0ALICE") {
  const { response, responseUrl } = await harness.driver.command({ text, user });
  const reply = await harness.slack.waitForResponse((post) => responseUrl.endsWith(post.id));
  return { response, reply: reply.body, responseUrl };
}

describe("/bsi help and unknown subcommands", () => {
  it("answers help in the ack itself, privately, listing the subcommands", async () => {
    const { response } = await harness.driver.command({ text: "help", user: "U0ALICE" });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body.response_type).toBe("ephemeral");
    const text = readableText(body);
    for (const name of ["next", "events", "practices", "status", "request"])
      expect(text).toContain(`/bsi ${name}`);
  });

  it("gives the help for an empty command", async () => {
    const { response } = await harness.driver.command({ text: "", user: "U0ALICE" });
    expect(readableText(JSON.parse(response.body))).toContain("/bsi events");
  });

  it("gives the help, naming the mistake, for an unknown subcommand", async () => {
    const { response } = await harness.driver.command({ text: "evnts", user: "U0ALICE" });
    const text = readableText(JSON.parse(response.body));
    expect(text).toContain("There is no `/bsi evnts`");
    expect(text).toContain("/bsi events");
  });

  it("opens the request form for `/bsi request`, with what was typed as its summary", async () => {
    const { response } = await harness.driver.command({
      text: "request training for 20 officers",
      user: "U0ALICE",
    });
    expect(response.status).toBe(200);
    const opened = await harness.slack.waitFor("views.open", (call) =>
      JSON.stringify(call.params.view).includes("training for 20 officers"),
    );
    expect(opened.response.ok).toBe(true);
  });
});

describe("/bsi next and /bsi events", () => {
  it("acks with an empty 200 and then answers privately with the next event's card", async () => {
    const [next] = (await catalogue.listEvents({ upcoming: true, limit: 1 })).items;
    expect(next).toBeDefined();
    const { response, reply } = await runCommand("next");
    expect(response.status).toBe(200);
    expect(response.body).toBe("");
    expect(reply.response_type).toBe("ephemeral");
    const text = readableText(reply);
    expect(text).toContain(next?.title);
    expect(findButton(reply, ACTION_IDS.addToCalendar)?.url).toBe(`${api.url}/v1/events/${next?.id}.ics`);
    if (next?.sample) expect(text).toContain("*Sample*");
    expect(findButton(reply, ACTION_IDS.share)).toBeDefined();
  });

  it("lists upcoming events matching words, as the API finds them", async () => {
    const expected = await catalogue.listEvents({ upcoming: true, q: "border", limit: 5 });
    expect(expected.items.length).toBeGreaterThan(0);
    const { reply } = await runCommand("events border");
    const text = readableText(reply);
    for (const event of expected.items) expect(text).toContain(event.title);
  });

  it("names each event's partners after its organizers, as the catalogue lists them", async () => {
    const expected = await catalogue.listEvents({ upcoming: true, q: "workshop", limit: 5 });
    const withPartners = expected.items.filter((event) => event.partners.length > 0);
    expect(withPartners.length).toBeGreaterThan(0);
    const text = readableText((await runCommand("events workshop")).reply);
    for (const event of withPartners) {
      const organizers = `Organised by ${event.organizers.slice(0, 3).join(", ")}`;
      expect(text).toContain(`${organizers}\nIn partnership with ${event.partners.slice(0, 3).join(", ")}`);
    }
    for (const event of expected.items.filter((item) => item.partners.length === 0)) {
      expect(text).toContain(`*${event.title}*`);
      const card = text.slice(text.indexOf(`*${event.title}*`));
      expect(card.split("\n").slice(0, 5).join("\n")).not.toContain("In partnership with");
    }
  });

  it("says so when no upcoming event matches", async () => {
    const { reply } = await runCommand("events zzyzx-qqq");
    expect(readableText(reply)).toContain("No upcoming events match “zzyzx-qqq”");
  });

  it("searches the words of text with punctuation or search syntax, instead of showing the API's refusal", async () => {
    for (const [typed, words] of [
      ["events (dakar", "dakar"],
      ["events Tunis: API", "Tunis API"],
      ["events NEAR Dakar", "Dakar"],
      ['events "border"', "border"],
    ] as const) {
      const expected = await catalogue.listEvents({ upcoming: true, q: words, limit: 5 });
      expect(expected.items.length).toBeGreaterThan(0);
      const text = readableText((await runCommand(typed)).reply);
      expect(text, typed).not.toContain("couldn't use that");
      expect(text, typed).toContain(`Upcoming events matching “${words}”`);
      for (const event of expected.items) expect(text, typed).toContain(event.title);
    }
    const quoted = readableText((await runCommand('events "zzyzx"')).reply);
    expect(quoted).toContain("No upcoming events match “zzyzx”");
  });

  it("leaves out the events with the words after a capitalised NOT or a hyphen", async () => {
    const border = (await catalogue.listEvents({ upcoming: true, q: "border", limit: 100 })).items;
    const sahel = new Set(
      (await catalogue.listEvents({ upcoming: true, q: "Sahel", limit: 100 })).items.map((event) => event.id),
    );
    const inSahel = border.filter((event) => sahel.has(event.id));
    const outsideSahel = border.filter((event) => !sahel.has(event.id));
    expect(inSahel.length).toBeGreaterThan(0);
    expect(outsideSahel.length).toBeGreaterThan(0);
    for (const typed of ["events border NOT Sahel", "events border -Sahel"]) {
      const text = readableText((await runCommand(typed)).reply);
      expect(text, typed).not.toContain("couldn't use that");
      expect(text, typed).not.toContain("ignored");
      expect(text, typed).toContain("Upcoming events matching “border NOT Sahel”:");
      // The first page, in the order the API ranks them without the Sahel events.
      for (const event of outsideSahel.slice(0, 5)) expect(text, typed).toContain(event.title);
      for (const event of inSahel) expect(text, typed).not.toContain(event.title);
    }

    const none = readableText((await runCommand("events zzyzx NOT border")).reply);
    expect(none).toContain("No upcoming events match “zzyzx NOT border”");
  });

  it("leaves out each word of a bracketed group after NOT, and says a word to find is needed", async () => {
    const horn = new Set(
      (await catalogue.listEvents({ upcoming: true, q: "Horn", limit: 100 })).items.map((event) => event.id),
    );
    const sahelOrHorn = (
      await catalogue.listEvents({ upcoming: true, q: "border", limit: 100 })
    ).items.filter((event) => horn.has(event.id) || event.region === "sahel");
    expect(sahelOrHorn.some((event) => horn.has(event.id))).toBe(true);
    const text = readableText((await runCommand("events border NOT (Sahel Horn)")).reply);
    expect(text).toContain("Upcoming events matching “border NOT Sahel NOT Horn”:");
    for (const event of sahelOrHorn) expect(text).not.toContain(event.title);

    const alone = readableText((await runCommand("events NOT Sahel")).reply);
    expect(alone).toContain("Upcoming BSI events:");
    expect(alone).toContain("To leave out “Sahel”, give a word to search for too, as in “border NOT Sahel”.");
  });

  it("reads words no event contains as a question: /bsi events outside the Sahel", async () => {
    const { reply } = await runCommand("events outside the Sahel");
    const text = readableText(reply);
    expect(text).toMatch(/\d+ upcoming events outside the Sahel:/);
    const all = await catalogue.listEvents({ upcoming: true, limit: 50 });
    const inSahel = all.items.filter((event) => event.region === "sahel");
    expect(inSahel.length).toBeGreaterThan(0);
    for (const event of inSahel) expect(text).not.toContain(event.title);
  });

  it("pages with Show more: the next page holds the events the API lists next", async () => {
    const firstPage = await catalogue.listEvents({ upcoming: true, limit: 5 });
    expect(firstPage.nextCursor).toBeTruthy();
    const secondPage = await catalogue.listEvents({
      upcoming: true,
      limit: 5,
      cursor: firstPage.nextCursor ?? "",
    });
    const { reply } = await runCommand("events");
    const more = findButton(reply, ACTION_IDS.showMore);
    expect(more?.value).toBeDefined();
    const { responseUrl } = await harness.driver.blockAction({
      user: "U0ALICE",
      actionId: ACTION_IDS.showMore,
      blockId: "answer_actions",
      value: more?.value ?? "",
      container: { type: "message", channel: "C0GENERAL", messageTs: "1700000000.000100", isEphemeral: true },
    });
    const next = await harness.slack.waitForResponse((post) => (responseUrl ?? "").endsWith(post.id));
    const text = readableText(next.body);
    for (const event of secondPage.items) expect(text).toContain(event.title);
    expect(text).not.toContain(firstPage.items[0]?.title);
  });
});

describe("Share in channel", () => {
  /** Alice clicks Share on a private reply; resolves with the copy posted for the channel. */
  async function share(reply: Record<string, unknown>, messageTs: string) {
    const { responseUrl } = await harness.driver.blockAction({
      user: "U0ALICE",
      actionId: ACTION_IDS.share,
      blockId: "answer_actions",
      value: findButton(reply, ACTION_IDS.share)?.value ?? "",
      container: { type: "message", channel: "C0GENERAL", messageTs, isEphemeral: true },
    });
    const mine = (post: { id: string }) => (responseUrl ?? "").endsWith(post.id);
    const shared = await harness.slack.waitForResponse(
      (post) => mine(post) && post.body.response_type === "in_channel",
    );
    return { shared, mine };
  }

  it("posts the reply for everyone, credits who shared, and removes the private copy", async () => {
    const { reply } = await runCommand("next");
    const { shared, mine } = await share(reply, "1700000000.000200");
    expect(readableText(shared.body)).toContain("Shared by <@U0ALICE>");
    expect(findButton(shared.body, ACTION_IDS.share)).toBeUndefined();
    await harness.slack.waitForResponse((post) => mine(post) && post.body.delete_original === true);
  });

  it("shares the answer to a Spanish question in Spanish", async () => {
    const { reply } = await runCommand("¿qué talleres hay previstos?");
    expect(cardWords(reply).words).toContain("Compartir en el canal");
    const { shared } = await share(reply, "1700000000.000250");
    const { cardLines, words } = cardWords(shared.body);
    expect(cardLines.length).toBeGreaterThan(0);
    for (const [kindAndDates] of cardLines) expect(kindAndDates).toMatch(/^Taller · /);
    expect(words).toContain("Compartido por <@U0ALICE>");
    expect(words).toContain("Añadir al calendario");
    expect(words).not.toMatch(ENGLISH_CARD_WORDS);
  });
});

describe("/bsi practices", () => {
  it("without a topic, offers a theme picker whose options come from the taxonomy", async () => {
    const { reply } = await runCommand("practices");
    expect(JSON.stringify(reply.blocks)).toContain(ACTION_IDS.pickTheme);
    const options = await harness.driver.blockSuggestion({
      user: "U0ALICE",
      actionId: ACTION_IDS.pickTheme,
      value: "pnr",
    });
    expect(options.status).toBe(200);
    const body = JSON.parse(options.body) as { options: { value: string; text: { text: string } }[] };
    expect(body.options.map((option) => option.value)).toEqual(["api-pnr"]);
  });

  it("picking a theme replaces the picker with that theme's practices", async () => {
    const expected = await catalogue.listPractices({ theme: "cross-border-cooperation", limit: 5 });
    expect(expected.items.length).toBeGreaterThan(0);
    const { responseUrl } = await harness.driver.blockAction({
      user: "U0ALICE",
      actionId: ACTION_IDS.pickTheme,
      selectedOption: { text: "Cross-border cooperation", value: "cross-border-cooperation" },
      container: { type: "message", channel: "C0GENERAL", messageTs: "1700000000.000300", isEphemeral: true },
    });
    const reply = await harness.slack.waitForResponse((post) => (responseUrl ?? "").endsWith(post.id));
    expect(reply.body.replace_original).toBe(true);
    const text = readableText(reply.body);
    expect(text).toContain("Good practices on Cross-border cooperation");
    for (const practice of expected.items) expect(text).toContain(practice.title.replace(/&/g, "&amp;"));
  });

  it("reads a quoted topic as its words: a theme, or a search headed with the words as typed", async () => {
    const expected = await catalogue.listPractices({ theme: "api-pnr", limit: 5 });
    const theme = readableText((await runCommand('practices "PNR"')).reply);
    expect(theme).toContain("Good practices on API and PNR");
    for (const practice of expected.items) expect(theme).toContain(practice.title.replace(/&/g, "&amp;"));
    const searched = readableText((await runCommand('practices "zzyzx (qqq"')).reply);
    expect(searched).not.toContain("couldn't use that");
    expect(searched).toContain("No good practices found on “zzyzx qqq”");
  });

  it("reads a topic as a theme when it names one (a synonym, any case)", async () => {
    const expected = await catalogue.listPractices({ theme: "api-pnr", limit: 5 });
    const { reply } = await runCommand("practices PNR");
    const text = readableText(reply);
    expect(text).toContain("API and PNR");
    for (const practice of expected.items) expect(text).toContain(practice.title.replace(/&/g, "&amp;"));
  });
});

describe("/bsi status", () => {
  let alicesRequest: string;
  let bobsRequest: string;

  beforeAll(async () => {
    const requests = await api.clientWith(["requests:write"]);
    const file = (name: string, slackUserId: string, summary: string) =>
      requests.createRequest({
        type: "technical_assistance",
        memberState: "SN",
        summary,
        requester: { name, slackUserId, slackTeamId: "T0FAKETEAM" },
        source: "slack",
      });
    alicesRequest = (await file("Alice Ndiaye", "U0ALICE", "Help with an API/PNR unit")).reference;
    bobsRequest = (await file("Bob Martin", "U0BOB", "Training on document fraud")).reference;
  });

  it("lists the user's own requests and no one else's", async () => {
    const { reply } = await runCommand("status");
    const text = readableText(reply);
    expect(text).toContain(alicesRequest);
    expect(text).toContain("Help with an API/PNR unit");
    expect(text).not.toContain(bobsRequest);
  });

  it("shows one of the user's requests with its history, and offers no Share button", async () => {
    const { reply } = await runCommand(`status ${alicesRequest.toLowerCase()}`);
    const text = readableText(reply);
    expect(text).toContain(alicesRequest);
    expect(text).toContain("Submitted");
    expect(findButton(reply, ACTION_IDS.share)).toBeUndefined();
  });

  it("answers someone else's request as if it did not exist", async () => {
    const { reply } = await runCommand(`status ${bobsRequest}`);
    const text = readableText(reply);
    expect(text).toContain(`No request ${bobsRequest} was found`);
    expect(text).not.toContain("Training on document fraud");
    const missing = await runCommand("status BSI-2099-9999");
    expect(readableText(missing.reply)).toContain("No request BSI-2099-9999 was found");
  });

  it("lets a triager see anyone's request", async () => {
    const { reply } = await runCommand(`status ${bobsRequest}`, "U0TRIAGER");
    expect(readableText(reply)).toContain("Training on document fraud");
  });

  it("explains what a reference looks like when given something else", async () => {
    const { reply } = await runCommand("status 42");
    expect(readableText(reply)).toContain("they look like BSI-2026-0042");
  });
});

describe("delivery", () => {
  it("falls back to chat.postEphemeral when the response_url is refused", async () => {
    const refused = `${harness.slack.url}/commands/${harness.slack.teamId}/expired`;
    await harness.driver.command({ text: "next", user: "U0BOB", channel: "C0BORDERS", responseUrl: refused });
    const call = await harness.slack.waitFor(
      "chat.postEphemeral",
      (recorded) => recorded.params.user === "U0BOB",
    );
    expect(call.response.ok).toBe(true);
    expect(call.params.channel).toBe("C0BORDERS");
    expect(readableText(call.params)).toContain("The next BSI event");
  });

  it("never sends anything that would ping a channel or a user", () => {
    for (const call of harness.slack.calls) expect(FakeSlack.pingsInMessage(call.params)).toEqual([]);
    for (const post of harness.slack.responsePosts) {
      const pings = FakeSlack.pingsInMessage(post.body).filter((ping) => ping !== "<@U0ALICE>");
      expect(pings).toEqual([]);
    }
  });
});
