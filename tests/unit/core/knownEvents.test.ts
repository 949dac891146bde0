import {describe, expect, it} from "vitest";
import {columnsToEvents, eventsFromRows} from "../../../src/core/knownEvents.js";
import {byStart, eventsOn, explainDay, SCENARIO_EVENTS} from "../../../src/core/scenarios.js";

describe("known events", () => {
  const events = [
    {event: "v3.2 push", start_date: "2025-08-12", end_date: "2025-08-13", note: "over-blocking"},
    {event: "launch", start_date: "2025-05-05", end_date: "2025-05-18", note: null}
  ];
  it("explainDay(date, events) gives the events that span a date, first and last day included", () => {
    expect(explainDay("2025-08-13", events)).toEqual([{date: "2025-08-13", scenario: "v3.2 push", note: "over-blocking"}]);
    expect(explainDay("2025-05-05", events).map((n) => n.scenario)).toEqual(["launch"]);
    expect(explainDay("2025-05-19", events)).toEqual([]);
    expect(explainDay("2025-08-12", [])).toEqual([]);
  });
  it("eventsOn(date, events, separator) joins the names, or gives \"\"", () => {
    const both = [...events, {event: "outage", start_date: "2025-08-13", end_date: "2025-08-13", note: null}];
    expect(eventsOn("2025-08-13", both)).toBe("v3.2 push, outage");
    expect(eventsOn("2025-08-13", both, "; ")).toBe("v3.2 push; outage");
    expect(eventsOn("2025-01-01", both)).toBe("");
  });
  it("byStart orders by first day, then by name, as the published table does", () => {
    expect([...events].sort(byStart).map((e) => e.event)).toEqual(["launch", "v3.2 push"]);
    expect(SCENARIO_EVENTS.map((e) => e.start_date)).toEqual(SCENARIO_EVENTS.map((e) => e.start_date).sort());
    expect(new Set(SCENARIO_EVENTS.map((e) => e.event)).size).toBe(SCENARIO_EVENTS.length);
  });
  it("eventsFromRows reads the table's rows as a page has them (dates as Date objects) or as DuckDB gives them", () => {
    const rows = [{event: "launch", start_date: new Date("2025-05-05T00:00:00Z"), end_date: Date.parse("2025-05-18T00:00:00Z"), note: null}];
    expect(eventsFromRows(rows)).toEqual([{event: "launch", start_date: "2025-05-05", end_date: "2025-05-18", note: null}]);
    expect(eventsFromRows([{event: "x", start_date: "2025-05-05", end_date: "2025-05-06"}])).toEqual([{event: "x", start_date: "2025-05-05", end_date: "2025-05-06", note: null}]);
  });
  it("columnsToEvents reads the published table's columns, and an empty table as no events", () => {
    expect(columnsToEvents({event: ["launch"], start_date: ["2025-05-05"], end_date: ["2025-05-18"], note: ["ramp"]})).toEqual([{event: "launch", start_date: "2025-05-05", end_date: "2025-05-18", note: "ramp"}]);
    expect(columnsToEvents({event: [], start_date: [], end_date: [], note: []})).toEqual([]);
  });
});
