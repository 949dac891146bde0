import {describe, expect, it} from "vitest";
import {incidentViews} from "../../../src/incident/incidentViews.js";
import {INCIDENT_DEFAULTS, type DayRow, type IncidentReview} from "../../../src/incident/reviewIncident.js";
import {addDays} from "../../../src/core/calendar.js";

const spec = {id: "INC-T", title: "Test push", category: "child_safety", start: "2025-04-10T09:00:00Z", end: "2025-04-11T21:00:00Z"};

/** 28 baseline days of 40 flags and 5 correct auto-blocks, then the incident's two days. */
function review(incident: Partial<DayRow>[]): IncidentReview {
  const days: DayRow[] = [];
  for (let i = 28; i >= 1; i--) days.push({date: addDays("2025-04-10", -i), flags: 40 + (i % 3), autoBlocks: 5, wrongfulBlocks: 0, allWrongfulBlocks: 0, alert: false});
  incident.forEach((d, i) => days.push({date: addDays("2025-04-10", i), flags: 40, autoBlocks: 5, wrongfulBlocks: 0, allWrongfulBlocks: 0, alert: false, ...d}));
  return {spec, options: INCIDENT_DEFAULTS, days} as unknown as IncidentReview;
}

describe("incidentViews", () => {
  it("incidentViews(review) states the classifier page's cards on the incident's days and the baseline", () => {
    const views = incidentViews(review([{autoBlocks: 10, wrongfulBlocks: 6}, {autoBlocks: 10, wrongfulBlocks: 4}]));
    const classifier = views.find((v) => v.link === "./ops/classifier")!;
    expect(classifier.settings).toBe("Category Child safety, From 2025-04-10, To 2025-04-11");
    expect(classifier.shows).toContain("10 benign items blocked and a precision of 50.0% (20 blocks)");
    expect(classifier.shows).toContain("(2025-03-13 to 2025-04-09) the same cards read 0 and 100.0%");
    expect(classifier.visible).toBe(true);
  });
  it("incidentViews(review) links flag volume only when the incident's days top every baseline day", () => {
    const quiet = incidentViews(review([{flags: 41}, {flags: 42}]));
    expect(quiet.map((v) => v.link)).toEqual(["./ops/classifier", "./anomalies"]);
    const anomalies = quiet.find((v) => v.link === "./anomalies")!;
    expect(anomalies.visible).toBe(false);
    expect(anomalies.shows).toContain("41 and 42 child safety reports, within the 28 days before (median 41, highest 42)");
    const loud = incidentViews(review([{flags: 43, autoBlocks: 10, wrongfulBlocks: 5}, {flags: 60}]));
    expect(loud.map((v) => v.link)).toEqual(["./ops/classifier", "./ops/flags", "./anomalies"]);
    expect(loud.find((v) => v.link === "./ops/flags")!.shows).toContain("peak at 60 on 2025-04-11");
    expect(loud.every((v) => v.visible)).toBe(true);
  });
  it("incidentViews(review without baseline days) is empty", () => {
    expect(incidentViews({spec, options: INCIDENT_DEFAULTS, days: []} as unknown as IncidentReview)).toEqual([]);
  });
});
