import {bisectRight} from "d3";
import type {QueueCase} from "./caseStarts.js";
import {erlangQueue, minServers, serviceLevel, waitQuantile, type StaffingTarget} from "./erlangC.js";
import {epochMs as ms} from "../core/calendar.js";
import {HOUR_MS as HOUR} from "../core/constants.js";

/**
 * The queue as the simulation ran it over a period, in the terms of the Erlang C model: the arrival
 * rate, the mean time a case is open, and the waits (case opened minus case raised) it produced.
 */
export interface ObservedQueue {
  cases: number;
  /** Cases per hour over the period. */
  arrivalRate: number;
  /** Mean hours from a case's start to its decision. */
  serviceHours: number;
  meanWaitHours: number;
  /** Waits in hours, ascending. */
  waits: Float64Array;
}

/** Cases that arrived in [from, to) (ms), with their starts (`openedTimes`). */
export function observeQueue(cases: readonly QueueCase[], starts: ArrayLike<number>, from: number, to: number): ObservedQueue {
  if (!(to > from)) throw new Error(`invalid period: ${from} to ${to}`);
  const waits: number[] = [];
  let service = 0;
  cases.forEach((c, i) => {
    const t = ms(c.ts);
    if (t < from || t >= to || !Number.isFinite(starts[i])) return;
    waits.push((starts[i] - t) / HOUR);
    service += (ms(c.decided_ts) - starts[i]) / HOUR;
  });
  const sorted = Float64Array.from(waits).sort();
  return {
    cases: waits.length,
    arrivalRate: waits.length / ((to - from) / HOUR),
    serviceHours: waits.length ? service / waits.length : NaN,
    meanWaitHours: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : NaN,
    waits: sorted
  };
}

/** Share of sorted waits at most `hours`. */
export function shareWithin(sortedWaits: ArrayLike<number>, hours: number): number {
  if (sortedWaits.length === 0) return NaN;
  return bisectRight(sortedWaits as ArrayLike<number> as number[], hours) / sortedWaits.length;
}

export interface StaffingRow {
  /** Reviewers on shift at once. */
  servers: number;
  load: number;
  utilisation: number;
  stable: boolean;
  probabilityWait: number;
  meanWaitHours: number;
  /** Service level against each target, in order. */
  levels: number[];
  /** Wait quantile at each target's level, in order. */
  quantiles: number[];
  meetsTargets: boolean;
}

/** Erlang C predictions for each count of reviewers on shift, from the observed rates. */
export function staffingCurve({arrivalRate, serviceHours}: Pick<ObservedQueue, "arrivalRate" | "serviceHours">, targets: readonly StaffingTarget[], servers: readonly number[]): StaffingRow[] {
  return servers.map((c) => {
    const queue = {servers: c, arrivalRate, serviceHours};
    const r = erlangQueue(queue);
    const levels = targets.map((t) => serviceLevel(queue, t.hours));
    return {
      servers: c,
      load: r.load,
      utilisation: r.utilisation,
      stable: r.stable,
      probabilityWait: r.probabilityWait,
      meanWaitHours: r.meanWaitHours,
      levels,
      quantiles: targets.map((t) => waitQuantile(queue, t.level)),
      meetsTargets: levels.every((l, i) => l >= targets[i].level)
    };
  });
}

export {minServers};
