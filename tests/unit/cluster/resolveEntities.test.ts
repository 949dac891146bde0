import {describe, expect, it} from "vitest";
import {resolveAtCaps, resolveEntities, type Observation} from "../../../src/cluster/resolveEntities.js";

const obs = (account: number, kind: Observation["kind"], identifier: string): Observation => ({account, kind, identifier});

describe("resolveEntities", () => {
  it("resolveEntities links a shared device and a shared payment transitively", () => {
    const r = resolveEntities(5, [obs(0, "device", "D1"), obs(1, "device", "D1"), obs(1, "payment", "P1"), obs(2, "payment", "P1"), obs(3, "device", "D2"), obs(4, "device", "D3")]);
    expect(Array.from(r.component)).toEqual([0, 0, 0, 1, 2]);
    expect(r.sizes).toEqual([3, 1, 1]);
    expect(r.shared.map((s) => `${s.kind}:${s.identifier}`)).toEqual(["device:D1", "payment:P1"]);
  });
  it("resolveEntities(…, {maxIpFanout: 2}) skips a prefix with more accounts", () => {
    const ips = [obs(0, "ip_prefix", "10.0.0.0/24"), obs(1, "ip_prefix", "10.0.0.0/24"), obs(2, "ip_prefix", "10.0.0.0/24"), obs(3, "ip_prefix", "10.0.1.0/24"), obs(4, "ip_prefix", "10.0.1.0/24")];
    const r = resolveEntities(5, ips, {maxIpFanout: 2});
    expect(Array.from(r.component)).toEqual([0, 1, 2, 3, 3]);
    expect(r.skippedPrefixes).toBe(1);
  });
  it("resolveEntities counts repeated observations of one account once", () => {
    const r = resolveEntities(2, [obs(0, "ip_prefix", "x"), obs(0, "ip_prefix", "x"), obs(0, "ip_prefix", "x"), obs(1, "ip_prefix", "x")], {maxIpFanout: 2});
    expect(r.component[0]).toBe(r.component[1]);
  });
  it("resolveEntities rejects a bad fan-out or account", () => {
    expect(() => resolveEntities(1, [], {maxIpFanout: 1})).toThrow("invalid maxIpFanout: 1");
    expect(() => resolveEntities(1, [obs(3, "device", "D")])).toThrow("invalid account: 3");
  });
  it("resolveAtCaps(accounts, observations, caps) gives resolveEntities' resolution at each cap", () => {
    // Prefix A links 4 accounts, B 3, C 2; device D links accounts 0 and 5.
    const observations = [
      ...[0, 1, 2, 3].map((a) => obs(a, "ip_prefix", "A")),
      ...[3, 4, 5].map((a) => obs(a, "ip_prefix", "B")),
      obs(6, "ip_prefix", "C"),
      obs(7, "ip_prefix", "C"),
      obs(0, "device", "D"),
      obs(5, "device", "D"),
      obs(8, "payment", "P")
    ];
    const caps = [2, 3, 4, 3];
    const all = resolveAtCaps(9, observations, caps);
    expect(all).toEqual(caps.map((cap) => resolveEntities(9, observations, {maxIpFanout: cap})));
    expect(all.map((r) => r.skippedPrefixes)).toEqual([2, 1, 0, 1]);
    expect(all.map((r) => r.sizes.filter((s) => s >= 2))).toEqual([[2, 2], [4, 2], [6, 2], [4, 2]]);
    expect(() => resolveAtCaps(9, observations, [3, 1])).toThrow("invalid maxIpFanout: 1");
  });
});
