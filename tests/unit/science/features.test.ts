import {describe, expect, it} from "vitest";
import {featureVector, USER_DAY_FEATURES} from "../../../src/science/features.js";

describe("featureVector", () => {
  it("featureVector(row) logs counts, divides chats by peers and caps account age", () => {
    const row = {account_age_days: 1000, logins: 0, chats: 6, uploads: 1, warnings: 0, policy_blocks: 2, chats_to_new_accounts: 3, chat_peers: 2, devices: 2, ip_prefixes: 3, max_attempts_10min: 9};
    const v = Object.fromEntries(USER_DAY_FEATURES.map((f, i) => [f.name, featureVector(row)[i]]));
    expect(v.chats).toBeCloseTo(Math.log(7), 12);
    expect(v.policy_blocks).toBeCloseTo(Math.log(3), 12);
    expect(v.burst).toBeCloseTo(Math.log(10), 12);
    expect(v.chats_per_peer).toBe(3);
    expect(v.new_account_share).toBe(0.5);
    expect(v.account_age).toBeCloseTo(Math.log(366), 12);
    expect(v.ip_prefixes).toBe(3);
  });
  it("featureVector gives 0 shares without chats and treats an unknown age as old", () => {
    const row = {account_age_days: null, logins: 1, chats: 0, uploads: 0, warnings: 0, policy_blocks: 0, chats_to_new_accounts: 0, chat_peers: 0, devices: 1, ip_prefixes: 1, max_attempts_10min: 0};
    const v = featureVector(row);
    expect(v[USER_DAY_FEATURES.findIndex((f) => f.name === "chats_per_peer")]).toBe(0);
    expect(v[USER_DAY_FEATURES.findIndex((f) => f.name === "new_account_share")]).toBe(0);
    expect(v[USER_DAY_FEATURES.findIndex((f) => f.name === "account_age")]).toBeCloseTo(Math.log(366), 12);
  });
});
