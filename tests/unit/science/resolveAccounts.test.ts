import {describe, expect, it} from "vitest";
import {accountObservations, resolveAccounts} from "../../../src/science/resolveAccounts.js";

const acc = (user_id: string, device_id: string, ip_prefix: string, payment_id: string | null, _ring: string | null) => ({user_id, device_id, ip_prefix, payment_id});

describe("resolveAccounts", () => {
  const accounts = [acc("A", "D1", "P1", null, "R1"), acc("B", "D2", "P1", null, "R1"), acc("C", "D3", "P9", "X", "R1"), acc("D", "D4", "P9", null, null), acc("E", "D5", "P9", null, null)];
  it("resolveAccounts links registry and event-log identifiers, at every fan-out cap", () => {
    // P1 links A-B; P9 (3 accounts) is over the cap of 2; C reaches the ring through a device seen in the log.
    const events = {user_id: ["C"], device_id: ["D1"], ip_prefix: ["P7"], payment_id: [null]};
    const r = resolveAccounts(accounts, events, {maxIpFanout: 2, caps: [2, 3]});
    expect(Array.from(r.resolution.component)).toEqual([0, 0, 0, 1, 2]);
    expect(r.resolution.skippedPrefixes).toBe(1);
    // With a cap of 3, P9 joins C, D and E: D and E fall into the ring's component (scored in evaluate.test.ts).
    const loose = r.atCaps.find((x) => x.maxIpFanout === 3)!;
    expect(Array.from(loose.resolution.component)).toEqual([0, 0, 0, 0, 0]);
    expect(r.fanout).toEqual([{accounts: 1, prefixes: 1}, {accounts: 2, prefixes: 1}, {accounts: 3, prefixes: 1}]);
  });
  it("accountObservations counts each (account, identifier) once and rejects unknown accounts", () => {
    const obs = accountObservations(accounts.slice(0, 1), {user_id: ["A", "A"], device_id: ["D1", "D1"], ip_prefix: ["P1", "P2"], payment_id: [null, "X"]});
    expect(obs.map((o) => `${o.kind}:${o.identifier}`)).toEqual(["device:D1", "ip_prefix:P1", "ip_prefix:P2", "payment:X"]);
    expect(() => accountObservations(accounts.slice(0, 1), {user_id: ["Z"], device_id: ["D"], ip_prefix: ["P"], payment_id: [null]})).toThrow("unknown account in the event log: Z");
  });
});
