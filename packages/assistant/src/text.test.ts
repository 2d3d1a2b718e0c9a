import { describe, expect, it } from "vitest";
import { quoteTyped } from "./text.js";

describe("quoteTyped", () => {
  it("quotes the stretch of the question the words come from, accents and small words kept", () => {
    expect(
      quoteTyped("anything on small arms and light weapons?", ["small", "arms", "light", "weapons"]),
    ).toBe("small arms and light weapons");
    expect(quoteTyped("¿hay algún evento sobre armas pequeñas?", ["armas", "pequenas"])).toBe(
      "armas pequeñas",
    );
    expect(quoteTyped("Maritime workshops", ["maritime"])).toBe("Maritime");
  });

  it("quotes words far apart one by one, and a word the question does not hold as folded", () => {
    expect(
      quoteTyped("book a workshop seat, then tell me about the flight arrangements", ["book", "flight"]),
    ).toBe("book flight");
    expect(quoteTyped("maritime workshops on piracy", ["maritime", "piracy"])).toBe("maritime piracy");
    expect(quoteTyped("events", ["armes"])).toBe("armes");
  });
});
