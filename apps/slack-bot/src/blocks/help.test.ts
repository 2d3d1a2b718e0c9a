import { describe, expect, it } from "vitest";
import { validateBlocks } from "../test/block-kit-checks.js";
import { readableText } from "../test/messages.js";
import { HELP_WORDS, renderHelp } from "./help.js";

describe("help in the reader's language", () => {
  it("lists the same commands in English, French and Spanish, explained in each", () => {
    const texts = (["en", "fr", "es"] as const).map((language) =>
      readableText(renderHelp({ language }) as never),
    );
    for (const text of texts) {
      for (const name of ["next", "events", "practices", "status", "request", "help"])
        expect(text).toContain(`\`/bsi ${name}`);
    }
    const [english, french, spanish] = texts;
    expect(english).toContain("— this list");
    expect(french).toContain("— cette liste");
    expect(french).toContain("*Partager dans le canal* en publie une pour tout le monde");
    expect(spanish).toContain("— esta lista");
    expect(spanish).not.toContain("this list");
  });

  it("says which subcommand does not exist, within Slack's limits", () => {
    const intro = HELP_WORDS.fr.unknownCommand("x".repeat(2500));
    const help = renderHelp({ language: "fr", intro });
    expect(readableText(help as never)).toContain("La commande `/bsi xxx");
    expect(validateBlocks(help.blocks, 50)).toEqual([]);
  });
});
