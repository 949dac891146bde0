import {describe, expect, it} from "vitest";
import type {KpiFigure} from "../../../src/metrics/kpiFigure.js";
import {findIncidents, priorityGaps, wrongfulBlockDays, type ExecutiveAnalysis} from "../../../src/report/executive.js";

type Triple = [number, number, number];
const share = (id: string, [value, lower, upper]: Triple): KpiFigure => ({id, name: id, unit: "percent", goodWhen: "down", value, from: "2025-08-02", to: "2025-08-31", place: "all", numerator: 1, denominator: 100, n: 100, lower, upper});
const pair = (id: string, current: Triple) => ({current: share(id, current), previous: share(id, current), change: null});

/** A hand-made analysis: only the figures the gaps read. */
function analysis({backlog = [0.02, 0.01, 0.03], qa = [0.97, 0.96, 0.98], coordinated = [0.05, 0.04, 0.06], scoreNow = [0.8, 0.79, 0.81], scoreBefore = [0.8, 0.79, 0.81], attacks = 1}: Partial<Record<"backlog" | "qa" | "coordinated" | "scoreNow" | "scoreBefore", Triple>> & {attacks?: number} = {}): ExecutiveAnalysis {
  const score = ([value, lower, upper]: Triple) => ({value, lower, upper, n: 50});
  return {
    period: {from: "2025-08-02", to: "2025-08-31"},
    previous: {from: "2025-07-03", to: "2025-08-01"},
    figures: {backlog_health: pair("backlog_health", backlog), qa_pass_rate: pair("qa_pass_rate", qa), coordinated_share: pair("coordinated_share", coordinated)},
    extras: {current: {violationScore: score(scoreNow), attacks, attackFlags: 10}, previous: {violationScore: score(scoreBefore), attacks: 0, attackFlags: 0}}
  };
}

describe("priorityGaps", () => {
  it("priorityGaps(analysis) measures a share past its level by its whole interval, in multiples of the level", () => {
    // Coordinated share 4–6% against 2%: lower bound 2 times the level. Backlog 1–3% under 5%: no gap.
    expect(priorityGaps(analysis())).toEqual({backlog: 0, classifier: 0, attacks: 2, quality: 0, scoreOverlap: true});
    // Backlog 6–10% against 5%: 1.2. QA pass 90–94% under 95%: (0.95 − 0.94) / 0.05 = 0.2.
    const g = priorityGaps(analysis({backlog: [0.08, 0.06, 0.1], qa: [0.92, 0.9, 0.94]}));
    expect(g.backlog).toBeCloseTo(1.2, 12);
    expect(g.quality).toBeCloseTo(0.2, 12);
  });

  it("priorityGaps counts a score fall only beyond noise, and the coordinated share only with an attack in the window", () => {
    const fell = priorityGaps(analysis({scoreNow: [0.7, 0.69, 0.71], scoreBefore: [0.8, 0.79, 0.81], attacks: 0}));
    expect(fell.scoreOverlap).toBe(false);
    expect(fell.classifier).toBeCloseTo(10, 9);
    expect(fell.attacks).toBe(0);
    expect(priorityGaps(analysis({scoreNow: [0.78, 0.75, 0.81], scoreBefore: [0.8, 0.77, 0.83]})).classifier).toBe(0);
  });
});

describe("wrongfulBlockDays", () => {
  /** Ten days with one benign auto-block each, except 2025-06-05 (12) and 2025-06-06 (9); dismissals never count. */
  function tables() {
    const f: Record<string, unknown[]> = {flag_id: [], date: [], route: [], is_violation: []};
    const add = (date: string, route: string, violation: boolean) => {
      f.flag_id.push(f.flag_id.length);
      f.date.push(date);
      f.route.push(route);
      f.is_violation.push(violation);
    };
    for (let d = 1; d <= 10; d++) {
      const date = `2025-06-${String(d).padStart(2, "0")}`;
      const benign = date === "2025-06-05" ? 12 : date === "2025-06-06" ? 9 : 1;
      for (let k = 0; k < benign; k++) add(date, "auto_block", false);
      add(date, "auto_block", true);
      add(date, "auto_dismiss", false);
    }
    return {flags: f} as never;
  }

  it("wrongfulBlockDays(tables, from) keeps the days over 5 and 4 times the median day", () => {
    expect(wrongfulBlockDays(tables(), "2025-06-01")).toEqual({days: ["2025-06-05", "2025-06-06"], counts: [12, 9], typical: 1});
    expect(wrongfulBlockDays(tables(), "2025-06-06").days).toEqual(["2025-06-06"]);
  });

  it("findIncidents writes the incident from those days", () => {
    expect(findIncidents(tables(), "2025-06-01")).toEqual([{id: "INC-2025-06-05", window: "2025-06-05 to 2025-06-06", detail: "Automatic blocks of benign content reached 12 a day against a median of 1: 21 wrongful blocks in all.", link: "./incident"}]);
    expect(findIncidents(tables(), "2025-06-07")).toEqual([]);
  });
});
