import type {SummaryInput} from "../../../src/report/scienceSummary.js";

/** A small pipeline summary input, every figure hand-set: the fixture of scienceSummary's tests. */
export const pipelineInput = (over: Partial<SummaryInput> = {}): SummaryInput => ({
  period: {from: "2025-03-01", to: "2025-08-31"},
  events: 1000, cohort: 10, userDays: 500,
  alerts: {high: 1, medium: 2, low: 3},
  incidents: [{id: "INC-1", title: "Blocks spike", hypothesis: "A ring.", end: "2025-08-27", lastDue: "2025-09-10"}],
  detection: {apHeuristic: 0.6, apModel: 0.8, apHeuristicCohort: 0.7, apModelCohort: 0.9, atThresholdPopulation: {precision: 0.7, recall: 0.8}, trainFrom: "2025-03-01", trainTo: "2025-06-30", testFrom: "2025-07-01", testTo: "2025-08-31", testRows: 100, prevalence: 0.1, threshold: 0.5, atThreshold: {threshold: 0.5, selected: 62, truePositives: 50, falsePositives: 12, falseNegatives: 10, precision: 50 / 62, recall: 50 / 60}, uncertain: 4, evalDays: 62},
  queue: {cases: 20, candidates: 20, abusiveShare: 0.9, escalated: 5, from: "2025-08-25", to: "2025-08-31"},
  dedup: {texts: 100, distinct: 20, share: 0.8, nearShare: 0.9},
  clustering: {k: 12, purity: 0.85, purityMin: 0.8, purityMax: 0.9, silhouette: 0.1, runs: 20},
  entities: {ari: 0.98, precision: 0.97, recall: 1, candidateRings: 9, trueRings: 8, linkedAccounts: 300, sample: {sampled: 1500, ari: 0.9, pairs: {precision: 0.85, recall: 1}, sampledFalselyLinked: 3, accounts: {linked: 40, correct: 37, precision: 37 / 40, recall: 1}, falseLinks: [{falsePairs: 10, benignPairs: 8}]}},
  enforcement: [
    {action: "allow", cases: 10, expectedFalsePositives: 0, expectedCost: 0, actualFalsePositives: 0, actualCost: 0, expectedMissed: 1.5, expectedMissedCost: 7.5, actualMissed: 2, actualMissedCost: 10},
    {action: "block", cases: 5, expectedFalsePositives: 0.5, expectedCost: 5, actualFalsePositives: 1, actualCost: 10, expectedMissed: 0, expectedMissedCost: 0, actualMissed: 0, actualMissedCost: 0}
  ],
  drift: {feature: "chats", label: "Chats", psi: 0.8, band: "significant", significant: ["Chats"]},
  ...over
});
