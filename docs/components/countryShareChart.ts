import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface CountryRow {
  code: string;
  name: string;
  region: string;
  user_share: number;
  utc_offset: number;
}

export interface CountryShareChartOptions {
  width?: number;
  height?: number;
  /** Regions shown in full colour; the others are greyed out. All regions when omitted. */
  highlight?: readonly string[];
}

/** Share of the platform's daily active users by country, coloured by region. */
export function countryShareChart(rows: readonly CountryRow[], {width, height, highlight}: CountryShareChartOptions = {}) {
  const regions = [...new Set(rows.map((d) => d.region))];
  const shown = new Set(highlight ?? regions);
  return saveable(Plot.plot({
    width: Math.max(width ?? 640, 320),
    height: height ?? 40 + 24 * rows.length,
    marginLeft: 110,
    x: {label: "Share of daily active users (%) →", percent: true, grid: true},
    y: {label: null},
    color: {legend: true, domain: regions},
    marks: [
      Plot.barX(rows, {
        x: "user_share",
        y: "name",
        fill: "region",
        fillOpacity: (d: CountryRow) => (shown.has(d.region) ? 1 : 0.2),
        sort: {y: "-x"},
        // The x scale shows percents (×100), so the tip reads the share from the row, formatted once.
        title: (d: CountryRow) => `${d.name} (${d.region})\n${formatPercent(d.user_share)} of daily active users`,
        tip: true
      }),
      Plot.ruleX([0])
    ]
  }), {name: "country share", rows});
}
