import {formatChange, formatDelta, formatKpi} from "../core/format.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import {evaluateWithCounts, type KpiTables, type Scope} from "./computeKpi.js";
import {kpiDefinition, type KpiDefinition, type Unit} from "./definitions.js";
import {unrecordedColumns} from "./unrecorded.js";

/**
 * A KPI's value for one window and place, as every card, table and sentence shows it: the number, what
 * it was computed from (numerator and denominator, or the number of values), and for shares a 95%
 * Wilson interval. Plain data, so a loader can compute it and a page can render it from JSON.
 */
export interface KpiFigure {
  id: string;
  name: string;
  unit: Unit;
  goodWhen: KpiDefinition["goodWhen"];
  /** Unrounded; null when the window has no data. */
  value: number | null;
  /** The window, inclusive UTC days. */
  from: string;
  to: string;
  /** "all", or the region or country the figure is limited to. */
  place: string;
  numerator: number | null;
  denominator: number | null;
  /** Cases behind the value: the denominator of a share, the values of a quantile. */
  n: number;
  /** 95% Wilson interval of a share; null for other units. */
  lower: number | null;
  upper: number | null;
  /** Flag columns the KPI needs that the data does not record (an import without them): then value is null. */
  unrecorded?: string[];
}

/** Fewer cases than this and a figure is marked as a small sample wherever it is shown. */
export const SMALL_SAMPLE = 30;

export type WindowScope = Scope & {from: string; to: string};

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Evaluates a dictionary KPI over a window and place, with its counts and interval. */
export function measureKpi(kpi: string | KpiDefinition, tables: KpiTables, scope: WindowScope): KpiFigure {
  const def = typeof kpi === "string" ? kpiDefinition(kpi) : kpi;
  if (!scope.from || !scope.to) throw new Error(`invalid window for ${def.id}: ${scope.from} to ${scope.to}`);
  const unrecorded = unrecordedColumns(def.formula, tables);
  const e = unrecorded.length ? {value: NaN, numerator: null, denominator: null, n: 0} : evaluateWithCounts(def.formula, tables, scope);
  const share = def.unit === "percent" && e.numerator !== null && e.denominator !== null;
  const interval = share && e.denominator! > 0 ? wilsonInterval(Math.round(Math.min(e.numerator!, e.denominator!)), Math.round(e.denominator!)) : null;
  return {
    id: def.id,
    name: def.name,
    unit: def.unit,
    goodWhen: def.goodWhen,
    value: orNull(e.value),
    from: scope.from,
    to: scope.to,
    place: scope.country ?? scope.region ?? "all",
    numerator: e.numerator,
    denominator: e.denominator,
    n: e.n,
    lower: interval ? orNull(interval.lower) : null,
    upper: interval ? orNull(interval.upper) : null,
    ...(unrecorded.length ? {unrecorded} : {})
  };
}

/** A change between two figures of one KPI, in the metric layer's terms. */
export interface KpiChange {
  /** current − previous in the KPI's unit (for percents a difference of shares: × 100 is pp). */
  delta: number;
  /** previous → current as a ratio − 1; shown only for counts. */
  relative: number;
  /** "+1.4 pp" for shares, "+12.3%" for counts, "+0.8 h", "+0.12 per 1,000 DAU". */
  text: string;
  direction: "up" | "down" | "same";
  /** Whether the change is good news by the KPI's own goodWhen; null when neutral or unchanged. */
  good: boolean | null;
  /** Whether both figures have intervals and they overlap: then the data cannot tell them apart. */
  overlap: boolean | null;
}

/** The change from previous to current; null when either has no value. */
export function compareKpi(current: KpiFigure, previous: KpiFigure): KpiChange | null {
  if (current.id !== previous.id) throw new Error(`cannot compare ${current.id} with ${previous.id}`);
  if (current.value === null || previous.value === null) return null;
  const delta = current.value - previous.value;
  const relative = previous.value !== 0 ? delta / Math.abs(previous.value) : NaN;
  const text = current.unit === "count" ? formatChange(relative) : formatDelta(delta, current.unit);
  const shown = formatKpi(current.value, current.unit) === formatKpi(previous.value, current.unit);
  const direction = shown || delta === 0 ? "same" : delta > 0 ? "up" : "down";
  const good = direction === "same" || current.goodWhen === "neutral" ? null : (direction === "up") === (current.goodWhen === "up");
  const overlap = current.lower === null || previous.lower === null ? null : current.lower <= previous.upper! && previous.lower <= current.upper!;
  return {delta, relative, text, direction, good, overlap};
}

/** Whether a figure rests on fewer than SMALL_SAMPLE cases. */
export function isSmall(figure: Pick<KpiFigure, "n">): boolean {
  return figure.n < SMALL_SAMPLE;
}
