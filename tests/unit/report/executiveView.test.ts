import {describe, expect, it} from "vitest";
import {heldText, kpiTargetNote, postureTone} from "../../../src/report/executiveView.js";

describe("executiveView", () => {
  it("postureTone(posture) maps elevated, guarded and stable to the theme's red, yellow and green", () => {
    expect(["elevated", "guarded", "stable"].map((p) => postureTone(p as "elevated"))).toEqual(["red", "yellow", "green"]);
  });
  it("kpiTargetNote(kpi) says on target, off target, or no verdict when met is null", () => {
    expect(kpiTargetNote({target: "≤ 5%", met: true})).toBe("Target: ≤ 5% · on target");
    expect(kpiTargetNote({target: "≤ 5%", met: false})).toBe("Target: ≤ 5% · off target");
    expect(kpiTargetNote({target: "falling", met: null})).toBe("Target: falling · no verdict: the change is within noise");
  });
  it("heldText(held) lowercases titles, drops each reason's final period and joins with semicolons", () => {
    expect(heldText([{title: "Spam surge", reason: "the change is within noise."}, {title: "Backlog", reason: "it is on target"}]))
      .toBe("Not priorities now: spam surge, as the change is within noise; backlog, as it is on target.");
  });
  it("heldText([]) is null: nothing to say", () => {
    expect(heldText([])).toBeNull();
  });
});
