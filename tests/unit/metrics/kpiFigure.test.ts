import {describe, expect, it} from "vitest";
import {basisText, figureText} from "../../../src/metrics/describeKpi.js";
import {compareKpi, measureKpi} from "../../../src/metrics/kpiFigure.js";

const day = (date: string, reports: number, enforcements: number, appeals: number, successful_appeals: number) => ({date, country: "A", region: "R", content_created: 1000, active_users: 500, reports, enforcements, appeals, successful_appeals, median_response_time_hours: 10});
const tables = {daily_country: [day("2025-03-01", 100, 60, 10, 2), day("2025-03-02", 100, 90, 20, 10), day("2025-03-03", 50, 20, 4, 1)]};

describe("measureKpi", () => {
  it("measureKpi(id, tables, window) gives the value, its counts and a 95% Wilson interval for a share", () => {
    const f = measureKpi("enforcement_rate", tables, {from: "2025-03-01", to: "2025-03-02"});
    expect(f).toMatchObject({id: "enforcement_rate", value: 0.75, numerator: 150, denominator: 200, n: 200, from: "2025-03-01", to: "2025-03-02", place: "all"});
    // Wilson 95% for 150/200: centre (0.75 + z²/400) / (1 + z²/200) = 0.7453, half-width 0.0596 (z = 1.95996).
    expect(f.lower).toBeCloseTo(0.6857, 3);
    expect(f.upper).toBeCloseTo(0.8049, 3);
    expect(basisText(f)).toBe("150 of 200; 95% CI 68.6–80.5%");
  });

  it("measureKpi marks a share on fewer than 30 cases and gives null for an empty window", () => {
    const f = measureKpi("appeal_overturn_rate", tables, {from: "2025-03-03", to: "2025-03-03"});
    expect(f.value).toBe(0.25);
    expect(figureText(f)).toMatch(/^25\.0% \(1 of 4; 95% CI .*; fewer than 30 cases: read with care\)$/);
    expect(measureKpi("enforcement_rate", tables, {from: "2025-04-01", to: "2025-04-02"}).value).toBeNull();
    expect(() => measureKpi("reports", tables, {from: "", to: "2025-03-01"})).toThrow("invalid window for reports");
  });

  it("compareKpi(current, previous) shows shares in pp and counts as a relative change", () => {
    const a = measureKpi("enforcement_rate", tables, {from: "2025-03-02", to: "2025-03-02"});
    const b = measureKpi("enforcement_rate", tables, {from: "2025-03-01", to: "2025-03-01"});
    const c = compareKpi(a, b)!;
    expect(c.text).toBe("+30.0 pp");
    expect(c).toMatchObject({direction: "up", good: null, overlap: false});
    const counts = compareKpi(measureKpi("reports", tables, {from: "2025-03-03", to: "2025-03-03"}), measureKpi("reports", tables, {from: "2025-03-02", to: "2025-03-02"}))!;
    expect(counts.text).toBe("−50.0%");
    const appeals = compareKpi(measureKpi("appeal_overturn_rate", tables, {from: "2025-03-03", to: "2025-03-03"}), measureKpi("appeal_overturn_rate", tables, {from: "2025-03-01", to: "2025-03-01"}))!;
    expect(appeals).toMatchObject({text: "+5.0 pp", good: false, overlap: true});
  });
});
