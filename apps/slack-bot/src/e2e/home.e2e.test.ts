import { type BsiClient, createClient } from "@bsi/client";
import { addDays, todayIn } from "@bsi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../blocks/ids.js";
import { type ApiProxy, startApiProxy } from "../test/api-proxy.js";
import { type BotHarness, startBotHarness, startTestApi, type TestApi } from "../test/harness.js";
import { findButton, readableText } from "../test/messages.js";

let api: TestApi;
let proxy: ApiProxy;
let catalogue: BsiClient;
let harness: BotHarness;

beforeAll(async () => {
  api = await startTestApi();
  proxy = await startApiProxy(api.url);
  catalogue = createClient({ baseUrl: api.url });
  harness = await startBotHarness({
    apiUrl: proxy.url,
    env: { BSI_API_TOKEN: await api.createKey(["requests:read"]) },
  });
});

afterAll(async () => {
  await harness?.close();
  await proxy?.close();
  await api?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openHome(user: string) {
  const before = harness.slack.callsTo("views.publish").length;
  const { response } = await harness.driver.appHomeOpened(user);
  expect(response.status).toBe(200);
  return before;
}

describe("App Home", () => {
  it("publishes the upcoming events, the practice themes and the viewer's requests", async () => {
    const upcoming = await catalogue.listEvents({ upcoming: true, limit: 5 });
    await openHome("U0ALICE");
    const call = await harness.slack.waitFor(
      "views.publish",
      (recorded) => recorded.params.user_id === "U0ALICE",
    );
    expect(call.response.ok).toBe(true);
    const view = call.params.view as Record<string, unknown>;
    expect(view.type).toBe("home");
    const text = readableText(view);
    for (const event of upcoming.items) expect(text).toContain(event.title);
    expect(text).toContain("Good practices");
    expect(text).toContain("Your requests");
    expect(JSON.stringify(view)).toContain(ACTION_IDS.pickTheme);
  });

  it("is not published again when nothing changed, and is when the catalogue changed", async () => {
    await openHome("U0BOB");
    await harness.slack.waitFor("views.publish", (call) => call.params.user_id === "U0BOB");
    const count = () =>
      harness.slack.callsTo("views.publish").filter((call) => call.params.user_id === "U0BOB").length;
    expect(count()).toBe(1);

    await openHome("U0BOB");
    await sleep(400);
    expect(count()).toBe(1);

    const writer = await api.clientWith(["catalog:write"]);
    const tomorrow = addDays(todayIn("UTC"), 1);
    await writer.createEvent({
      id: "home-test-new-workshop",
      title: "Brand-new workshop on border demarcation",
      kind: "workshop",
      startsOn: tomorrow,
      endsOn: tomorrow,
      city: "Nouakchott",
      country: "MR",
      themes: ["demarcation"],
    });
    await openHome("U0BOB");
    const republished = await harness.slack.waitFor(
      "views.publish",
      (call) =>
        call.params.user_id === "U0BOB" &&
        readableText(call.params.view as Record<string, unknown>).includes("Brand-new workshop"),
    );
    expect(republished.response.ok).toBe(true);
    expect(count()).toBe(2);
    await writer.deleteEvent("home-test-new-workshop");
  });

  it("does nothing when the Messages tab is opened", async () => {
    const before = harness.slack.callsTo("views.publish").length;
    await harness.driver.appHomeOpened("U0TRIAGER", { tab: "messages" });
    await sleep(300);
    expect(harness.slack.callsTo("views.publish").length).toBe(before);
  });

  it("loads theme options for the picker and shows a picked theme's practices", async () => {
    await openHome("U0TRIAGER");
    await harness.slack.waitFor("views.publish", (call) => call.params.user_id === "U0TRIAGER");
    const view = harness.slack.homeViews.get("U0TRIAGER") ?? {};
    const options = await harness.driver.blockSuggestion({
      user: "U0TRIAGER",
      actionId: ACTION_IDS.pickTheme,
      blockId: "home_theme_picker",
      value: "biom",
      view,
    });
    expect(JSON.parse(options.body).options).toEqual([
      { text: { type: "plain_text", text: "Biometrics" }, value: "biometrics" },
    ]);

    const practices = await catalogue.listPractices({ theme: "biometrics", limit: 5 });
    expect(practices.items.length).toBeGreaterThan(0);
    await harness.driver.blockAction({
      user: "U0TRIAGER",
      actionId: ACTION_IDS.pickTheme,
      blockId: "home_theme_picker",
      selectedOption: { text: "Biometrics", value: "biometrics" },
      container: { type: "view", viewId: String(view.id) },
      view,
    });
    const picked = await harness.slack.waitFor(
      "views.publish",
      (call) =>
        call.params.user_id === "U0TRIAGER" &&
        JSON.stringify(call.params.view).includes('\\"theme\\":\\"biometrics\\"'),
    );
    const text = readableText(picked.params.view as Record<string, unknown>);
    for (const practice of practices.items) expect(text).toContain(practice.title.replace(/&/g, "&amp;"));
  });

  it("keeps the picked theme when Slack shows the Home again", async () => {
    const before = harness.slack.callsTo("views.publish").length;
    await openHome("U0TRIAGER");
    await sleep(400);
    expect(harness.slack.callsTo("views.publish").length).toBe(before);
    expect(harness.slack.homeViews.get("U0TRIAGER")?.private_metadata).toContain("biometrics");
  });

  it("publishes again on Refresh even when nothing changed", async () => {
    const view = harness.slack.homeViews.get("U0TRIAGER") ?? {};
    const before = harness.slack.callsTo("views.publish").length;
    const refresh = findButton(view, ACTION_IDS.refreshHome);
    expect(refresh).toBeDefined();
    await harness.driver.blockAction({
      user: "U0TRIAGER",
      actionId: ACTION_IDS.refreshHome,
      value: refresh?.value ?? "",
      container: { type: "view", viewId: String(view.id) },
      view,
    });
    await harness.slack.waitFor(
      "views.publish",
      () => harness.slack.callsTo("views.publish").length > before,
    );
    expect(harness.slack.homeViews.get("U0TRIAGER")?.private_metadata).toContain("biometrics");
  });

  it("lists the viewer's own requests, and only theirs", async () => {
    const requests = await api.clientWith(["requests:write"]);
    const filed = await requests.createRequest({
      type: "expert_advice",
      memberState: "KE",
      summary: "Advice on biometric enrolment at land borders",
      requester: { name: "Alice Ndiaye", slackUserId: "U0ALICE", slackTeamId: "T0FAKETEAM" },
      source: "slack",
    });
    await openHome("U0ALICE");
    const alice = await harness.slack.waitFor("views.publish", (call) =>
      readableText(call.params.view as Record<string, unknown>).includes(filed.reference),
    );
    expect(alice.params.user_id).toBe("U0ALICE");
    await harness.driver.appHomeOpened("U0BOB");
    await sleep(400);
    const bobsHome = readableText(harness.slack.homeViews.get("U0BOB") ?? {});
    expect(bobsHome).toContain("Your requests");
    expect(bobsHome).not.toContain(filed.reference);
  });

  it("shows the rest of the Home when the requests API is not deployed (404)", async () => {
    proxy.missingRoutes = /^\/v1\/requests/;
    try {
      await openHome("U0ALICE");
      const call = await harness.slack.waitFor(
        "views.publish",
        (recorded) =>
          recorded.params.user_id === "U0ALICE" &&
          readableText(recorded.params.view as Record<string, unknown>).includes(
            "Your requests can't be listed yet",
          ),
      );
      expect(readableText(call.params.view as Record<string, unknown>)).toContain("Upcoming events");
    } finally {
      proxy.missingRoutes = undefined;
    }
  });

  it("keeps running when Slack refuses a publish", async () => {
    harness.slack.addUser({ id: "U0CAROL", name: "carol", realName: "Carol Diaz", email: null });
    harness.slack.failNext("views.publish", "internal_error");
    await harness.driver.appHomeOpened("U0CAROL");
    await harness.slack.waitFor("views.publish", (call) => call.response.error === "internal_error");
    const { response } = await harness.driver.command({ text: "help", user: "U0BOB" });
    expect(response.status).toBe(200);
  });
});
