import {describe, expect, it} from "vitest";
import type {FiringSummary, SignalFiring} from "../../../src/detect/lookalikeFiring.js";
import {benignRows, firingAloneText, firingLabel, firingRows, lookalikeView} from "../../../src/detect/lookalikeView.js";

const firing: SignalFiring[] = [
  {signal: "volume", days: 12, fired: 0, share: 0},
  {signal: "young", days: 12, fired: 3, share: 0.25},
  {signal: "duplicate", days: 12, fired: 1, share: 1 / 12},
  {signal: "layered", days: 12, fired: 0, share: 0}
];
const summary: FiringSummary[] = firing.map((r) => ({signal: r.signal, worldsFired: r.fired ? 3 : 0, worlds: 20, median: r.fired ? 1.5 : 0, min: 0, max: r.fired ? 4 : 0, days: 12}));
const event = {event_id: "B1", kind: "viral_report_burst", signal: "volume", start_date: new Date("2025-07-03T00:00:00Z"), end_date: "2025-07-04", accounts: 1, flags: 12, violating_flags: 3, description: "A post goes viral."};

describe("firingLabel", () => {
  it("firingLabel(signal) names the two detectors and IP prefixes, and keeps a secondary signal's label", () => {
    expect(firingLabel("layered")).toBe("Layered detector (its verdict)");
    expect(firingLabel("volume")).toBe("Volume (the T&S ops dashboard's rule)");
    expect(firingLabel("ip_prefix")).toBe("IP prefix (entity resolution)");
    expect(firingLabel("young")).toBe("Flags on young accounts");
  });
});

describe("benignRows", () => {
  it("benignRows(events) words kind and signal, spans the dates and gives the violating share", () => {
    expect(benignRows([event])).toEqual([{event_id: "B1", kind: "viral report burst", signal: "Volume (the T&S ops dashboard's rule)", dates: "2025-07-03 to 2025-07-04", accounts: 1, flags: 12, violating: "25%", description: "A post goes viral."}]);
  });
});

describe("firingRows", () => {
  it("firingRows(firing, summary) puts this world's days fired beside the worlds' median, range and count", () => {
    expect(firingRows(firing, summary)[1]).toEqual({signal: "Flags on young accounts", fired: "3 of 12", share: "25%", median: "1.5 of 12 (0–4)", worlds: "3 of 20"});
    expect(firingRows(firing, summary)[3]).toEqual({signal: "Layered detector (its verdict)", fired: "0 of 12", share: "0%", median: "0.0 of 12 (0–0)", worlds: "0 of 20"});
  });
  it("firingRows throws when a signal has no summary over the worlds", () => {
    expect(() => firingRows(firing, summary.slice(1))).toThrow("missing firing summary: volume");
  });
});

describe("firingAloneText and lookalikeView", () => {
  it("firingAloneText(firing) lists the secondary signals only, lower case, with their days", () => {
    expect(firingAloneText(firing)).toBe("flags on young accounts: 3; largest near-duplicate cluster: 1");
  });
  it("lookalikeView(world, summary, events) counts the look-alike days and keeps the layered verdict", () => {
    const view = lookalikeView({lookalikes: [[], ["B1"], ["B1", "B2"], []], firing}, summary, [event]);
    expect(view.days).toBe(2);
    expect(view.layered).toEqual({signal: "layered", days: 12, fired: 0, share: 0});
    expect(view.benign).toHaveLength(1);
    expect(view.firing).toHaveLength(4);
    expect(() => lookalikeView({lookalikes: [], firing: firing.slice(0, 3)}, summary, [])).toThrow("missing firing: layered");
  });
});
