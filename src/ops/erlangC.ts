/**
 * Erlang C: the M/M/c queue. Cases arrive at random (Poisson) at `arrivalRate` per hour, each takes
 * an exponential time with mean `serviceHours`, and `servers` reviewers work the queue first come,
 * first served. The offered load a = arrivalRate × serviceHours is in Erlangs (busy reviewers). The
 * queue is stable only when a < servers; otherwise it grows without bound and every measure of the
 * wait is infinite.
 */

export interface ErlangQueue {
  /** Reviewers working the queue at once. */
  servers: number;
  /** Cases per hour. */
  arrivalRate: number;
  /** Mean hours a reviewer spends on one case. */
  serviceHours: number;
}

export interface ErlangResult {
  /** Offered load in Erlangs. */
  load: number;
  /** load / servers: the share of reviewer time spent on cases (occupancy). */
  utilisation: number;
  stable: boolean;
  /** Probability that a case waits at all (the Erlang C formula). */
  probabilityWait: number;
  /** Mean wait in hours (average speed of answer). */
  meanWaitHours: number;
}

/**
 * Erlang B, the blocking probability of `servers` with `load` Erlangs, by the stable recursion
 * B(0) = 1, B(n) = a·B(n−1) / (n + a·B(n−1)), which avoids the factorials of the closed form.
 */
export function erlangB(servers: number, load: number): number {
  checkServers(servers);
  if (!(load >= 0) || !Number.isFinite(load)) throw new Error(`invalid load: ${load}`);
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (load * b) / (n + load * b);
  return b;
}

/** Erlang C, the probability of waiting, from Erlang B: C = c·B / (c − a·(1 − B)); 1 when a >= c. */
export function erlangC(servers: number, load: number): number {
  const b = erlangB(servers, load);
  if (load >= servers) return 1;
  return (servers * b) / (servers - load * (1 - b));
}

export function erlangQueue({servers, arrivalRate, serviceHours}: ErlangQueue): ErlangResult {
  checkServers(servers);
  checkRates(arrivalRate, serviceHours);
  const load = arrivalRate * serviceHours;
  const stable = load < servers;
  const probabilityWait = erlangC(servers, load);
  const meanWaitHours = !stable ? Infinity : load === 0 ? 0 : (probabilityWait * serviceHours) / (servers - load);
  return {load, utilisation: load / servers, stable, probabilityWait, meanWaitHours};
}

/** Share of cases that wait at most `hours`: 1 − C·exp(−(c − a)·t / serviceHours); 0 when unstable. */
export function serviceLevel(queue: ErlangQueue, hours: number): number {
  if (!(hours >= 0)) throw new Error(`invalid target time: ${hours}`);
  const {load, stable, probabilityWait} = erlangQueue(queue);
  if (!stable) return 0;
  return 1 - probabilityWait * Math.exp((-(queue.servers - load) * hours) / queue.serviceHours);
}

/** The wait (hours) that a share p of cases stays within: the p-quantile of the wait. */
export function waitQuantile(queue: ErlangQueue, p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invalid quantile: ${p} (expected a number in (0, 1))`);
  const {load, stable, probabilityWait} = erlangQueue(queue);
  if (!stable) return Infinity;
  // P(W > t) = C·exp(−(c − a)t / s): zero wait covers 1 − C of the cases.
  if (1 - probabilityWait >= p) return 0;
  return (queue.serviceHours * Math.log(probabilityWait / (1 - p))) / (queue.servers - load);
}

export interface StaffingTarget {
  /** Target wait in hours. */
  hours: number;
  /** Share of cases that must wait at most `hours`, in (0, 1). */
  level: number;
}

/** The smallest number of servers whose service level meets every target (at most `max`; NaN if none does). */
export function minServers({arrivalRate, serviceHours}: Omit<ErlangQueue, "servers">, targets: readonly StaffingTarget[], max = 10_000): number {
  checkRates(arrivalRate, serviceHours);
  for (const t of targets) if (!(t.level > 0 && t.level < 1) || !(t.hours >= 0)) throw new Error(`invalid target: ${t.level} within ${t.hours} h`);
  for (let c = Math.max(1, Math.floor(arrivalRate * serviceHours) + 1); c <= max; c++) {
    if (targets.every((t) => serviceLevel({servers: c, arrivalRate, serviceHours}, t.hours) >= t.level)) return c;
  }
  return NaN;
}

function checkServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 1) throw new Error(`invalid servers: ${servers} (expected an integer >= 1)`);
}

function checkRates(arrivalRate: number, serviceHours: number): void {
  if (!(arrivalRate >= 0) || !Number.isFinite(arrivalRate)) throw new Error(`invalid arrival rate: ${arrivalRate}`);
  if (!(serviceHours > 0) || !Number.isFinite(serviceHours)) throw new Error(`invalid service time: ${serviceHours}`);
}
