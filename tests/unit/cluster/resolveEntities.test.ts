import {describe, expect, it} from "vitest";
import {resolveEntities, type Observation} from "../../../src/cluster/resolveEntities.js";

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
});
