import {HOUR_MS as HOUR} from "./constants.js";

/**
 * A discrete-event simulation of the human review queue. Reviewers work fixed shifts; whenever one is
 * free and on shift, they take the waiting case with the largest age plus its severity credit, which
 * is a static key (arrival time minus credit), so one binary heap serves the whole simulation.
 *
 * Review capacity is shared with other queues (appeals, QA, other surfaces). The ops lead gives this
 * queue the share of reviewer time ("focus") that last week's workload needs, corrected by how far the
 * current backlog is from the target backlog (target wait x arrival rate). Backlog responds at once to
 * focus, so this holds the wait near target; surges still outrun the focus cap, which is where SLA
 * breaches come from.
 */

export interface Shift {
  /** UTC hour the shift starts. */
  startHour: number;
  hours: number;
  /** Workdays, indexed by UTC day of week (0 = Sunday). */
  workdays: readonly boolean[];
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
  /** The wait (hours) the ops lead staffs the backlog for, by time in ms; without it focus stays at 1. */
  targetWaitHours?: (t: number) => number;
  /** Bounds of the focus share (share of on-shift time spent on this queue; above 1 is overtime). */
  focus?: {min: number; max: number};
}

export interface QueueResult {
  reviewer: Int16Array;
  start: Float64Array;
  end: Float64Array;
  /** Focus share per simulated day, from the first arrival's day. */
  focusByDay: Float64Array;
}

/** Staffing looks at the trailing week, so the weekend cycle is in every forecast. */
const FORECAST_DAYS = 7;
/** How strongly focus answers a backlog above or below target. */
const BACKLOG_GAIN = 1;
const DAY = 24 * HOUR;

/** The earliest time at or after t when the shift is on, and when that stint ends. */
export function nextOnShift(shift: Shift, t: number): {from: number; until: number} {
  // A shift may have started the previous day and still be running.
  const first = Math.floor(t / DAY) - 1;
  // Day of week, 0 = Sunday: 1970-01-01 was a Thursday.
  let dow = (((first + 4) % 7) + 7) % 7;
  // The previous day, then a week and a day: any shift with a workday is on within them.
  for (let d = first; d <= first + 8; d++) {
    const from = d * DAY + shift.startHour * HOUR;
    const until = from + shift.hours * HOUR;
    if (shift.workdays[dow] && t < until) return {from: Math.max(from, t), until};
    dow = dow === 6 ? 0 : dow + 1;
  }
  throw new Error("invalid shift: no workdays");
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

export function simulateQueue({arrival, credit, handling, shifts, speed, targetWaitHours, focus: focusBounds = {min: 0.15, max: 1.8}}: QueueInput): QueueResult {
  const n = arrival.length;
  for (let i = 1; i < n; i++) if (arrival[i] < arrival[i - 1]) throw new Error(`invalid arrivals: not ascending at ${i}`);
  if (shifts.length === 0 && n > 0) throw new Error("invalid queue: no reviewers");
  const reviewer = new Int16Array(n).fill(-1);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const waiting = new MinHeap();
  const free = new MinHeap();
  const t0 = n > 0 ? arrival[0] : 0;
  shifts.forEach((s, r) => free.push(nextOnShift(s, t0).from, r));
  let next = 0;
  let done = 0;
  const day0 = Math.floor(t0 / DAY);
  const lastDay = n > 0 ? Math.floor(arrival[n - 1] / DAY) + 60 : day0;
  const focusByDay = new Float64Array(lastDay - day0 + 1).fill(1);
  // Work (reviewer-ms) arriving per day, and on-shift reviewer-ms per day of week.
  const workByDay = new Float64Array(focusByDay.length);
  const meanSpeed = Array.from(speed).reduce((a, b) => a + b, 0) / Math.max(1, shifts.length);
  for (let i = 0; i < n; i++) workByDay[Math.floor(arrival[i] / DAY) - day0] += handling[i] * meanSpeed;
  const onShiftByDow = [0, 1, 2, 3, 4, 5, 6].map((d) => shifts.reduce((sum, s) => sum + (s.workdays[d] ? s.hours * HOUR : 0), 0));
  let controlledDay = 0;
  let focus = 1;
  let forecast = 0;
  let arrivalsPerHour = 0;
  const forecastFor = (day: number) => {
    let work = 0;
    let capacity = 0;
    let count = 0;
    for (let k = 1; k <= FORECAST_DAYS; k++) {
      const d = Math.max(0, day - k);
      work += workByDay[d];
      count += countByDay[d];
      capacity += onShiftByDow[new Date((day0 + d) * DAY).getUTCDay()];
    }
    arrivalsPerHour = count / (FORECAST_DAYS * 24);
    return work / capacity;
  };
  const countByDay = new Float64Array(focusByDay.length);
  for (let i = 0; i < n; i++) countByDay[Math.floor(arrival[i] / DAY) - day0]++;
  if (targetWaitHours) forecast = forecastFor(0);
  while (done < n) {
    const t = free.peekKey();
    const r = free.pop();
    const today = Math.min(focusByDay.length - 1, Math.floor(t / DAY) - day0);
    while (targetWaitHours && controlledDay < today) forecast = forecastFor(++controlledDay);
    const shift = nextOnShift(shifts[r], t);
    if (shift.from > t) {
      free.push(shift.from, r);
      continue;
    }
    while (next < n && arrival[next] <= t) {
      waiting.push(arrival[next] - credit[next], next);
      next++;
    }
    if (waiting.size === 0) {
      // Idle until the next case arrives, or the next shift if it arrives after this one ends.
      const wake = arrival[next];
      free.push(wake < shift.until ? wake : nextOnShift(shifts[r], shift.until).from, r);
      continue;
    }
    if (targetWaitHours) {
      const target = Math.max(1, targetWaitHours(t) * arrivalsPerHour);
      focus = Math.min(focusBounds.max, Math.max(focusBounds.min, forecast * (1 + BACKLOG_GAIN * (waiting.size - target) / target)));
      focusByDay[today] = focus;
    }
    const i = waiting.pop();
    reviewer[i] = r;
    start[i] = t;
    end[i] = t + (handling[i] * speed[r]) / focus;
    done++;
    free.push(end[i], r);
  }
  return {reviewer, start, end, focusByDay};
}
