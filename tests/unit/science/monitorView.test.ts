import {SCENARIO_EVENTS} from "../../../src/core/scenarios.js";
import {describe, expect, it} from "vitest";
import type {Alert} from "../../../src/detect/monitorAlerts.js";
import {alertDownloadRows, alertRows, countBySeverity, formatMetricValue, monitorDays, monitorPoints, scenariosOn} from "../../../src/science/monitorView.js";

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const alert = (date: string, severity: Alert["severity"], z = 4): Alert => ({date, metric: "policy_blocks", label: "Policy blocks", value: 30, baseline: 11, z, severity});

describe("monitorView", () => {
  it("monitorDays(rows) keys each row by its UTC day and keeps the Date as day", () => {
    const [d] = monitorDays([{date: utc("2025-03-02"), chats: 3}]);
    expect(d).toEqual({date: "2025-03-02", day: utc("2025-03-02"), chats: 3});
  });

  it("monitorPoints(days, metric, 3, 2) gives the trailing mean and sd, flags the jump, and reads null as NaN", () => {
    // Blocks 10, 12, 11, then 30: trailing mean 11, sample sd 1, z = 19 > 2 → flagged.
    const days = monitorDays(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-04-09"].map((d, i) => ({date: utc(d), blocks: [10, 12, 11, 30, null][i]})));
    const p = monitorPoints(days, "blocks", 3, 2, SCENARIO_EVENTS);
    expect(p.map((d) => d.flagged)).toEqual([false, false, false, true, false]);
    expect(p[3]).toMatchObject({date: "2025-03-04", value: 30, z: 19, scenario: ""});
    expect(p[3].baseline).toBeCloseTo(11, 12);
    expect(p[3].spread).toBeCloseTo(1, 12);
    expect(p[4].value).toBeNaN();
    expect(p[4].scenario).toBe("spam surge");
  });

  it("countBySeverity(alerts) counts each severity, zero included", () => {
    expect(countBySeverity([alert("2025-03-04", "high"), alert("2025-03-05", "high"), alert("2025-03-05", "low")])).toEqual({high: 2, medium: 0, low: 1});
    expect(countBySeverity([])).toEqual({high: 0, medium: 0, low: 0});
  });

  it("alertRows(alerts, severities) keeps the chosen severities and joins the day's scenarios", () => {
    const rows = alertRows([alert("2025-04-09", "high"), alert("2025-03-04", "medium"), alert("2025-05-06", "low")], ["high", "medium"], SCENARIO_EVENTS);
    expect(rows.map((r) => [r.date, r.known])).toEqual([["2025-04-09", "spam surge"], ["2025-03-04", "none known"]]);
    expect(scenariosOn("2025-05-06", SCENARIO_EVENTS)).toBe("messaging launch");
  });

  it("alertDownloadRows(rows) writes an infinite z as null and keeps a finite one", () => {
    const rows = alertDownloadRows(alertRows([alert("2025-03-04", "high", Infinity), alert("2025-03-05", "high", 6.5)], ["high"], SCENARIO_EVENTS));
    expect(rows.map((r) => r.z)).toEqual([null, 6.5]);
  });

  it("formatMetricValue(metric, value) shows rates to 4 decimals, whole counts with separators, others to 1 decimal", () => {
    expect(formatMetricValue("block_rate", 0.012345)).toBe("0.0123");
    expect(formatMetricValue("chats", 12345)).toBe("12,345");
    expect(formatMetricValue("chats", 11.25)).toBe("11.3");
  });
});
