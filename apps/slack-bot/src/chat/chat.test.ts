import { PassThrough } from "node:stream";
import { type BsiClient, createClient } from "@bsi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderAnswer } from "../blocks/answer.js";
import { renderEventCard } from "../blocks/event-card.js";
import { unusedLoopbackUrl } from "../test/api-proxy.js";
import { makeEvent } from "../test/fixtures.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { type ChatIo, runChat } from "./main.js";
import { ANSI, renderMessageAsText } from "./render-text.js";

let api: TestApi;
let catalogue: BsiClient;

beforeAll(async () => {
  api = await startTestApi();
  catalogue = createClient({ baseUrl: api.url });
});

afterAll(async () => {
  await api?.close();
});

function collect(): PassThrough & { text: () => string } {
  const stream = new PassThrough() as PassThrough & { text: () => string };
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  stream.text = () => Buffer.concat(chunks).toString("utf8");
  return stream;
}

async function chat(argv: string[], env: Record<string, string>, lines: string[] = []) {
  const input = new PassThrough();
  const output = collect();
  const errors = collect();
  const io: ChatIo = { argv, env, input, output, errors };
  const running = runChat(io);
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  const code = await running;
  return { code, output: output.text(), errors: errors.text() };
}

describe("rendering Block Kit as terminal text", () => {
  it("keeps what a reader needs: decoded text, the calendar link, and a hint for more", () => {
    const message = renderAnswer({
      lead: "Events & workshops <soon>:",
      units: [renderEventCard(makeEvent({ title: "Workshop on A&B <PNR>" }), { apiUrl: "http://api.test" })],
      more: { kind: "cursor", value: "x" },
    }).message;
    const text = renderMessageAsText(message);
    expect(text).toContain("Events & workshops <soon>:");
    expect(text).toContain("Workshop on A&B <PNR>");
    expect(text).not.toContain("*Workshop");
    expect(text).toContain("Monday 14 – Wednesday 16 September 2026");
    expect(text).toContain("Add to calendar: http://api.test/v1/events/2026-09-dakar-api-pnr-workshop.ics");
    expect(text).toContain('Type "more" to see more.');
  });

  it("shows bold as bold on a terminal that has colours", () => {
    const text = renderMessageAsText(
      renderAnswer({ units: [renderEventCard(makeEvent(), { apiUrl: "http://a" })] }).message,
      ANSI,
    );
    expect(text).toContain("\u001b[1mRegional workshop on API and PNR\u001b[22m");
  });
});

describe("npm run chat", () => {
  it('answers once and exits when given a question: `npm run chat -- "next"`', async () => {
    const [next] = (await catalogue.listEvents({ upcoming: true, limit: 1 })).items;
    const { code, output } = await chat(["next"], { BSI_API_URL: api.url });
    expect(code).toBe(0);
    expect(output).toContain(next?.title);
    expect(output).toContain(`${api.url}/v1/events/${next?.id}.ics`);
  });

  it("holds a session: commands, questions and `more`, until exit", async () => {
    const first = await catalogue.listEvents({ upcoming: true, limit: 5 });
    const second = await catalogue.listEvents({ upcoming: true, limit: 5, cursor: first.nextCursor ?? "" });
    const { code, output } = await chat([], { BSI_API_URL: api.url }, [
      "events",
      "more",
      "help",
      "exit",
      "next",
    ]);
    expect(code).toBe(0);
    for (const event of [...first.items, ...second.items]) expect(output).toContain(event.title);
    expect(output).toContain("events [words]");
    // "exit" ended the session: the line after it was not answered.
    expect(output.match(/The next BSI event/g)).toBeNull();
  });

  it("searches the words of text typed with punctuation, and heads the answer with them", async () => {
    const maghreb = await catalogue.listEvents({ upcoming: true, q: "Tunis API", limit: 5 });
    expect(maghreb.items.length).toBeGreaterThan(0);
    const { output } = await chat([], { BSI_API_URL: api.url }, [
      "events Tunis: API",
      'practices "zzyzx"',
      "exit",
    ]);
    expect(output).not.toContain("couldn't use that");
    expect(output).toContain("Upcoming events matching “Tunis API”");
    for (const event of maghreb.items) expect(output).toContain(event.title);
    expect(output).toContain("No good practices found on “zzyzx”.");
  });

  it("says that `status` lists every requester's requests, since the terminal has no Slack user", async () => {
    const requests = await api.clientWith(["requests:write"]);
    const filed = await requests.createRequest({
      type: "information",
      memberState: "JO",
      summary: "Briefing on border community engagement",
      requester: { name: "Bob Martin", slackUserId: "U0BOB", slackTeamId: "T0FAKETEAM" },
      source: "api",
    });
    const { output } = await chat(["status"], {
      BSI_API_URL: api.url,
      BSI_API_TOKEN: await api.createKey(["requests:read"]),
    });
    expect(output).toContain(filed.reference);
    expect(output).toContain("Every request filed, latest first:");
    expect(output).not.toContain("Your requests");
  });

  it("starts its own API on an in-memory catalogue when none answers at BSI_API_URL", async () => {
    const { code, output, errors } = await chat(["events"], { BSI_API_URL: await unusedLoopbackUrl() });
    expect(code).toBe(0);
    expect(errors).toContain("started its own");
    expect(output).toContain("Upcoming BSI events");
  });

  it("stops with one line on a bad BSI_API_URL", async () => {
    const { code, errors } = await chat(["next"], { BSI_API_URL: "not a url" });
    expect(code).toBe(2);
    expect(errors.trim().split("\n")).toHaveLength(1);
    expect(errors).toContain("BSI_API_URL");
  });
});
