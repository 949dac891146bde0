import {hourBin, hourEdges} from "../core/hourBins.js";
import type {Columns} from "../io/schema.js";
import {ACTIONS, CATEGORIES, COUNTRIES, REGIONS, ROUTES, SEVERITIES, SOURCES} from "../core/constants.js";
import type {World} from "./simulate.js";
import {TRUTH} from "./flags.js";

/**
 * Flag cubes: every flag of the world counted by a few of its fields, never sampled, so that pages read
 * exact counts at any scale from a table whose size is bounded by the fields' values, not by the flags.
 * One row per combination that occurs, with `n` the number of flags; rows ordered by the fields in the
 * order given (date first).
 */

/** A field a cube groups by: its published values and each flag's index into them. */
export interface CubeField {
  name: string;
  values: readonly (string | number | boolean | null)[];
  index: (i: number) => number;
}

type CubeWorld = Pick<World, "flags" | "review" | "dates">;

/**
 * Counts the flags (all of them, or those `keep` accepts) by every combination of `fields` that occurs,
 * and sums each of `sums` (name → the flag's value) over them.
 */
export function countCube(length: number, fields: readonly CubeField[], keep: (i: number) => boolean = () => true, sums: Record<string, (i: number) => number> = {}): Columns {
  const radix = fields.map((f) => f.values.length);
  if (radix.reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER) throw new Error("cube too large to key by a number");
  const counts = new Map<number, number>();
  const summed = Object.entries(sums);
  const totals = new Map<number, Float64Array>();
  for (let i = 0; i < length; i++) {
    if (!keep(i)) continue;
    let key = 0;
    for (let d = 0; d < fields.length; d++) key = key * radix[d] + fields[d].index(i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!summed.length) continue;
    const t = totals.get(key) ?? totals.set(key, new Float64Array(summed.length)).get(key)!;
    summed.forEach(([, value], k) => (t[k] += value(i)));
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const columns: Columns = {};
  const index = fields.map(() => new Int32Array(keys.length));
  keys.forEach((key, row) => {
    for (let d = fields.length - 1; d >= 0; d--) {
      index[d][row] = key % radix[d];
      key = Math.floor(key / radix[d]);
    }
  });
  fields.forEach((f, d) => (columns[f.name] = Array.from(index[d], (k) => f.values[k]) as Columns[string]));
  columns.n = keys.map((k) => counts.get(k)!);
  summed.forEach(([name], k) => (columns[name] = keys.map((key) => Math.round(totals.get(key)![k] * 1e4) / 1e4)));
  return columns;
}

const REGION_OF = COUNTRIES.map((c) => REGIONS.indexOf(c.region as (typeof REGIONS)[number]));
const NONE = ACTIONS.indexOf("none");
const BOOL = [false, true] as const;

/** The fields cubes group by, for a world. */
export function cubeFields(world: CubeWorld) {
  const {flags: f, review: r} = world;
  return {
    date: {name: "date", values: world.dates, index: (i: number) => f.day[i]},
    region: {name: "region", values: REGIONS, index: (i: number) => REGION_OF[f.country[i]]},
    category: {name: "category", values: CATEGORIES, index: (i: number) => f.category[i]},
    source: {name: "source", values: SOURCES, index: (i: number) => f.source[i]},
    severity: {name: "severity", values: SEVERITIES, index: (i: number) => f.severity[i]},
    route: {name: "route", values: ROUTES, index: (i: number) => r.route[i]},
    action: {name: "action", values: ACTIONS, index: (i: number) => r.action[i]},
    enforced: {name: "enforced", values: BOOL, index: (i: number) => (r.action[i] !== NONE ? 1 : 0)},
    is_violation: {name: "is_violation", values: TRUTH, index: (i: number) => f.isViolation[i]},
    sla_breached: {name: "sla_breached", values: BOOL, index: (i: number) => r.slaBreached[i]},
    coordinated: {name: "coordinated", values: TRUTH, index: (i: number) => f.coordinated[i]}
  } satisfies Record<string, CubeField>;
}

/** The summed classifier score of a cube's flags, each score to 4 decimals as the flags table publishes it. */
const scoreSum = (world: CubeWorld) => ({score_sum: (i: number) => Math.round(world.flags.mlScore[i] * 1e4) / 1e4});

/** Flags by date, region, category, severity, route, action and whether they came from a ring: the flags page. */
export function flagMixCube(world: CubeWorld): Columns {
  const d = cubeFields(world);
  return countCube(world.flags.length, [d.date, d.region, d.category, d.severity, d.route, d.action, d.coordinated]);
}

/**
 * Flags by date, category, source, severity, route, enforcement, truth and SLA, with the sum of their
 * classifier scores (each to 4 decimals, as published): classifier and queue KPIs, and mean scores.
 */
export function flagOutcomeCube(world: CubeWorld): Columns {
  const d = cubeFields(world);
  return countCube(world.flags.length, [d.date, d.category, d.source, d.severity, d.route, d.enforced, d.is_violation, d.sla_breached], undefined, scoreSum(world));
}

/**
 * The classifier page's projection of flag_outcomes: flags by date, category, source and truth, with
 * their summed scores (the detection-precision card and the drift series), a fraction of its size.
 */
export function scoreOutcomeCube(world: CubeWorld): Columns {
  const d = cubeFields(world);
  return countCube(world.flags.length, [d.date, d.category, d.source, d.is_violation], undefined, scoreSum(world));
}

/** The review queue page's projection of flag_outcomes: flags by date, severity, route, enforcement, truth and SLA. */
export function queueOutcomeCube(world: CubeWorld): Columns {
  const d = cubeFields(world);
  return countCube(world.flags.length, [d.date, d.severity, d.route, d.enforced, d.is_violation, d.sla_breached]);
}

/**
 * Decided flags by date, severity, route, enforcement and time-to-action bin (its lower edge,
 * `tta_hours_lo`; src/core/hourBins.ts gives the upper): quantiles of time to action over any range of
 * days, without the flags.
 */
export function ttaCube(world: CubeWorld): Columns {
  const d = cubeFields(world);
  const tta = world.review.ttaHours;
  const keep = (i: number) => Number.isFinite(tta[i]);
  return countCube(world.flags.length, [d.date, d.severity, d.route, d.enforced, hoursBin("tta_hours", world.flags.length, (i) => tta[i], keep)], keep);
}

/** A cube field binning hours (the time-to-action bins, up to the largest value `keep` accepts) as `<name>_lo`. */
export function hoursBin(name: string, length: number, hours: (i: number) => number, keep: (i: number) => boolean): CubeField {
  let max = 0;
  for (let i = 0; i < length; i++) if (keep(i)) max = Math.max(max, hours(i));
  const edges = hourEdges(max);
  return {name: `${name}_lo`, values: edges, index: (i) => hourBin(hours(i), edges)};
}
