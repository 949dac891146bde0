import {DERIVED_FIELDS} from "./computeKpi.js";
import {formatCount, formatInterval, formatKpi} from "../core/format.js";
import {kpiDefinition, type Filter, type Formula, type KpiDefinition, type Measure} from "./definitions.js";
import {isSmall, SMALL_SAMPLE, type KpiFigure} from "./kpiFigure.js";

/** Plain-text renderings of a definition's formula, for the KPI dictionary: generated, never typed twice. */

export function describeFilter(filter: Filter): string {
  const parts = Object.entries(filter).map(([name, c]) => {
    const shown = name in DERIVED_FIELDS ? `${name} (${DERIVED_FIELDS[name].description})` : name;
    if (typeof c === "object" && c !== null && "not" in c) return Array.isArray(c.not) ? `${shown} not in {${c.not.join(", ")}}` : `${shown} ≠ ${String(c.not)}`;
    if (Array.isArray(c)) return `${shown} in {${c.join(", ")}}`;
    return `${shown} = ${String(c)}`;
  });
  return parts.length ? parts.join(" and ") : "every row";
}

export function describeMeasure(m: Measure): string {
  return m.table === "daily_country" ? `sum of daily_country.${m.sum}` : `count of flags where ${describeFilter(m.count)}`;
}

export interface FormulaText {
  numerator: string;
  denominator: string;
}

export function describeFormula(f: Formula): FormulaText {
  switch (f.kind) {
    case "sum":
      return {numerator: describeMeasure(f.measure), denominator: "none (a count)"};
    case "ratio":
      return {numerator: `${describeMeasure(f.numerator)}${f.per && f.per !== 1 ? ` × ${f.per.toLocaleString("en-US")}` : ""}`, denominator: describeMeasure(f.denominator)};
    case "quantile":
      return {numerator: `P${Math.round(f.p * 100)} of flags.${f.field} where ${describeFilter(f.where)}`, denominator: "none (a percentile)"};
    case "median_of_days":
      return {numerator: `median over country-days of daily_country.${f.field}`, denominator: "none (a median)"};
    case "share_of_days":
      return {numerator: `country-days with daily_country.${f.field} ≤ ${f.atMost}`, denominator: `country-days with a value of daily_country.${f.field}`};
    case "recurrence":
      return {
        numerator: `offenders (flags.actor_id) with another offence within ${f.days} days of their first, offence = flags where ${describeFilter(f.offence)}`,
        denominator: `offenders whose first offence is in range and has ${f.days} days of follow-up`
      };
  }
}

/** The tables a definition reads. */
export function kpiTables(def: KpiDefinition): string[] {
  const f = def.formula;
  const of = (m: Measure) => m.table;
  const tables = f.kind === "sum" ? [of(f.measure)] : f.kind === "ratio" ? [of(f.numerator), of(f.denominator)] : f.kind === "quantile" || f.kind === "recurrence" ? ["flags"] : ["daily_country"];
  return [...new Set(tables)];
}

/** One paragraph that says what a KPI is: its numerator, denominator, filters and inclusion rules. */
export function definitionText(def: KpiDefinition): string {
  const {numerator, denominator} = describeFormula(def.formula);
  return `${def.measures} Numerator: ${numerator}. Denominator: ${denominator}. ${def.inclusion}`;
}

/** What the cases behind a value are, by the kind of formula. */
const CASES: Record<Formula["kind"], string> = {
  sum: "counted",
  ratio: "in the denominator",
  quantile: "values",
  median_of_days: "country-days",
  share_of_days: "country-days",
  recurrence: "offenders"
};

/** What a figure was computed from, in words: "1,234 of 1,690; 95% CI 70.1–75.2%", "n = 812". */
export function basisText(figure: KpiFigure): string {
  const parts: string[] = [];
  if (figure.numerator !== null && figure.denominator !== null) parts.push(`${formatCount(figure.numerator)} of ${formatCount(figure.denominator)}`);
  else parts.push(`${formatCount(figure.n)} ${CASES[kpiDefinition(figure.id).formula.kind]}`);
  if (figure.lower !== null && figure.upper !== null) parts.push(`95% CI ${formatInterval(figure.lower, figure.upper, figure.unit)}`);
  if (isSmall(figure) && figure.unit !== "count") parts.push(`fewer than ${SMALL_SAMPLE} cases: read with care`);
  return parts.join("; ");
}

/** A figure in a sentence: "72.9% (1,234 of 1,690; 95% CI 70.1–75.2%)". */
export function figureText(figure: KpiFigure): string {
  return figure.unit === "count" ? formatKpi(figure.value, figure.unit) : `${formatKpi(figure.value, figure.unit)} (${basisText(figure)})`;
}
