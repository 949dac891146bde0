import {DAY_MS as DAY} from "../core/constants.js";
import {nextOnShift, type Shift} from "../core/shifts.js";

/**
 * A discrete-event simulation of the human review queue. Reviewers work fixed shifts with scheduled
 * time off the queue inside them (breaks, meal, wellness, training and meetings: the shrinkage);
 * whenever one is free and in a productive stretch of the shift, they take the waiting case with the
 * largest age plus its severity credit, which is a static key (arrival time minus credit), so one
 * binary heap serves the whole simulation. A case in hand when a break starts is finished first.
 *
 * Without a daily plan the queue is work-conserving: a reviewer in a productive stretch is idle only
 * when nothing they read waits. Waits come from the mismatch between when cases arrive (evenings,
 * weekends) and when reviewers are rostered (a thin weekend rota), and from priority: low-severity
 * cases wait behind everything newer than their negative credit, so they are worked off when the
 * week's backlog drains. A daily plan (a lead assigning readers to a language queue each morning)
 * makes it not work-conserving: a reviewer not assigned to a pool today does not take its cases.
 */

/** What a daily plan sees at 00:00 UTC of a day: the day (ms) and how many cases wait in each pool. */
export interface QueueMorning {
  dayStart: number;
  waiting: readonly number[];
}

/**
 * A day's plan: the pools each reviewer takes (a bit mask), a pool they take first when it is among
 * them, and how many of that pool's cases the team takes that day at most; once the quota is met,
 * every reviewer takes the other pools they read.
 */
export interface QueueDay {
  takes: ArrayLike<number>;
  first: number;
  quota: number;
}


export interface QueueInput {
  /** Arrival times in ms, ascending. */
  arrival: Float64Array;
  /** Priority credit of each case in ms (subtracted from its arrival time). */
  credit: Float64Array;
  /** Handling time of each case in ms, before the reviewer's speed factor. */
  handling: Float64Array;
  shifts: readonly Shift[];
  /** Multiplier of handling time per reviewer. */
  speed: ArrayLike<number>;
  /**
   * Language pools: the pool of each case (0: any reviewer) and whether each reviewer reads each
   * pool's languages (`reads[r]` is a bit mask, pool k is bit k). Without them every case is pool 0.
   */
  pool?: Uint8Array;
  reads?: ArrayLike<number>;
  /**
   * A staffing plan run at the start of each UTC day: the pools each reviewer takes that day (a bit
   * mask per reviewer, within what they read). Without it each reviewer takes every pool they read.
   */
  plan?: (morning: QueueMorning) => QueueDay;
  /** Time in ms between a decision and the reviewer's next case (closing one, loading the next); default 0. */
  pause?: number;
}

export interface QueueResult {
  reviewer: Int16Array;
  start: Float64Array;
  end: Float64Array;
}

class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const {keys, values} = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      values[i] = values[p];
      i = p;
    }
    keys[i] = key;
    values[i] = value;
  }
  peekKey(): number {
    return this.keys[0];
  }
  pop(): number {
    const {keys, values} = this;
    const top = values[0];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= lastKey) break;
        keys[i] = keys[c];
        values[i] = values[c];
        i = c;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

/** The pool a reviewer taking `mask` serves next: `first` if it is taken and waits, else the most urgent case's (the smallest key); -1 if none. */
function pickPool(waiting: readonly MinHeap[], mask: number, first: number): number {
  if (first >= 0 && first < waiting.length && mask & (1 << first) && waiting[first].size > 0) return first;
  let best = -1;
  for (let k = 0; k < waiting.length; k++) if (mask & (1 << k) && waiting[k].size > 0 && (best < 0 || waiting[k].peekKey() < waiting[best].peekKey())) best = k;
  return best;
}

/** The number of language pools, after checking that arrivals ascend and that someone reads every pool. */
function checkedPools({arrival, shifts, pool, reads}: Pick<QueueInput, "arrival" | "shifts" | "pool" | "reads">): number {
  for (let i = 1; i < arrival.length; i++) if (arrival[i] < arrival[i - 1]) throw new Error(`invalid arrivals: not ascending at ${i}`);
  if (shifts.length === 0 && arrival.length > 0) throw new Error("invalid queue: no reviewers");
  const pools = pool ? Math.max(1, ...Array.from(new Set(pool)).map((k) => k + 1)) : 1;
  for (let k = 1; k < pools; k++) if (!Array.from({length: shifts.length}, (_, r) => reads?.[r] ?? 1).some((m) => m & (1 << k))) throw new Error(`invalid queue: no reviewer reads pool ${k}`);
  return pools;
}

export function simulateQueue({arrival, credit, handling, shifts, speed, pool, reads, plan, pause = 0}: QueueInput): QueueResult {
  const n = arrival.length;
  const pools = checkedPools({arrival, shifts, pool, reads});
  const reviewer = new Int16Array(n).fill(-1);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const waiting = Array.from({length: pools}, () => new MinHeap());
  const free = new MinHeap();
  const t0 = n > 0 ? arrival[0] : 0;
  shifts.forEach((s, r) => free.push(nextOnShift(s, t0).from, r));
  let next = 0;
  let done = 0;
  const arrive = (until: number) => {
    while (next < n && arrival[next] <= until) {
      waiting[pool ? pool[next] : 0].push(arrival[next] - credit[next], next);
      next++;
    }
  };
  const readMask = (r: number) => reads?.[r] ?? 1;
  let takes: ArrayLike<number> = Array.from({length: shifts.length}, (_, r) => readMask(r));
  let first = -1;
  let quota = Infinity;
  let day = plan ? Math.floor(t0 / DAY) - 1 : Infinity;
  while (done < n) {
    const t = free.peekKey();
    // Each UTC day the plan reaches, with the cases that arrived before it waiting.
    while (Math.floor(t / DAY) > day) {
      day++;
      arrive(day * DAY);
      const planned = plan!({dayStart: day * DAY, waiting: waiting.map((h) => h.size)});
      takes = Array.from({length: shifts.length}, (_, r) => planned.takes[r] & readMask(r));
      first = planned.first;
      quota = planned.quota;
    }
    const r = free.pop();
    const shift = nextOnShift(shifts[r], t);
    if (shift.from > t) {
      free.push(shift.from, r);
      continue;
    }
    arrive(t);
    const best = pickPool(waiting, quota > 0 ? takes[r] : readMask(r) & ~(1 << first), first);
    if (best < 0) {
      // Idle until the next case arrives, or the next stretch on shift if it arrives after this one ends.
      const wake = next < n ? arrival[next] : Infinity;
      if (wake === Infinity && waiting.every((h) => h.size === 0)) break;
      // With a plan, tomorrow's assignment may give an idle reviewer a pool that waits today.
      const tomorrow = plan ? (day + 1) * DAY : Infinity;
      free.push(Math.min(wake < shift.until ? wake : nextOnShift(shifts[r], shift.until).from, Math.max(tomorrow, t)), r);
      continue;
    }
    if (best === first) quota--;
    const i = waiting[best].pop();
    reviewer[i] = r;
    start[i] = t;
    end[i] = t + handling[i] * speed[r];
    done++;
    free.push(end[i] + pause, r);
  }
  return {reviewer, start, end};
}
