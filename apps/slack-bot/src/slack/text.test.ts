import { describe, expect, it } from "vitest";
import { slackTextToPlain } from "./text.js";

describe("slackTextToPlain", () => {
  it("drops the bot's mention and keeps the question", () => {
    expect(slackTextToPlain("<@U0BOT> what's next?", "U0BOT")).toBe("what's next?");
  });

  it("reduces links, channels and other mentions to what the person wrote", () => {
    expect(
      slackTextToPlain(
        "<@U0BOT> see <https://un.org/bsi|the BSI page> in <#C0GENERAL|general> &amp; tell <@U0BOB|bob>",
        "U0BOT",
      ),
    ).toBe("see the BSI page in #general & tell @bob");
  });

  it("removes broadcast mentions and decodes entities", () => {
    expect(slackTextToPlain("<!channel> events &lt;in&gt; Dakar", "U0BOT")).toBe("events <in> Dakar");
  });

  it("keeps line breaks and link targets for text filed into a request", () => {
    expect(
      slackTextToPlain("Need help  with\n\n\n\n<https://un.org/bsi|the BSI page>\n  &amp; more", "U0BOT", {
        keepLineBreaks: true,
        keepUrls: true,
      }),
    ).toBe("Need help with\n\nthe BSI page (https://un.org/bsi)\n& more");
  });
});
