import {describe, expect, it} from "vitest";
import {decideShip, DEFAULT_SHIP_RULE} from "../../../src/experiment/decideShip.js";
import {compareEstimates} from "../../../src/stats/compareEstimates.js";

const est = (estimate: number, se: number) => ({estimate, se});
const good = {
  harm: compareEstimates(est(0.2, 0.02), est(0.4, 0.02)),
  benignFriction: 0.01,
  benignVolume: compareEstimates(est(2, 0.02), est(2, 0.02)),
  dropOff: compareEstimates(est(0.1, 0.005), est(0.1, 0.005))
};

describe("decideShip", () => {
  it("decideShip(inputs) ships when every criterion passes", () => {
    const d = decideShip(good);
    expect(d.decision).toBe("ship");
    expect(d.criteria.map((c) => c.status)).toEqual(["pass", "pass", "pass", "pass"]);
    expect(d.reason).toBe("Every criterion passes.");
  });
  it("decideShip(inputs) does not ship when friction is over the guardrail", () => {
    const d = decideShip({...good, benignFriction: 0.05});
    expect(d.decision).toBe("don't ship");
    expect(d.criteria.find((c) => c.id === "friction")?.status).toBe("fail");
    expect(d.reason).toMatch(/^Fails: benign friction stays low/);
  });
  it("decideShip(inputs) calls a guardrail straddling its margin inconclusive, and does not ship", () => {
    const d = decideShip({...good, dropOff: compareEstimates(est(0.12, 0.03), est(0.1, 0.03))});
    expect(d.criteria.find((c) => c.id === "drop_off")?.status).toBe("inconclusive");
    expect(d.decision).toBe("don't ship");
    expect(d.reason).toMatch(/cannot tell yet/);
  });
  it("decideShip(inputs) fails the harm criterion when even its best case misses the minimum reduction", () => {
    const d = decideShip({...good, harm: compareEstimates(est(0.396, 0.001), est(0.4, 0.001))});
    expect(d.criteria[0].status).toBe("fail");
  });
  it("decideShip(inputs, rule) rejects a negative threshold", () => {
    expect(() => decideShip(good, {...DEFAULT_SHIP_RULE, maxBenignFriction: -1})).toThrow("invalid ship rule: maxBenignFriction = -1");
  });
});
