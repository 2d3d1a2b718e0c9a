import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeAndTruncate, escapeMrkdwn, mrkdwnLink, splitMrkdwn, unescapeMrkdwn } from "./mrkdwn.js";

describe("escapeMrkdwn", () => {
  it("turns control sequences into text that cannot ping or link", () => {
    expect(escapeMrkdwn("<!channel> & <@U123> <https://evil.example|click>")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil.example|click&gt;",
    );
  });

  it("round-trips through unescapeMrkdwn", () => {
    fc.assert(fc.property(fc.string(), (text) => unescapeMrkdwn(escapeMrkdwn(text)) === text));
  });
});

describe("escapeAndTruncate", () => {
  it("fits the escaped text within the limit without cutting an entity", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", " ", "&", "<", ">", "é") }),
        fc.integer({ min: 8, max: 80 }),
        (text, max) => {
          const result = escapeAndTruncate(text, max);
          expect(result.length).toBeLessThanOrEqual(max);
          expect(result).not.toMatch(/&(?!amp;|lt;|gt;)/);
        },
      ),
    );
  });
});

describe("splitMrkdwn", () => {
  it("splits long text into chunks within the limit that keep every word", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", "&", "<", ">"), minLength: 1, maxLength: 30 }), {
          maxLength: 200,
        }),
        fc.integer({ min: 40, max: 300 }),
        (words, max) => {
          const escaped = escapeMrkdwn(words.join(" "));
          const chunks = splitMrkdwn(escaped, max);
          for (const chunk of chunks) {
            expect(chunk.length).toBeLessThanOrEqual(max);
            expect(chunk).not.toMatch(/&(?!amp;|lt;|gt;)/);
            expect(chunk).not.toMatch(/^(amp|lt|gt);/);
          }
          expect(chunks.join("").replace(/\s/g, "")).toBe(escaped.replace(/\s/g, ""));
        },
      ),
    );
  });

  it("prefers paragraph boundaries", () => {
    const text = `${"a".repeat(60)}\n\n${"b".repeat(60)}`;
    expect(splitMrkdwn(text, 100)).toEqual(["a".repeat(60), "b".repeat(60)]);
  });
});

describe("mrkdwnLink", () => {
  it("keeps a hostile URL or label from closing the link early", () => {
    expect(mrkdwnLink("https://x.example/a>b|c", "<!here> & co")).toBe(
      "<https://x.example/a%3Eb%7Cc|&lt;!here&gt; &amp; co>",
    );
  });
});
