import {describe, expect, it} from "vitest";
import {actionsText, alertsText, categoryWords, incidentPeriod, utcMinute} from "../../../src/incident/incidentPage.js";
import {INCIDENT_DEFAULTS, type DayRow, type TimelineEvent} from "../../../src/incident/incidentTypes.js";

const spec = {id: "INC-T", title: "Test push", category: "child_safety", start: "2025-04-10T09:00:00Z", end: "2025-04-11T21:30:00Z"};
const day = (date: string, alert: boolean) => ({date, alert}) as DayRow;
const event = (ts: string, source: TimelineEvent["source"]): TimelineEvent => ({ts: Date.parse(ts), source, event: ""});

describe("incidentPage", () => {
  it("utcMinute(t) prints the minute with its zone", () => {
    expect(utcMinute(Date.parse("2025-04-10T09:00:45Z"))).toBe("2025-04-10 09:00 UTC");
  });
  it("categoryWords(category) reads a snake_case category as prose and as a heading", () => {
    expect(categoryWords("child_safety")).toEqual({name: "child safety", title: "Child safety"});
    expect(categoryWords("nudity")).toEqual({name: "nudity", title: "Nudity"});
  });
  it("incidentPeriod(review) runs from the baseline's first day to the rollback's day", () => {
    expect(incidentPeriod({spec, options: INCIDENT_DEFAULTS})).toEqual({
      from: "2025-03-13",
      to: "2025-04-11",
      scope: "the incident from 2025-04-10 09:00 UTC to 2025-04-11 21:30 UTC against the 28 days before; the detection chart spans the whole half-year"
    });
    expect(incidentPeriod({spec, options: {...INCIDENT_DEFAULTS, baselineDays: 7}}).from).toBe("2025-04-03");
  });
  it("actionsText(actions) lists each action's count in the order given", () => {
    expect(actionsText({removal: 40, suspension: 3})).toBe("40 removal, 3 suspension");
    expect(actionsText({})).toBe("");
  });
  it("alertsText(review) counts alert days and names the detector's first alert, or none", () => {
    const days = [day("2025-04-09", false), day("2025-04-10", true), day("2025-04-11", true), day("2025-05-01", true)];
    const timeline = [event("2025-04-10T09:00:00Z", "deploy log"), event("2025-04-11T06:00:00Z", "detector"), event("2025-04-12T06:00:00Z", "detector")];
    expect(alertsText({days, timeline})).toBe("3 alert days in 4; first alert after the push: 2025-04-11 06:00 UTC");
    expect(alertsText({days: [], timeline: timeline.slice(0, 1)})).toBe("0 alert days in 0; first alert after the push: none");
  });
});
