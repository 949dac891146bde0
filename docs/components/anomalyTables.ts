import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatNumber, formatPercent, NONE} from "../lib/core/format.js";
import {casesQuery} from "../lib/explore/cases.js";
import {COUNT_UNIT, flaggedCsv, flaggedRows, type AnomalyRun, type AnomalySeries, type DetectorRow} from "../lib/detect/anomalyView.js";
import {dataLink} from "./dataLink.js";
import {saveBlob} from "./download.js";

/** The anomalies page's tables and download (docs/anomalies.md). */

/** A z of ±∞ (a flat window) reads as such; NaN as a dash. */
const formatZ = (x: number) => (Number.isFinite(x) ? formatNumber(x, 2) : Number.isNaN(x) ? NONE : x > 0 ? "∞" : "−∞");

/** The flagged days with their baseline, z and known scenario; each row opens the case view on the flags its value counts. */
export function flaggedDaysTable(run: AnomalyRun, series: AnomalySeries): HTMLElement {
  const text = series.unit === COUNT_UNIT ? "open the flags" : "open the flags counted";
  const caseLink = (date: string) => dataLink(text, `./cases.html${casesQuery({from: date, to: date, ...series.cases})}`, {label: `Open the flags of ${date}`});
  return Inputs.table(flaggedRows(run), {
    header: {date: "Date", value: series.unit, baseline: "Baseline", z: "z", scenario: "Known scenario", cases: "Cases"},
    format: {cases: caseLink, value: (x) => formatNumber(x, 2), baseline: (x) => formatNumber(x, 1), z: formatZ},
    width: {scenario: 360},
    layout: "auto",
    select: false
  });
}

/** A button that saves the flagged days as CSV, built on click. */
export function flaggedCsvButton(run: AnomalyRun): HTMLElement {
  const save = () => {
    const {csv, filename} = flaggedCsv(run);
    saveBlob(new Blob([csv], {type: "text/csv;charset=utf-8"}), filename);
  };
  return html`<button type="button" onclick=${save}>${`Download ${run.flagged.length} flagged days as CSV`}</button>`;
}

/** The three detectors side by side at the same series, window and threshold. */
export function detectorTable(rows: readonly DetectorRow[]): HTMLElement {
  return Inputs.table(rows, {
    header: {method: "Detector", flagged: "Flagged days", explained: "Explained (rises)", drops: "Drops on scenario days", precision: "Share explained", attackDays: "Attack days caught"},
    format: {precision: (x) => formatPercent(x, 0)},
    layout: "auto",
    select: false
  });
}
