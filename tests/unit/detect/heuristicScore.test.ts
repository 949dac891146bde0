import {describe, expect, it} from "vitest";
import {HEURISTIC_RULES, heuristicReasons, heuristicScore} from "../../../src/detect/heuristicScore.js";
import type {UserDayCounts} from "../../../src/science/features.js";

const quiet: UserDayCounts = {account_age_days: 400, logins: 1, chats: 2, uploads: 1, warnings: 0, policy_blocks: 0, chats_to_new_accounts: 0, chat_peers: 2, devices: 1, ip_prefixes: 1, max_attempts_10min: 2};

describe("heuristicScore", () => {
  it("heuristicScore(quiet day) is 0 and the maximum is 15 points", () => {
    expect(heuristicScore(quiet)).toBe(0);
    expect(HEURISTIC_RULES.reduce((s, r) => s + r.max, 0)).toBe(15);
  });
  it("heuristicScore(row) adds the points of every rule and divides by 15", () => {
    // 2 blocks (6) + warned (2) + burst of 7 (1) + 3 prefixes (1) + 2 devices (1) = 11.
    const row = {...quiet, policy_blocks: 2, warnings: 1, max_attempts_10min: 7, ip_prefixes: 3, devices: 2};
    expect(heuristicScore(row)).toBeCloseTo(11 / 15, 12);
    expect(heuristicReasons(row)).toEqual(["policy blocks +6", "warnings +2", "burst +1", "many ips +1", "many devices +1"]);
  });
  it("heuristicScore caps blocks at 3 and bursts at 2 points", () => {
    expect(heuristicScore({...quiet, policy_blocks: 10, max_attempts_10min: 50})).toBeCloseTo(11 / 15, 12);
  });
});
