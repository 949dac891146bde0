import {describe, expect, it} from "vitest";
import {rewriteBlocks, rewriteStatusText, weeklyFact, weeklyKpi} from "../../../src/ops/weeklyView.js";
import type {KpiFigure} from "../../../src/metrics/kpiFigure.js";

describe("weeklyFact and weeklyKpi", () => {
  const facts = [{id: "flags", label: "Flags", value: 120, text: "120", previous: 100, previousText: "100"}];
  it("weeklyFact(report, id) finds a fact by id, else a missing value", () => {
    expect(weeklyFact({facts}, "flags")).toBe(facts[0]);
    expect(weeklyFact({facts}, "team_now")).toEqual({value: NaN, text: "–"});
  });
  it("weeklyKpi(report, id, when) reads this week's or last week's figure, and throws for one the report lacks", () => {
    const figure = (id: string, value: number) => ({id, value}) as unknown as KpiFigure;
    const report = {kpis: {current: [figure("tta_high_p50", 0.8)], previous: [figure("tta_high_p50", 1.2)]}};
    expect(weeklyKpi(report, "tta_high_p50").value).toBe(0.8);
    expect(weeklyKpi(report, "tta_high_p50", "previous").value).toBe(1.2);
    expect(() => weeklyKpi(report, "backlog_health")).toThrow("missing weekly KPI: backlog_health (current)");
  });
});

describe("rewriteStatusText", () => {
  it("rewriteStatusText(rewrite) says whether the report was rewritten, and why not", () => {
    expect(rewriteStatusText({status: "not_configured", detail: "no key"})).toBe("Generated from the data. No LLM key was configured at build time, so no rewrite was asked for.");
    expect(rewriteStatusText({status: "used", detail: "rewritten by m"})).toBe("Rewritten by an LLM from the generated report (rewritten by m); every number in it was checked against the generated report, shown below.");
    expect(rewriteStatusText({status: "rejected", detail: "new number 7"})).toBe("An LLM rewrite was asked for and rejected (new number 7); this is the generated report.");
    expect(rewriteStatusText({status: "failed", detail: "HTTP 500"})).toBe("An LLM rewrite was asked for and failed (HTTP 500); this is the generated report.");
  });
});

describe("rewriteBlocks", () => {
  it("rewriteBlocks(text, titles) makes section names titles (any case), runs of '- ' lines lists, other lines paragraphs", () => {
    const text = "  Top risks \n- SLA at 7%\n- P50 1.5 h\n\nA quiet week otherwise.\n- one more point\ncategory TO WATCH\n- Spam";
    expect(rewriteBlocks(text, ["Top risks", "Category to watch"])).toEqual([
      {kind: "title", text: "Top risks"},
      {kind: "list", items: ["SLA at 7%", "P50 1.5 h"]},
      {kind: "paragraph", text: "A quiet week otherwise."},
      {kind: "list", items: ["one more point"]},
      {kind: "title", text: "category TO WATCH"},
      {kind: "list", items: ["Spam"]}
    ]);
  });
  it("rewriteBlocks of blank text is empty, and a dash without a space is a paragraph", () => {
    expect(rewriteBlocks("\n  \n", ["Top risks"])).toEqual([]);
    expect(rewriteBlocks("-5% flags", [])).toEqual([{kind: "paragraph", text: "-5% flags"}]);
  });
});
