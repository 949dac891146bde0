import {binTop} from "../core/hourBins.js";
import {quantileBinned, quantileSorted, sortedFinite, type Bin} from "../core/quantile.js";
import {formatDate} from "../core/calendar.js";
import type {Filter, Formula, KpiDefinition, Measure, Scalar} from "./definitions.js";

export type Row = Readonly<Record<string, unknown>>;

/** The published tables a KPI reads, as rows (toRows or fixtures); dates as Date or YYYY-MM-DD. */
export interface KpiTables {
  daily_country?: readonly Row[];
  /**
   * Flags: item rows (one per flag), or a flag cube (src/world/cubes.ts) whose rows each stand for `n`
   * flags with the same fields. A cube answers only filters on the fields it has.
   */
  flags?: readonly Row[];
  /** The item rows' sample rate (1 at scale <= 4, and for a cube): flag counts are divided by it next to daily_country sums. */
  flagSampleRate?: number;
  /**
   * Binned values for quantile formulas: cube rows with a formula's `field` as its bin's lower edge
   * `<field>_lo` (src/core/hourBins.ts) and the count `n` (tta_bins). When present, quantiles read them
   * instead of flags.
   */
  flag_bins?: readonly Row[];
  /**
   * Flag cubes of every flag, tried in order: a count reads the first whose fields cover its filter,
   * and falls back to `flags` when none does. With them, every page and loader that passes the same
   * cubes computes the same value for the same KPI, exact at any scale.
   */
  flag_cubes?: readonly (readonly Row[])[];
}

/** Which rows count: inclusive UTC dates and an optional region or country. */
export interface Scope {
  from?: string;
  to?: string;
  region?: string | null;
  country?: string | null;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a Date, epoch milliseconds or ISO string. */
export function dayKey(value: unknown): string {
  if (value instanceof Date) return formatDate(value.getTime());
  if (typeof value === "number") return formatDate(value);
  return String(value).slice(0, 10);
}

export function inScope(row: Row, {from, to, region, country}: Scope): boolean {
  if (region && row.region !== region) return false;
  if (country && row.country !== country) return false;
  if (from || to) {
    const d = dayKey(row.date);
    if (from && d < from) return false;
    if (to && d > to) return false;
  }
  return true;
}

/** Fields computed from a flag's columns that filters may use. */
export const DERIVED_FIELDS: Record<string, {description: string; from: readonly string[]; value: (row: Row) => Scalar}> = {
  enforced: {description: "action is not none", from: ["action"], value: (row) => row.action !== "none"},
  decision_correct: {description: "enforced exactly when is_violation", from: ["enforced", "is_violation"], value: (row) => field(row, "enforced") === Boolean(row.is_violation)}
};

/** A row's own column, or else the derived field of that name (a cube may carry `enforced` itself). */
const field = (row: Row, name: string): unknown => (name in row || !(name in DERIVED_FIELDS) ? row[name] : DERIVED_FIELDS[name].value(row));

/** Whether a row has a field, as a column or derived from its columns. */
function hasField(row: Row, name: string): boolean {
  if (name in row) return true;
  const derived = DERIVED_FIELDS[name];
  return derived !== undefined && derived.from.every((f) => hasField(row, f));
}

/** How many flags a row stands for: its count `n` in a cube, 1 for an item row. */
export const weight = (row: Row): number => (typeof row.n === "number" ? row.n : 1);

/** Throws unless the rows (a cube above all) have every field a filter reads: a missing field would match nothing. */
function checkFields(rows: readonly Row[], fields: Iterable<string>, table: string): void {
  const first = rows[0];
  if (!first) return;
  const missing = [...fields].filter((f) => !hasField(first, f));
  if (missing.length) throw new Error(`${table} has no ${missing.join(", ")}: it cannot answer this KPI (columns: ${Object.keys(first).join(", ")})`);
}

/** A filter's conditions, listed once per filter object rather than once per row. */
const CONDITIONS = new WeakMap<Filter, [string, Filter[string]][]>();

export function matches(row: Row, filter: Filter): boolean {
  let conditions = CONDITIONS.get(filter);
  if (!conditions) CONDITIONS.set(filter, (conditions = Object.entries(filter)));
  for (const [name, condition] of conditions) {
    const v = field(row, name);
    if (typeof condition === "object" && condition !== null && "not" in condition) {
      const not = condition.not;
      if (Array.isArray(not) ? not.includes(v as Scalar) : v === not) return false;
    } else if (Array.isArray(condition)) {
      if (!condition.includes(v as Scalar)) return false;
    } else if (v !== condition) return false;
  }
  return true;
}

function rowsOf(tables: KpiTables, table: "daily_country" | "flags", scope: Scope): Row[] {
  const rows = tables[table];
  if (!rows) throw new Error(`missing table: ${table}`);
  return rows.filter((r) => inScope(r, scope));
}

/** A measure in scope: its value (flags weighted by 1 / sample rate) and the rows or units it counted. */
interface Measured {
  value: number;
  /** Unweighted: the sum itself for daily_country, the matching sampled rows for flags. */
  count: number;
}

function measured(m: Measure, tables: KpiTables, scope: Scope): Measured {
  if (m.table === "daily_country") {
    let s = 0;
    for (const r of rowsOf(tables, "daily_country", scope)) {
      const v = r[m.sum];
      if (typeof v === "number" && Number.isFinite(v)) s += v;
    }
    return {value: s, count: s};
  }
  // A cube must have every field the filter and the scope read (flag_outcomes has no region).
  const fields = [...Object.keys(m.count), ...scopeFields(scope)];
  const cube = tables.flag_cubes?.find((c) => c.length > 0 && fields.every((f) => hasField(c[0], f)));
  if (cube) return countRows(cube.filter((r) => inScope(r, scope)), m.count, 1);
  const rows = rowsOf(tables, "flags", scope);
  checkFields(rows, Object.keys(m.count), "flags");
  return countRows(rows, m.count, tables.flagSampleRate ?? 1);
}

/** Flags among rows matching a filter, each row as its n, weighted by 1 / rate. */
function countRows(rows: readonly Row[], filter: Filter, rate: number): Measured {
  if (!(rate > 0 && rate <= 1)) throw new Error(`invalid flag sample rate: ${rate}`);
  let n = 0;
  for (const r of rows) if (matches(r, filter)) n += weight(r);
  return {value: n / rate, count: n};
}

/** A measure's value: a sum of a daily_country column (nulls skipped), or a weighted count of flags. */
export function measure(m: Measure, tables: KpiTables, scope: Scope): number {
  return measured(m, tables, scope).value;
}

/**
 * A formula's value with what it was computed from: for ratios and shares the numerator and
 * denominator (unweighted counts, so that an interval can be put on them), for quantiles and medians
 * the number of values. `n` is the number of cases behind the value.
 */
export interface Evaluation {
  value: number;
  numerator: number | null;
  denominator: number | null;
  n: number;
}

const ofValues = (value: number, n: number): Evaluation => ({value, numerator: null, denominator: null, n});
const ofShare = (numerator: number, denominator: number, per = 1): Evaluation => ({value: denominator > 0 ? (numerator / denominator) * per : NaN, numerator, denominator, n: denominator});

type QuantileFormula = Extract<Formula, {kind: "quantile"}>;

/** The sorted values a quantile formula reads, in scope. */
function quantileValues(formula: QuantileFormula, tables: KpiTables, scope: Scope): Float64Array {
  const rows = rowsOf(tables, "flags", scope);
  checkFields(rows, [formula.field, ...Object.keys(formula.where)], "flags");
  return sortedFinite(rows.filter((r) => matches(r, formula.where)).map((r) => r[formula.field]));
}

/** The bins a quantile formula reads from flag_bins, in scope, merged by edge and sorted. */
export function quantileBins(formula: Pick<QuantileFormula, "field" | "where">, rows: readonly Row[], scope: Scope): Bin[] {
  const lo = `${formula.field}_lo`;
  const inScopeRows = rows.filter((r) => inScope(r, scope));
  checkFields(inScopeRows, [lo, ...Object.keys(formula.where)], "flag_bins");
  const merged = new Map<number, Bin>();
  for (const r of inScopeRows) {
    if (!matches(r, formula.where) || typeof r[lo] !== "number") continue;
    const bin = merged.get(r[lo] as number);
    if (bin) bin.n += weight(r);
    else merged.set(r[lo] as number, {lo: r[lo] as number, hi: binTop(r[lo] as number), n: weight(r)});
  }
  return [...merged.values()].sort((a, b) => a.lo - b.lo);
}

/** The fields a scope filters rows on, beyond the date. */
const scopeFields = (scope: Scope) => [...(scope.region ? ["region"] : []), ...(scope.country ? ["country"] : [])];

function evaluateQuantile(formula: QuantileFormula, tables: KpiTables, scope: Scope): Evaluation {
  // Bins answer only scopes they can filter (tta_bins has no region): otherwise the item rows do.
  const first = tables.flag_bins?.[0];
  if (tables.flag_bins && (!tables.flags || (first && scopeFields(scope).every((f) => hasField(first, f))))) {
    const bins = quantileBins(formula, tables.flag_bins, scope);
    return ofValues(quantileBinned(bins, formula.p), bins.reduce((s, b) => s + b.n, 0));
  }
  const values = quantileValues(formula, tables, scope);
  return ofValues(quantileSorted(values, formula.p), values.length);
}

/** Evaluates a formula in scope, with its counts; value NaN when it has no data (an empty denominator, no rows). */
export function evaluateWithCounts(formula: Formula, tables: KpiTables, scope: Scope = {}): Evaluation {
  switch (formula.kind) {
    case "sum": {
      const m = measured(formula.measure, tables, scope);
      return {value: m.value, numerator: m.count, denominator: null, n: m.count};
    }
    case "ratio": {
      const d = measured(formula.denominator, tables, scope);
      const n = measured(formula.numerator, tables, scope);
      return {...ofShare(n.value, d.value, formula.per ?? 1), numerator: n.count, denominator: d.count, n: d.count};
    }
    case "quantile":
      return evaluateQuantile(formula, tables, scope);
    case "median_of_days": {
      const values = sortedFinite(rowsOf(tables, "daily_country", scope).map((r) => r[formula.field]));
      return ofValues(quantileSorted(values, 0.5), values.length);
    }
    case "share_of_days": {
      const values = sortedFinite(rowsOf(tables, "daily_country", scope).map((r) => r[formula.field]));
      return ofShare(values.filter((v) => v <= formula.atMost).length, values.length);
    }
    case "recurrence": {
      const {repeat, eligible} = recurrence(formula.offence, formula.days, tables, scope);
      return ofShare(repeat, eligible);
    }
  }
}

/** Evaluates a formula in scope; NaN when it has no data (an empty denominator, no rows). */
export function evaluate(formula: Formula, tables: KpiTables, scope: Scope = {}): number {
  return evaluateWithCounts(formula, tables, scope).value;
}

/**
 * Offenders (actor_id) whose first offence falls in scope and who offend again within `days` after it,
 * over those offenders whose follow-up window ends by the last day of the data.
 */
function recurrence(offence: Filter, days: number, tables: KpiTables, scope: Scope): {repeat: number; eligible: number} {
  const all = tables.flags;
  if (!all) throw new Error("missing table: flags");
  checkFields(all, ["actor_id", ...Object.keys(offence)], "flags");
  let last = "";
  for (const r of all) {
    const d = dayKey(r.date);
    if (d > last) last = d;
  }
  // Every offence of each actor in the region/country, in time order; the date range picks first offences.
  const {from, to, ...place} = scope;
  const byActor = new Map<unknown, number[]>();
  for (const r of all) {
    if (!inScope(r, place) || !matches(r, offence)) continue;
    const t = Date.parse(`${dayKey(r.date)}T00:00:00Z`);
    const list = byActor.get(r.actor_id);
    if (list) list.push(t);
    else byActor.set(r.actor_id, [t]);
  }
  const end = Date.parse(`${last}T00:00:00Z`);
  let eligible = 0;
  let repeat = 0;
  for (const times of byActor.values()) {
    times.sort((a, b) => a - b);
    const t0 = times[0];
    const d0 = dayKey(t0);
    if ((from && d0 < from) || (to && d0 > to) || t0 + days * DAY_MS > end) continue;
    eligible++;
    if (times.some((t) => t > t0 && t <= t0 + days * DAY_MS)) repeat++;
  }
  return {repeat, eligible};
}

export function computeKpi(def: KpiDefinition, tables: KpiTables, scope: Scope = {}): number {
  return evaluate(def.formula, tables, scope);
}

/** Whether a value meets its definition's target: true, false, or null when the target has no check. */
export function meetsTarget(def: KpiDefinition, value: number, previous?: number): boolean | null {
  const check = def.target.check;
  if (!check || !Number.isFinite(value)) return null;
  if (check.op === "<") return value < check.value;
  if (check.op === ">") return value > check.value;
  if (previous === undefined || !Number.isFinite(previous)) return null;
  return check.op === "falling" ? value < previous : value > previous;
}
