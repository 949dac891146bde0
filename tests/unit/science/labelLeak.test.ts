import {describe, expect, it} from "vitest";
import {labelRates, leakText} from "../../../src/science/labelLeak.js";
import type {CoreUserDay} from "../../../src/science/trainDetector.js";

const day = (policy_blocks: number, truth_abusive: boolean, truth_abusive_posted: boolean): CoreUserDay => ({
  user_id: "u", date: "2025-07-01", account_age_days: 10, logins: 1, chats: 1, uploads: 0, warnings: 0, policy_blocks,
  chats_to_new_accounts: 0, chat_peers: 1, devices: 1, ip_prefixes: 1, max_attempts_10min: 1, truth_abusive, truth_abusive_posted
});

describe("labelRates(rows)", () => {
  it("labelRates gives each label's positives on days with and without a policy block", () => {
    // With a block: 3 days, all positive by the event label, 1 by the posted-content label. Without: 2 days, 1 positive by both.
    const rows = [day(1, true, true), day(2, true, false), day(1, true, false), day(0, true, true), day(0, false, false)];
    expect(labelRates(rows)).toEqual([
      {label: "truth_abusive", withBlock: {positives: 3, rows: 3}, withoutBlock: {positives: 1, rows: 2}},
      {label: "truth_abusive_posted", withBlock: {positives: 1, rows: 3}, withoutBlock: {positives: 1, rows: 2}}
    ]);
  });
});

describe("leakText(ap)", () => {
  it("leakText states both detectors' AP under both labels and calls a change under 0.02 small", () => {
    const small = leakText({label: {model: 0.693, heuristic: 0.519}, posted: {model: 0.691, heuristic: 0.513}});
    expect(small).toContain("0.693 → 0.691 for the model and 0.519 → 0.513 for the heuristic");
    expect(small).toContain("The leak is small");
    expect(leakText({label: {model: 0.9, heuristic: 0.8}, posted: {model: 0.7, heuristic: 0.79}})).toContain("The leak is material");
  });
});
