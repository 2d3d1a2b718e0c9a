import { describe, expect, it } from "vitest";
import { parseCommand } from "./parse-command.js";
import { decodeQuery, encodeQuery } from "./query.js";

describe("parseCommand", () => {
  it.each([
    ["", { kind: "help" }],
    ["help", { kind: "help" }],
    ["  HELP  ", { kind: "help" }],
    ["next", { kind: "query", query: { kind: "next" } }],
    ["events", { kind: "query", query: { kind: "events", words: "" } }],
    ["events biometrics   Dakar", { kind: "query", query: { kind: "events", words: "biometrics Dakar" } }],
    ["practices PNR", { kind: "query", query: { kind: "practices", topic: "PNR" } }],
    ["practice", { kind: "query", query: { kind: "practices", topic: "" } }],
    ["status", { kind: "query", query: { kind: "status" } }],
    ["status BSI-2026-0042", { kind: "query", query: { kind: "status", reference: "BSI-2026-0042" } }],
    ["request training for officers", { kind: "request", summary: "training for officers" }],
  ])("reads %j", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it("takes a near-miss of a subcommand for a mistake and answers with help", () => {
    for (const typo of ["evnts", "evets", "hlp", "stauts", "practises", "nxt", "--version"]) {
      expect(parseCommand(typo)).toMatchObject({ kind: "help", unknown: typo });
    }
  });

  it("treats anything else as a question, including 'next' or 'status' followed by words", () => {
    for (const question of [
      "next workshop in Dakar",
      "biometrics",
      "what is on in March?",
      "hello there",
      "status of BSI-2026-0001",
      "status of my request",
    ]) {
      expect(parseCommand(question)).toEqual({ kind: "query", query: { kind: "ask", question } });
    }
  });
});

describe("button values", () => {
  it("round-trip a query", () => {
    const query = {
      kind: "ask" as const,
      question: "workshops in the Sahel",
      now: "2026-01-01T00:00:00.000Z",
      offset: 6,
    };
    expect(decodeQuery(encodeQuery(query))).toEqual(query);
  });

  it("keep the language of the answer a button came with", () => {
    const query = {
      kind: "ask" as const,
      question: "ateliers au Sahel ?",
      offset: 6,
      language: "fr" as const,
    };
    expect(decodeQuery(encodeQuery(query))).toEqual(query);
  });

  it.each([
    "",
    "not json",
    "null",
    '{"kind":"drop tables"}',
    '{"kind":"ask"}',
    '{"kind":"ask","question":"x","offset":-1}',
    '{"kind":"ask","question":"x","language":"de"}',
    '{"kind":"ask","question":"x","language":["fr"]}',
    `{"kind":"events","words":"${"x".repeat(600)}"}`,
  ])("read %j as nothing rather than throwing", (value) => {
    expect(decodeQuery(value)).toBeUndefined();
  });
});
