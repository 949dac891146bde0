import {describe, expect, it} from "vitest";
import {dateRange} from "../../../src/core/calendar.js";
import {explainDay, LOOKALIKES, scenarioCalendar} from "../../../src/core/scenarios.js";

describe("scenarios", () => {
  it("explainDay(date) names a benign look-alike as benign, beside the attacks", () => {
    expect(explainDay("2025-07-01").map((n) => n.scenario)).toEqual(["misinformation event", "benign B5"]);
    expect(explainDay("2025-06-17").map((n) => n.scenario)).toEqual(["attack A1"]);
    expect(explainDay("2025-06-05")).toEqual([]);
  });
  it("scenarioCalendar(dates) spans each scenario once, in order of start", () => {
    const calendar = scenarioCalendar(dateRange());
    const b4 = calendar.find((s) => s.scenario === "benign B4")!;
    expect(b4).toMatchObject({start: "2025-06-24", end: "2025-06-25", days: 2});
    expect(calendar.filter((s) => s.scenario.startsWith("benign ")).length).toBe(LOOKALIKES.length);
    expect(calendar.map((s) => s.start)).toEqual([...calendar.map((s) => s.start)].sort());
    expect(scenarioCalendar([])).toEqual([]);
  });
});
