import {describe, expect, it} from "vitest";
import {dateRange} from "../../../src/core/calendar.js";
import {explainDay, LOOKALIKES, SCENARIO_EVENTS, scenarioCalendar} from "../../../src/core/scenarios.js";

describe("scenarios", () => {
  it("explainDay(date, events) names a benign look-alike as benign, beside the attacks, in the calendar's order (first day, then name)", () => {
    expect(explainDay("2025-07-01", SCENARIO_EVENTS).map((n) => n.scenario)).toEqual(["benign B5", "misinformation event"]);
    expect(explainDay("2025-06-17", SCENARIO_EVENTS).map((n) => n.scenario)).toEqual(["attack A1"]);
    expect(explainDay("2025-06-05", SCENARIO_EVENTS)).toEqual([]);
  });
  it("scenarioCalendar(dates, events) spans each scenario once, in order of start", () => {
    const calendar = scenarioCalendar(dateRange(), SCENARIO_EVENTS);
    const b4 = calendar.find((s) => s.scenario === "benign B4")!;
    expect(b4).toMatchObject({start: "2025-06-24", end: "2025-06-25", days: 2});
    expect(calendar.filter((s) => s.scenario.startsWith("benign ")).length).toBe(LOOKALIKES.length);
    expect(calendar.map((s) => s.start)).toEqual([...calendar.map((s) => s.start)].sort());
    expect(scenarioCalendar([], SCENARIO_EVENTS)).toEqual([]);
  });
});
