import {kpiCard} from "./kpiCard.js";
import {measureKpi} from "../lib/metrics/kpiFigure.js";
import type {KpiTables} from "../lib/metrics/computeKpi.js";
import type {Comparison, Period} from "../lib/metrics/periods.js";
import {comparisonNote, kpiCasesHref, type Place} from "../lib/metrics/pageScope.js";

export interface ScopedKpiOptions {
  place: Place;
  range: {from: string; to: string};
  /** The comparison period, null when there is none. */
  previous: Period | null;
  compare: Comparison;
}

/**
 * A dictionary KPI's card for a page's place and period, against the comparison period; a count of
 * flags opens the case view on exactly those flags.
 */
export function scopedKpiCard(id: string, tables: KpiTables, {place, range, previous, compare}: ScopedKpiOptions): HTMLElement {
  return kpiCard(measureKpi(id, tables, {...place, ...range}), {
    previous: previous ? measureKpi(id, tables, {...place, ...previous}) : null,
    note: comparisonNote(previous, compare),
    cases: kpiCasesHref(id, range, place)
  });
}
