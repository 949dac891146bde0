import {describe, expect, it} from "vitest";
import {analysePipeline, narratePipeline, type PipelineAnalysis} from "../../../src/report/scienceSummary.js";
import {pipelineInput} from "./pipelineInput.js";

describe("analysePipeline", () => {
  it("analysePipeline(input) derives the model's lift, the policy's daily load and costs, and splits incidents by whether actions are due", () => {
    const a = analysePipeline(pipelineInput());
    expect(a.lift).toBeCloseTo(0.2, 12);
    // Blocks act automatically; "allow" does not; nothing is escalated.
    expect(a).toMatchObject({autoCases: 5, escalated: 0});
    expect(a.costs).toMatchObject({expectedFalsePositive: 5, actualFalsePositive: 10, expected: 12.5, actual: 20});
    expect(a.currentIncidents.map((i) => i.id)).toEqual(["INC-1"]);
    expect(a.pastIncidents).toEqual([]);
  });

  it("analysePipeline decides each recommendation's rule at its stated level", () => {
    expect(analysePipeline(pipelineInput()).decisions).toEqual({retrain: true, modelRanks: true, reviewLinked: true, groupNearDuplicates: true, recalibrate: true});
    const atLevels = pipelineInput({
      drift: {feature: "x", label: "X", psi: 0.2, band: "moderate", significant: []},
      detection: {...pipelineInput().detection, apModel: 0.649},
      dedup: {texts: 10, distinct: 7, share: 0.3, nearShare: 0.299},
      enforcement: [{action: "block", cases: 4, expectedFalsePositives: 1, expectedCost: 8, actualFalsePositives: 1, actualCost: 10, expectedMissed: 0, expectedMissedCost: 0, actualMissed: 0, actualMissedCost: 0}]
    });
    // Lift 0.049 < 0.05; near-duplicates 29.9% < 30%; actual cost exactly 1.25 × expected is not more than a quarter above.
    expect(analysePipeline(atLevels).decisions).toEqual({retrain: false, modelRanks: false, reviewLinked: true, groupNearDuplicates: false, recalibrate: false});
  });
});

describe("narratePipeline", () => {
  it("narratePipeline(input, analysis) recommends what the analysis decided, whatever the raw figures", () => {
    const input = pipelineInput();
    const none: PipelineAnalysis = {...analysePipeline(input), currentIncidents: [], decisions: {retrain: false, modelRanks: false, reviewLinked: false, groupNearDuplicates: false, recalibrate: false}};
    const s = narratePipeline(input, none);
    expect(s.recommendations.map((r) => r.title)).toEqual(["Keep the heuristic until the model earns its keep", "Check linked accounts before acting on them together"]);
    expect(s.recommendations[0].detail).toBe("The model's average precision is within 0.200 of the heuristic's; the simpler detector is easier to explain and appeal.");
  });

  it("narratePipeline writes the enforcement step from the analysis' daily load and costs", () => {
    const input = pipelineInput();
    const s = narratePipeline(input, {...analysePipeline(input), autoCases: 620, escalated: 31});
    // 620 and 31 cases over 62 evaluation days.
    expect(s.steps[6].finding).toBe("At the default policy, 10 automatic actions and 0.5 escalations a day; expected cost of mistakes 13 (wrongful actions 5, harm left up 8), actual 20 (10 and 10), in wrongful-warning units.");
  });
});
