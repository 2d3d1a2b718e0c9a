import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./test/field-errors.js";
import { multiLineText, singleLineText, trimInvisible } from "./text.js";

const line = singleLineText({ max: 20 });
const optionalLine = singleLineText({ max: 20, canBeBlank: true });
const lines = multiLineText({ max: 40, canBeBlank: true });

/** The message a schema gives for `value`, or undefined when it accepts it. */
function messageFor(schema: typeof line, value: unknown): string | undefined {
  return fieldErrorsOf(schema, value)[0]?.message;
}

describe("singleLineText", () => {
  it("keeps ordinary text in any script, with emoji, accents and right-to-left marks", () => {
    for (const text of ["Nouakchott airport", "Sûreté nationale", "أمن الحدود\u200F", "Ⅻ 🛂 ✈️", "ok ❤️"]) {
      expect(line.parse(text)).toBe(text);
    }
  });

  it("refuses a lone UTF-16 surrogate, which the store could not keep as sent", () => {
    expect(messageFor(line, "\ud83d".repeat(10))).toBe(
      "must be well-formed Unicode text (it has an unpaired surrogate)",
    );
    expect(messageFor(line, "end \udc00")).toBe(
      "must be well-formed Unicode text (it has an unpaired surrogate)",
    );
    expect(line.parse("passport 🛂")).toBe("passport 🛂");
  });

  it.each([
    ["a zero-width space", "\u200b"],
    ["zero-width space and word joiner", "\u200b\u2060"],
    ["a byte-order mark and a soft hyphen", "\ufeff\u00ad"],
    ["a Hangul filler", "\u3164"],
    ["a blank Braille cell", "\u2800"],
    ["spaces of every width", " \u00a0\u2003\u3000"],
    ["a lone combining accent", "\u0301"],
    ["a lone variation selector", "\ufe0f"],
    ["nothing", ""],
  ])("refuses %s as text that shows nothing", (_what, text) => {
    expect(messageFor(line, text)).toBe("must contain visible text");
  });

  it("trims zero-width and other invisible characters at the ends, and keeps those inside", () => {
    expect(line.parse("\u200b\ufeff Border strategy \u2060\u200b")).toBe("Border strategy");
    expect(line.parse("co\u00adoperation")).toBe("co\u00adoperation");
  });

  it("keeps the variation selector that makes an emoji at the end", () => {
    expect(line.parse("Thanks ❤️")).toBe("Thanks \u2764\ufe0f");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a bell", "a\u0007"],
    ["escape", "\u001b[31mred"],
    ["delete", "a\u007f"],
    ["a C1 control", "a\u0085b"],
    ["a tab", "a\tb"],
    ["a line break", "first\nsecond"],
    ["a right-to-left override", "invoice\u202Egnp.exe"],
    ["a left-to-right embedding", "\u202Atext"],
    ["a pop directional formatting", "text\u202C"],
    ["a first-strong isolate", "a\u2068b\u2069"],
    ["a right-to-left isolate", "a\u2067b"],
  ])("refuses %s", (_what, text) => {
    expect(messageFor(line, text)).toBe("must not contain control characters");
  });

  it("counts the limit in characters after trimming, as zod's max does (an emoji is one)", () => {
    expect(line.parse(`\u200b${"x".repeat(20)}\u200b`)).toBe("x".repeat(20));
    expect(messageFor(line, "x".repeat(21))).toBe("must be at most 20 characters");
    expect(line.parse("🛂".repeat(20))).toBe("🛂".repeat(20));
    expect(messageFor(line, "🛂".repeat(21))).toBe("must be at most 20 characters");
  });

  it("takes blank text as empty when it may be blank, but still refuses text that shows nothing", () => {
    expect(optionalLine.parse("\u200b ")).toBe("");
    expect(optionalLine.parse("")).toBe("");
    expect(messageFor(optionalLine, "\u0301")).toBe("must contain visible text");
    expect(messageFor(optionalLine, "\u0000")).toBe("must not contain control characters");
  });

  it("says the field's own message for blank text when it has one", () => {
    const actor = singleLineText({ max: 20, blankMessage: "must name who makes the move" });
    expect(messageFor(actor, "\u200b")).toBe("must name who makes the move");
    expect(messageFor(actor, "\u0301")).toBe("must contain visible text");
  });
});

describe("multiLineText", () => {
  it("keeps line breaks and tabs inside, and trims them at the ends", () => {
    expect(lines.parse("\n Needs:\r\n\t- training\n- equipment \n\u200b")).toBe(
      "Needs:\r\n\t- training\n- equipment",
    );
  });

  it("refuses other control characters and bidirectional overrides", () => {
    expect(messageFor(lines, "line\u0000")).toBe("must not contain control characters");
    expect(messageFor(lines, "line\u000bfeed")).toBe("must not contain control characters");
    expect(messageFor(lines, "line\n\u202Eevil")).toBe("must not contain control characters");
  });

  it("refuses a lone surrogate", () => {
    expect(messageFor(lines, "a\ud800")).toBe(
      "must be well-formed Unicode text (it has an unpaired surrogate)",
    );
  });

  it("refuses text of several lines that shows nothing, unless it may be blank", () => {
    const required = multiLineText({ max: 40 });
    expect(messageFor(required, "\n\u200b\t\n")).toBe("must contain visible text");
    expect(lines.parse("\n\u200b\t\n")).toBe("");
  });
});

describe("trimInvisible", () => {
  it("trims long runs at both ends and keeps what is inside", () => {
    const padded = `${" ".repeat(100_000)}a \u200b b${"\u200b ".repeat(100_000)}`;
    expect(trimInvisible(padded)).toBe("a \u200b b");
    expect(trimInvisible(" ".repeat(100_000))).toBe("");
    expect(trimInvisible("\u00a0❤️\u200d")).toBe("❤️");
  });
});
