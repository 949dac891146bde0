import {describe, expect, it} from "vitest";
import {executiveSummary, windowMetrics} from "../../../src/report/executive.js";
import {simulate} from "../../../src/world/simulate.js";
import {buildTables} from "../../../src/world/tables.js";

const tablesA = buildTables(simulate({seed: 42, scale: 1}));
const tablesB = buildTables(simulate({seed: 7, scale: 1}));

describe("executiveSummary", () => {
  const a = executiveSummary(tablesA, "2025-08-31");
  const b = executiveSummary(tablesB, "2025-08-31");
  it("executiveSummary(tables, asOf) compares the last 30 days with the 30 before", () => {
    expect(a.period).toEqual({start: "2025-08-02", end: "2025-08-31"});
    expect(a.previous).toEqual({start: "2025-07-03", end: "2025-08-01"});
  });
  it("ranks at most three priorities by their gap to target, each with numbers", () => {
    expect(a.priorities.length).toBeGreaterThan(0);
    expect(a.priorities.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < a.priorities.length; i++) expect(a.priorities[i - 1].gap).toBeGreaterThanOrEqual(a.priorities[i].gap);
    for (const p of a.priorities) expect(p.detail).toMatch(/\d/);
  });
  it("finds the world's incident from the data", () => {
    expect(a.incidents.map((i) => i.window)).toEqual(["2025-08-12 to 2025-08-13"]);
  });
  it("gives different figures at another seed", () => {
    expect(a.kpis.map((k) => k.value)).not.toEqual(b.kpis.map((k) => k.value));
    expect(a.priorities.map((p) => p.detail)).not.toEqual(b.priorities.map((p) => p.detail));
  });
  it("agrees with a direct count on the flags table", () => {
    const f = tablesA.flags as Record<string, ArrayLike<unknown>>;
    let high = 0;
    let breached = 0;
    for (let i = 0; i < f.flag_id.length; i++) {
      const d = f.date[i] as string;
      if (d < "2025-08-02" || f.route[i] !== "human_review" || !(f.severity[i] === "high" || f.severity[i] === "critical")) continue;
      high++;
      if (f.sla_breached[i]) breached++;
    }
    expect(a.kpis.find((k) => k.id === "sla")!.value).toBeCloseTo(breached / high, 12);
  });
  it("windowMetrics on an empty window gives NaN rates, not errors", () => {
    const m = windowMetrics(tablesA, "2030-01-01", "2030-01-31");
    expect(m.flags).toBe(0);
    expect(Number.isNaN(m.slaBreach)).toBe(true);
  });
});
