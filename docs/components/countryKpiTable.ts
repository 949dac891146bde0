import * as Inputs from "@observablehq/inputs";
import {formatCount, formatHours, formatPercent} from "../lib/core/format.js";
import {countryKpiHeaders, type CountryKpis} from "../lib/metrics/countryKpis.js";

/** The APAC KPI dashboard's country table (src/metrics/countryKpis.ts), busiest country first; a header click sorts. */
export function countryKpiTable(rows: readonly CountryKpis[]): HTMLElement {
  const percent = (x: number) => formatPercent(x);
  return Inputs.table(rows, {
    columns: ["country", "region", "content_created", "reports", "enforcements", "appeals", "successful_appeals", "report_rate", "enforcement_rate", "appeal_rate", "appeal_overturn_rate", "median_response_time_hours"],
    header: countryKpiHeaders(),
    format: {content_created: formatCount, reports: formatCount, enforcements: formatCount, appeals: formatCount, successful_appeals: formatCount, report_rate: percent, enforcement_rate: percent, appeal_rate: percent, appeal_overturn_rate: percent, median_response_time_hours: (x) => formatHours(x)},
    sort: "reports",
    reverse: true,
    layout: "auto",
    select: false
  });
}
