import {describe, expect, it} from "vitest";
import {resolveEntities} from "../../../src/cluster/resolveEntities.js";
import {annotateQueue, evaluateOnSample, hashSample, scoreResolution, trueEntities} from "../../../src/science/evaluate.js";
import {resolveAccounts} from "../../../src/science/resolveAccounts.js";

const truth = (user_id: string, ring_id: string | null, actor_type = ring_id ? "ring_member" : "benign") => ({user_id, ring_id, actor_type});

describe("evaluate", () => {
  it("trueEntities(accounts) numbers each ring once and every other account on its own", () => {
    expect(Array.from(trueEntities([truth("A", "R1"), truth("B", null), truth("C", "R1"), truth("D", null)]))).toEqual([0, 1, 0, 2]);
  });

  it("scoreResolution(resolved, truth) scores the resolution and every fan-out cap against the rings", () => {
    const ids = {A: ["D1", "P1", "R1"], B: ["D2", "P1", "R1"], C: ["D3", "P9", "R1"], D: ["D4", "P9", null], E: ["D5", "P9", null]} as const;
    const accounts = Object.entries(ids).map(([user_id, [device_id, ip_prefix]]) => ({user_id, device_id, ip_prefix, payment_id: null}));
    const resolved = resolveAccounts(accounts, {user_id: ["C"], device_id: ["D1"], ip_prefix: ["P7"], payment_id: [null]}, {maxIpFanout: 2, caps: [2, 3]});
    const scores = scoreResolution(resolved, Object.entries(ids).map(([id, [, , ring]]) => truth(id, ring)));
    expect(scores.agreement.ari).toBe(1);
    // With a cap of 3, P9 joins C, D and E: D and E fall into the ring's component.
    const loose = scores.sensitivity.find((x) => x.maxIpFanout === 3)!;
    expect(loose.precision).toBeCloseTo(3 / 10, 12);
    expect(loose.recall).toBe(1);
    expect(scores.sensitivity.find((x) => x.maxIpFanout === 2)!.components).toBe(1);
  });

  it("hashSample(ids, size, salt) draws the same accounts for the same salt, in index order", () => {
    const ids = Array.from({length: 50}, (_, i) => `U${i}`);
    const a = hashSample(ids, 10, "s");
    expect(a).toHaveLength(10);
    expect(hashSample(ids, 10, "s")).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(hashSample(ids, 10, "t")).not.toEqual(a);
    expect(() => hashSample(ids, 0, "s")).toThrow("invalid sample size: 0");
  });

  it("evaluateOnSample counts pairs with a sampled account and attributes false links to the identifier", () => {
    // Ring R1 = 0, 1, 2 (2 not found); 3 and 4 are benign and share a family device; 5 is alone.
    const accounts = [truth("A", "R1"), truth("B", "R1"), truth("C", "R1"), truth("D", null), truth("E", null), truth("F", null)];
    const resolution = resolveEntities(6, [
      {account: 0, kind: "device", identifier: "ring-phone"},
      {account: 1, kind: "device", identifier: "ring-phone"},
      {account: 3, kind: "device", identifier: "family-tablet"},
      {account: 4, kind: "device", identifier: "family-tablet"}
    ]);
    // The whole population as the sample: pairs A-B (found), A-C and B-C (missed), D-E (false).
    const all = evaluateOnSample(resolution, accounts, {size: 6, salt: "x"});
    expect(all.sampled).toBe(6);
    expect(all.evaluated).toBe(6);
    expect(all.pairs).toEqual({truePairs: 1, predictedPairs: 2, actualPairs: 3, precision: 0.5, recall: 1 / 3});
    expect(all.sampledLinked).toBe(4);
    expect(all.sampledFalselyLinked).toBe(2);
    // Linked: A, B (correct), D, E (false); with ring-mates: A, B, C, of which A and B found one.
    expect(all.accounts).toEqual({linked: 4, correct: 2, precision: 0.5, withMates: 3, found: 2, recall: 2 / 3});
    const device = all.falseLinks.find((k) => k.kind === "device")!;
    expect(device).toEqual({kind: "device", identifiers: 2, falseIdentifiers: 1, benignOnly: 1, falsePairs: 1, benignPairs: 1});
    expect(all.sampledRingMembers).toBe(3);
    expect(all.sampledBenign).toBe(3);
  });

  it("evaluateOnSample brings in the linked accounts and ring-mates of a sampled account only", () => {
    const accounts = [truth("A", "R1"), truth("B", "R1"), truth("C", null), truth("D", null)];
    const resolution = resolveEntities(4, [
      {account: 0, kind: "payment", identifier: "card"},
      {account: 2, kind: "payment", identifier: "card"}
    ]);
    const ids = accounts.map((a) => a.user_id);
    // Find a salt whose one-account sample is A.
    const salt = Array.from({length: 100}, (_, k) => `s${k}`).find((s) => hashSample(ids, 1, s)[0] === 0)!;
    expect(salt).toBeDefined();
    const e = evaluateOnSample(resolution, accounts, {size: 1, salt});
    // A, C (linked by the card) and B (A's ring-mate); D is not evaluated.
    expect(e.evaluated).toBe(3);
    expect(e.pairs).toMatchObject({truePairs: 0, predictedPairs: 1, actualPairs: 1});
    expect(e.falseLinks.find((k) => k.kind === "payment")).toMatchObject({identifiers: 1, falseIdentifiers: 1, benignOnly: 0, falsePairs: 1, benignPairs: 0});
  });

  it("annotateQueue(queue, truth) adds the actor type to each case and the template group to each text", () => {
    const queue = {cases: [{user_id: "A"}], snippets: [{flag_id: 7}], candidates: 1, from: "", to: "", links: []} as never;
    const out = annotateQueue(queue, {actorTypeOf: (u) => (u === "A" ? "spammer" : "benign"), templateGroupOf: (f) => `group-${f}`});
    expect(out.cases[0]).toMatchObject({user_id: "A", truth_actor_type: "spammer"});
    expect(out.snippets[0]).toMatchObject({flag_id: 7, truth_template_group: "group-7"});
  });
});
