import { describe, expect, it } from "vitest";
import { EVAL_ITEMS } from "./eval-questions.js";
import { BARS, formatReport, rate, runEvaluation } from "./run-eval.js";

describe("the ask evaluation", () => {
  it("has at least 150 labelled questions, 30 of them in French or Spanish", () => {
    expect(EVAL_ITEMS.length).toBeGreaterThanOrEqual(150);
    expect(EVAL_ITEMS.filter((item) => item.language !== "en").length).toBeGreaterThanOrEqual(30);
  });

  it(`answers at least ${BARS.overall * 100}% of them right, and ${BARS.frenchAndSpanish * 100}% of those in French or Spanish`, async () => {
    const report = await runEvaluation();
    const summary = formatReport(report);
    expect(rate(report.overall), summary).toBeGreaterThanOrEqual(BARS.overall);
    expect(rate(report.frenchAndSpanish), summary).toBeGreaterThanOrEqual(BARS.frenchAndSpanish);
  });
});
