import type {Columns} from "../io/schema.js";
import {quantileSorted} from "../core/quantile.js";
import {stints} from "../ops/roster.js";
import {DAY_MS as DAY, HOUR_MS as HOUR, ROUTES, SEVERITIES} from "../core/constants.js";
import {countCube, cubeFields, hoursBin} from "./cubes.js";
import type {World} from "./simulate.js";

/**
 * The review queue page's aggregates of every human-review case (never sampled): the backlog at the
 * end of each day, each reviewer's hours per day, and the waits of the cases that arrived each day.
 */

type QueueWorld = Pick<World, "flags" | "review" | "reviewers" | "dates">;

const HUMAN = ROUTES.indexOf("human_review");
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Indexes of the human-review cases. */
function humanCases(world: QueueWorld): number[] {
  const out: number[] = [];
  for (let i = 0; i < world.flags.length; i++) if (world.review.route[i] === HUMAN) out.push(i);
  return out;
}

/**
 * Per day and severity, the cases open at the end of the day (24:00 UTC; open: ts <= t < decided_ts),
 * how many of them are older than `slaHours`, and the oldest and median age in hours.
 */
export function backlogDays(world: QueueWorld, slaHours: number): Columns {
  const n = world.dates.length;
  const firstEnd = dayStart(world.dates[0]) + DAY;
  const endIndex = (t: number) => Math.min(n, Math.max(0, Math.ceil((t - firstEnd) / DAY)));
  const ages = Array.from({length: n * SEVERITIES.length}, () => [] as number[]);
  for (const i of humanCases(world)) {
    const ts = Math.round(world.flags.ts[i]);
    const decided = Math.round(world.review.decided[i]);
    for (let d = endIndex(ts); d < endIndex(decided); d++) ages[d * SEVERITIES.length + world.flags.severity[i]].push((firstEnd + d * DAY - ts) / HOUR);
  }
  const rows = ages.map((list, cell) => {
    list.sort((a, b) => a - b);
    const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
    return [world.dates[Math.floor(cell / SEVERITIES.length)], SEVERITIES[cell % SEVERITIES.length], list.length, list.filter((a) => a > slaHours).length, round(list[list.length - 1] ?? NaN), round(quantileSorted(list, 0.5))] as const;
  });
  const col = (k: number) => rows.map((r) => r[k]) as Columns[string];
  return {date: col(0), severity: col(1), open: col(2), over_sla: col(3), oldest_hours: col(4), median_age_hours: col(5)};
}

/** Per cell: productive hours, busy hours, busy hours inside productive time, cases decided, scheduled hours. */
const CELLS = 5;

/** Adds the part of [a, b) in each of `count` periods of `width` ms from `first` to `into(period index, ms)`. */
function splitBy(a: number, b: number, first: number, count: number, width: number, into: (d: number, ms: number) => void): void {
  for (let d = Math.max(0, Math.floor((a - first) / width)); d < count; d++) {
    const from = Math.max(a, first + d * width);
    const to = Math.min(b, first + (d + 1) * width);
    if (from >= b) break;
    if (to > from) into(d, to - from);
  }
}

/** Adds the part of [a, b) in each day to `into(day index, ms)`. */
function splitByDay(a: number, b: number, first: number, days: number, into: (d: number, ms: number) => void): void {
  splitBy(a, b, first, days, DAY, into);
}

/**
 * Per day, for the team (reviewer_id null) and each of the first `detailed` reviewers: scheduled shift
 * hours and the productive part of them (the shift minus its breaks), hours with a case open (its start
 * to its decision), the part of those outside productive time, and cases decided. Utilisation over any
 * range of days is (busy - overtime) / productive summed over its days.
 */
export function reviewerDays(world: QueueWorld, detailed: number): Columns {
  const {reviewers, dates} = world;
  const first = dayStart(dates[0]);
  const cells = new Float64Array((reviewers.length + 1) * dates.length * CELLS);
  const add = (r: number, d: number, k: number, x: number) => {
    cells[((r + 1) * dates.length + d) * CELLS + k] += x;
    cells[d * CELLS + k] += x;
  };
  const [from, to] = [first - DAY, first + (dates.length + 1) * DAY];
  // Productive stretches (the queue's), and whole shifts: the same shifts without their breaks.
  const shiftsOf = reviewers.shifts.map((shift) => stints(shift, from, to));
  reviewers.shifts.forEach((shift, r) => stints({...shift, breaks: undefined}, from, to).forEach(([a, b]) => splitByDay(a, b, first, dates.length, (d, ms) => add(r, d, 4, ms / HOUR))));
  shiftsOf.forEach((on, r) => on.forEach(([a, b]) => splitByDay(a, b, first, dates.length, (d, ms) => add(r, d, 0, ms / HOUR))));
  for (const i of humanCases(world)) {
    const r = world.review.reviewer[i];
    if (r < 0) continue;
    const [a, b] = [world.review.start[i], Math.round(world.review.decided[i])];
    splitByDay(a, b, first, dates.length, (d, ms) => add(r, d, 1, ms / HOUR));
    const on = shiftsOf[r];
    for (let k = firstEndingAfter(on, a); k < on.length && on[k][0] < b; k++) splitByDay(Math.max(a, on[k][0]), Math.min(b, on[k][1]), first, dates.length, (d, ms) => add(r, d, 2, ms / HOUR));
    const decidedDay = Math.floor((b - first) / DAY);
    if (decidedDay >= 0 && decidedDay < dates.length) add(r, decidedDay, 3, 1);
  }
  return reviewerDayColumns(cells, world, Math.min(detailed, reviewers.length));
}

/** The first of the ordered, disjoint stints that ends after t (binary search). */
function firstEndingAfter(on: readonly [number, number][], t: number): number {
  let [lo, hi] = [0, on.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (on[mid][1] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function reviewerDayColumns(cells: Float64Array, {reviewers, dates}: QueueWorld, detailed: number): Columns {
  const out = {date: [] as string[], reviewer_id: [] as (string | null)[], scheduled_hours: [] as number[], productive_hours: [] as number[], busy_hours: [] as number[], overtime_hours: [] as number[], cases: [] as number[]};
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  dates.forEach((date, d) => {
    for (let r = -1; r < detailed; r++) {
      const c = ((r + 1) * dates.length + d) * CELLS;
      out.date.push(date);
      out.reviewer_id.push(r < 0 ? null : reviewers.id[r]);
      out.scheduled_hours.push(round(cells[c + 4]));
      out.productive_hours.push(round(cells[c]));
      out.busy_hours.push(round(cells[c + 1]));
      // Busy hours minus those inside productive time: cases finished into a break or past the shift.
      out.overtime_hours.push(Math.max(0, round(cells[c + 1] - cells[c + 2])));
      out.cases.push(cells[c + 3]);
    }
  });
  return out;
}

/**
 * Human-review cases by the day they arrived and the bin of their wait (flag to the reviewer opening
 * the case; the time-to-action bins), with their summed waits and case times in hours.
 */
export function waitBins(world: QueueWorld): Columns {
  const {flags: f, review: r} = world;
  const wait = (i: number) => Math.max(0, r.start[i] - Math.round(f.ts[i])) / HOUR;
  const keep = (i: number) => r.route[i] === HUMAN && r.reviewer[i] >= 0;
  return countCube(f.length, [cubeFields(world).date, hoursBin("wait_hours", f.length, wait, keep)], keep, {
    wait_hours_sum: wait,
    service_hours_sum: (i) => (Math.round(r.decided[i]) - r.start[i]) / HOUR
  });
}

/**
 * Per UTC day and hour: the human-review cases that arrived in the hour, their summed waits (flag to a
 * reviewer opening the case) and case times (opened to decided), and the team's reviewer-hours in the
 * hour: on shift, productive (the shift minus its breaks: the shrinkage) and with a case open inside
 * productive time. Erlang C per interval reads the arrivals and productive reviewers of each hour; the
 * simulated waits and utilisation are the same hour's.
 */
export function queueHours(world: QueueWorld): Columns {
  const {flags: f, review: rv, reviewers, dates} = world;
  const first = dayStart(dates[0]);
  const hours = dates.length * 24;
  // Per hour: arrivals, wait sum, service sum, scheduled, productive, busy in productive.
  const cells = new Float64Array(hours * 6);
  const add = (h: number, k: number, x: number) => (cells[h * 6 + k] += x);
  const [from, to] = [first - DAY, first + (dates.length + 1) * DAY];
  const productiveOf = reviewers.shifts.map((shift) => stints(shift, from, to));
  reviewers.shifts.forEach((shift) => stints({...shift, breaks: undefined}, from, to).forEach(([a, b]) => splitBy(a, b, first, hours, HOUR, (h, ms) => add(h, 3, ms / HOUR))));
  productiveOf.forEach((on) => on.forEach(([a, b]) => splitBy(a, b, first, hours, HOUR, (h, ms) => add(h, 4, ms / HOUR))));
  for (const i of humanCases(world)) {
    const r = rv.reviewer[i];
    if (r < 0) continue;
    const ts = Math.round(f.ts[i]);
    const [a, b] = [rv.start[i], Math.round(rv.decided[i])];
    const h = Math.floor((ts - first) / HOUR);
    if (h >= 0 && h < hours) {
      add(h, 0, 1);
      add(h, 1, Math.max(0, a - ts) / HOUR);
      add(h, 2, (b - a) / HOUR);
    }
    const on = productiveOf[r];
    for (let k = firstEndingAfter(on, a); k < on.length && on[k][0] < b; k++) splitBy(Math.max(a, on[k][0]), Math.min(b, on[k][1]), first, hours, HOUR, (x, ms) => add(x, 5, ms / HOUR));
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const out = {date: [] as string[], hour: [] as number[], arrivals: [] as number[], wait_hours_sum: [] as number[], service_hours_sum: [] as number[], scheduled_hours: [] as number[], productive_hours: [] as number[], busy_hours: [] as number[]};
  for (let h = 0; h < hours; h++) {
    const c = h * 6;
    out.date.push(dates[Math.floor(h / 24)]);
    out.hour.push(h % 24);
    out.arrivals.push(cells[c]);
    out.wait_hours_sum.push(round(cells[c + 1]));
    out.service_hours_sum.push(round(cells[c + 2]));
    out.scheduled_hours.push(round(cells[c + 3]));
    out.productive_hours.push(round(cells[c + 4]));
    out.busy_hours.push(round(Math.min(cells[c + 5], cells[c + 4])));
  }
  return out;
}
