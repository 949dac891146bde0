/**
 * The review queue page's controls, card grids and tables (pages/ops/queue.md), over the figures of
 * src/ops/queueView.ts, and the charts it draws, so that the page imports one module of components.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {START_DATE} from "../lib/core/constants.js";
import {formatCount, formatHours, formatPercent} from "../lib/core/format.js";
import {SHRINKAGE} from "../lib/core/params.js";
import {casesQuery} from "../lib/explore/cases.js";
import {measureKpi} from "../lib/metrics/kpiFigure.js";
import type {BacklogAge} from "../lib/ops/backlog.js";
import {headcountFor} from "../lib/ops/roster.js";
import {erlangModelRows, intervalRows, type FileRows, type QueueData, type QueuePeriod, type QueueStaffing} from "../lib/ops/queueView.js";
import {SLA_HOURS, TTA_TARGETS} from "../lib/ops/targets.js";
import {downloadButtons} from "./download.js";
import {kpiCard, statCard} from "./kpiCard.js";
import {linked} from "./urlState.js";

export {periodControl} from "./periodControl.js";
export {periodNote} from "./periodNote.js";
export {queueChart} from "./queueChart.js";
export {backlogChart} from "./backlogChart.js";
export {utilisationChart} from "./utilisationChart.js";
export {ttaChart} from "./ttaChart.js";
export {staffingChart} from "./staffingChart.js";
export {intervalChart} from "./intervalChart.js";

/** The time-to-action chart's scope, in the URL as `tta`. */
export function ttaScopeInput(): HTMLElement & {value: "all" | "human"} {
  return linked("tta", Inputs.radio(new Map<string, "all" | "human">([["All routes", "all"], ["Human review only", "human"]]), {label: "Time to action of", value: "all"}));
}

/** Reviewers working the queue in the Erlang C what-if, in the URL as `reviewers`: 1 to the staffing's top. */
export function serversInput({maxServers, start}: Pick<QueueStaffing, "maxServers" | "start">): HTMLElement & {value: number} {
  return linked("reviewers", Inputs.range([1, maxServers], {label: "Reviewers working the queue", step: 1, value: start}));
}

/** The by-hour model's shrinkage, in the URL as `shrinkage`: 0 to 50%, starting on the world's. */
export function shrinkageInput(): HTMLElement & {value: number} {
  return linked("shrinkage", Inputs.range([0, 0.5], {label: "Shrinkage (share of shift off the queue)", step: 0.01, value: Math.round(SHRINKAGE * 100) / 100}));
}

/** One card per severity: cases open at the end of the range, with their age, drilling to them. */
export function backlogCards(ages: readonly BacklogAge[], to: string): HTMLElement[] {
  return ages.map((b) => statCard({
    title: `Open ${b.key}`,
    value: b.open,
    format: formatCount,
    note: b.open ? `${formatCount(b.overSla)} older than ${SLA_HOURS} h; oldest ${formatHours(b.oldestHours)}, median age ${formatHours(b.medianAgeHours)}` : "None open",
    cases: b.open ? `../cases.html${casesQuery({from: START_DATE, to, severity: b.key, route: "human_review", open: true})}` : undefined
  }));
}

/** A dictionary KPI over the range, compared with the chosen period. */
export function queueKpi(id: string, data: Pick<QueueData, "kpiTables">, {range, previous}: Pick<QueuePeriod, "range" | "previous">, note: string): HTMLElement {
  return kpiCard(measureKpi(id, data.kpiTables, range), {previous: previous ? measureKpi(id, data.kpiTables, previous) : null, note});
}

/** High and critical cases still open past the SLA at the range's end. */
export function atRiskCard(atRisk: number, to: string): HTMLElement {
  return statCard({title: `Open past ${SLA_HOURS} h now`, value: atRisk, format: formatCount, note: `High/critical cases still open at the end of ${to} (the analyst role profile: none should be)`});
}

/** A muted line standing in for a chart with nothing to show. */
export function emptyNote(text: string): HTMLElement {
  return html`<p class="muted">${text}</p>`;
}

/** Erlang C's figures at `servers` working the queue, and the smallest count that meets the targets. */
export function staffingCards(staffing: QueueStaffing, servers: number, coverage: QueueData["coverage"]): HTMLElement[] {
  const chosen = staffing.curve[servers - 1];
  const {needed} = staffing;
  return [
    statCard({title: "Predicted utilisation", value: chosen.utilisation, format: formatPercent, kind: "share", note: `${servers} working the queue; ${chosen.stable ? "stable" : "over 100%: the queue grows without bound"}`}),
    statCard({title: "Predicted share that waits", value: chosen.probabilityWait, format: formatPercent, kind: "share", note: `Erlang C; mean wait ${formatHours(chosen.meanWaitHours)}`}),
    statCard({title: "Predicted P90 wait", value: chosen.quantiles[1], format: formatHours, kind: "level", note: `P50 ${formatHours(chosen.quantiles[0])}; targets: ${TTA_TARGETS.map((t) => t.label).join(", ")}`}),
    statCard({title: "Smallest count meeting the targets", value: needed, format: formatCount, note: Number.isFinite(needed) ? `${formatCount(needed)} working the queue = a team of ${formatCount(headcountFor(needed, coverage.weeklyHours, SHRINKAGE))} at ${formatCount(coverage.weeklyHours)} h a week and ${formatPercent(SHRINKAGE, 0)} shrinkage (now ${formatCount(coverage.reviewers)})` : "No count up to 10,000 meets them"})
  ];
}

/** Erlang C at `servers` against the simulated queue, measure by measure. */
export function erlangModelTable(staffing: QueueStaffing, servers: number, teamUtilisation: number): HTMLElement {
  return Inputs.table(erlangModelRows(staffing, servers, teamUtilisation), {columns: ["measure", "model", "sim"], header: {measure: "Measure", model: `Erlang C, ${servers} working`, sim: "Simulation, today's roster"}, select: false, layout: "auto"});
}

/** Erlang C against the simulation for each hour of the day. */
export function intervalTable(byDay: Parameters<typeof intervalRows>[0]): HTMLElement {
  return Inputs.table(intervalRows(byDay), {
    columns: ["hour", "arrivals", "onShift", "servers", "needed", "modelUtil", "simUtil", "modelWait", "simWait"],
    header: {hour: "Hour", arrivals: "Cases/h", onShift: "On shift", servers: "Working", needed: "Needed", modelUtil: "Erlang C occ.", simUtil: "Sim. util.", modelWait: "Erlang C wait", simWait: "Sim. wait"},
    select: false,
    layout: "auto",
    rows: 24
  });
}

/** CSV and Arrow buttons for one of queueFile's tables. */
export function fileDownload({rows, schema, filename, label}: FileRows): HTMLElement {
  return downloadButtons(rows, schema, {filename, label});
}
