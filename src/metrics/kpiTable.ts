/**
 * The KPI dictionary page's summary: one row per definition with this build's value and whether it
 * meets its target, and how many targets are met of those that can be checked.
 */
import {formatKpi} from "../core/format.js";
import type {KpiDefinition} from "./definitions.js";

/** A KPI's computed value and verdict, as kpis.json publishes it (only what the table reads). */
export interface KpiVerdict {
  id: string;
  value: number | null;
  meets: boolean | null;
}

export interface KpiTableRow {
  name: string;
  value: string;
  target: string;
  status: "meets" | "misses" | "no target";
  version: string;
  origin: string;
  id: string;
}

/** "meets", "misses", or "no target" when the KPI has no pass line (or was not computed). */
export function kpiStatus(k: Pick<KpiVerdict, "meets"> | undefined): KpiTableRow["status"] {
  return k?.meets === true ? "meets" : k?.meets === false ? "misses" : "no target";
}

/** A row per definition, in dictionary order, with its formatted value and status. */
export function kpiTableRows(definitions: readonly KpiDefinition[], computed: readonly KpiVerdict[]): KpiTableRow[] {
  const byId = new Map(computed.map((k) => [k.id, k]));
  return definitions.map((d) => ({name: d.name, value: formatKpi(byId.get(d.id)?.value, d.unit), target: d.target.text, status: kpiStatus(byId.get(d.id)), version: d.version, origin: d.origin, id: d.id}));
}

/** How many computed KPIs meet their target, of those that have a verdict. */
export function targetCounts(computed: readonly Pick<KpiVerdict, "meets">[]): {met: number; checked: number} {
  return {met: computed.filter((k) => k.meets === true).length, checked: computed.filter((k) => k.meets !== null).length};
}
