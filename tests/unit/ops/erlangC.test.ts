import {describe, expect, it} from "vitest";
import {erlangB, erlangC, erlangQueue, minServers, serviceLevel, waitQuantile} from "../../../src/ops/erlangC.js";

/** An independent M/M/c: the stationary distribution summed directly, P(wait) = P(N >= c). */
function bruteForceWait(c: number, a: number): number {
  let term = 1;
  let below = 0;
  for (let n = 0; n < c; n++) {
    below += term;
    term *= a / (n + 1);
  }
  // term is now a^c / c!; the states n >= c sum to a^c / c! · 1 / (1 − a/c).
  const atOrAbove = term / (1 - a / c);
  return atOrAbove / (below + atOrAbove);
}

describe("erlangB", () => {
  it("erlangB(servers, load) matches the Erlang B table", () => {
    // Standard table values: 5 Erlangs on 10 servers, 2 Erlangs on 5 servers.
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangB(1, 1)).toBe(0.5);
  });
  it("erlangB(servers, 0) is 0 and bad arguments throw", () => {
    expect(erlangB(3, 0)).toBe(0);
    expect(() => erlangB(0, 1)).toThrow("invalid servers: 0");
    expect(() => erlangB(2.5, 1)).toThrow("invalid servers: 2.5");
    expect(() => erlangB(2, NaN)).toThrow("invalid load: NaN");
  });
});

describe("erlangC", () => {
  it("erlangC(1, rho) is rho: the M/M/1 queue", () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 12);
  });
  it("erlangC(11, 10) is 0.682 (10 Erlangs on 11 agents)", () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4);
  });
  it("erlangC(c, a) agrees with the summed stationary distribution", () => {
    for (const [c, a] of [[2, 1.5], [5, 3], [20, 17.5], [55, 48]]) expect(erlangC(c, a)).toBeCloseTo(bruteForceWait(c, a), 10);
  });
  it("erlangC(c, a) is 1 when the load reaches the servers", () => {
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 6)).toBe(1);
  });
});

describe("erlangQueue, serviceLevel, waitQuantile", () => {
  // The textbook call-centre example: 360 calls per half hour (12 a minute), 4 minutes each, 55 agents,
  // answer target 15 seconds: 48 Erlangs, 87.3% occupancy, 24% wait, ASA about 8 s, service level 85%.
  const textbook = {servers: 55, arrivalRate: 12, serviceHours: 4};
  it("erlangQueue(360 calls per half hour, 4 min, 55 agents) gives the textbook figures", () => {
    const r = erlangQueue(textbook);
    expect(r.load).toBe(48);
    expect(r.utilisation).toBeCloseTo(0.8727, 4);
    expect(r.stable).toBe(true);
    expect(r.probabilityWait).toBeCloseTo(0.2387, 4);
    expect(r.meanWaitHours * 60).toBeCloseTo(8.18, 2); // ASA in seconds (times are in minutes here)
    expect(serviceLevel(textbook, 0.25)).toBeCloseTo(0.8459, 4);
  });
  it("erlangQueue(M/M/1) gives Wq = rho / (mu − lambda)", () => {
    const r = erlangQueue({servers: 1, arrivalRate: 3, serviceHours: 0.25});
    expect(r.meanWaitHours).toBeCloseTo(0.75 / (4 - 3), 12);
    expect(serviceLevel({servers: 1, arrivalRate: 3, serviceHours: 0.25}, 0)).toBeCloseTo(0.25, 12);
  });
  it("erlangQueue(unstable) has infinite waits and a service level of 0", () => {
    const q = {servers: 5, arrivalRate: 6, serviceHours: 1};
    expect(erlangQueue(q).stable).toBe(false);
    expect(erlangQueue(q).meanWaitHours).toBe(Infinity);
    expect(serviceLevel(q, 24)).toBe(0);
    expect(waitQuantile(q, 0.9)).toBe(Infinity);
  });
  it("erlangQueue(no arrivals) never waits", () => {
    const q = {servers: 2, arrivalRate: 0, serviceHours: 1};
    expect(erlangQueue(q).meanWaitHours).toBe(0);
    expect(serviceLevel(q, 0)).toBe(1);
  });
  it("waitQuantile(queue, p) inverts serviceLevel", () => {
    const q = {servers: 6, arrivalRate: 6.3, serviceHours: 0.83};
    const t = waitQuantile(q, 0.9);
    expect(serviceLevel(q, t)).toBeCloseTo(0.9, 10);
    // When more than half never wait, the median wait is 0.
    expect(waitQuantile({servers: 10, arrivalRate: 1, serviceHours: 1}, 0.5)).toBe(0);
    expect(() => waitQuantile(q, 1)).toThrow("invalid quantile: 1");
  });
  it("serviceLevel(queue, hours) rejects a negative target", () => {
    expect(() => serviceLevel(textbook, -1)).toThrow("invalid target time: -1");
    expect(() => erlangQueue({servers: 2, arrivalRate: 1, serviceHours: 0})).toThrow("invalid service time: 0");
  });
});

describe("minServers", () => {
  it("minServers(textbook, 80% in 15 s) is 55 agents", () => {
    expect(minServers({arrivalRate: 12, serviceHours: 4}, [{hours: 0.25, level: 0.8}])).toBe(55);
    // 54 agents miss it.
    expect(serviceLevel({servers: 54, arrivalRate: 12, serviceHours: 4}, 0.25)).toBeLessThan(0.8);
  });
  it("minServers(queue, several targets) meets all of them", () => {
    const rates = {arrivalRate: 6.3, serviceHours: 0.83};
    const c = minServers(rates, [{hours: 1, level: 0.5}, {hours: 8, level: 0.9}]);
    expect(c).toBe(6);
    expect(minServers(rates, [{hours: 1, level: 0.99}])).toBeGreaterThan(c);
  });
  it("minServers returns NaN when no count up to max meets the target, and checks targets", () => {
    expect(minServers({arrivalRate: 100, serviceHours: 1}, [{hours: 1, level: 0.5}], 50)).toBeNaN();
    expect(() => minServers({arrivalRate: 1, serviceHours: 1}, [{hours: 1, level: 1}])).toThrow("invalid target: 1 within 1 h");
  });
});
