import {describe, expect, it} from "vitest";
import {monitorAlerts} from "../../../src/detect/monitorAlerts.js";

const metrics = [{name: "blocks", label: "Blocks", harm: true}, {name: "chats", label: "Chats", harm: false}];
const day = (i: number, blocks: number, chats: number) => ({date: `2025-03-${String(i + 1).padStart(2, "0")}`, blocks, chats});

describe("monitorAlerts", () => {
  it("monitorAlerts(days, metrics, {window: 3, k: 2, highZ: 5}) grades a harm spike by z and a volume spike as low", () => {
    // Blocks 10, 12, 11 then 30: baseline mean 11, sample sd 1, z = 19 → high. Chats 5, 6, 5 then 7: mean 5.33, sd 0.577, z 2.89 → low.
    const days = [day(0, 10, 5), day(1, 12, 6), day(2, 11, 5), day(3, 30, 7)];
    const alerts = monitorAlerts(days, metrics, {window: 3, k: 2, highZ: 5});
    expect(alerts.map((a) => [a.date, a.metric, a.severity])).toEqual([["2025-03-04", "blocks", "high"], ["2025-03-04", "chats", "low"]]);
    expect(alerts[0].baseline).toBeCloseTo(11, 12);
    expect(alerts[0].z).toBeCloseTo(19, 12);
  });
  it("monitorAlerts gives medium to a harm alert below highZ and ignores NaN days", () => {
    const days = [day(0, 10, 1), day(1, 12, 1), day(2, 11, 1), day(3, 14, NaN)];
    const alerts = monitorAlerts(days, metrics, {window: 3, k: 2, highZ: 5});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({metric: "blocks", severity: "medium"});
    expect(alerts[0].z).toBeCloseTo(3, 12);
  });
  it("monitorAlerts flags a rise over a flat baseline with an infinite z", () => {
    const alerts = monitorAlerts([day(0, 0, 0), day(1, 0, 0), day(2, 0, 0), day(3, 1, 0)], metrics, {window: 3, k: 3, highZ: 5});
    expect(alerts).toHaveLength(1);
    expect(alerts[0].z).toBe(Infinity);
    expect(alerts[0].severity).toBe("high");
  });
  it("monitorAlerts([], …) is empty and a bad k or highZ throws", () => {
    expect(monitorAlerts([], metrics)).toEqual([]);
    expect(() => monitorAlerts([], metrics, {k: 0})).toThrow("invalid k: 0");
    expect(() => monitorAlerts([], metrics, {k: 3, highZ: 2})).toThrow("invalid highZ: 2 (expected >= k = 3)");
  });
});
