import * as Plot from "@observablehq/plot";
import type {IntervalQueue} from "../lib/ops/intervals.js";
import {formatHours, formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** Predicted occupancy above this is drawn at it: an unstable interval's load can be several times its staff. */
const CAP = 2;

const hourLabel = (h: number) => `${DAYS[Math.floor(h / 24)]} ${String(h % 24).padStart(2, "0")}:00`;

/**
 * Erlang C per hour of the week (UTC) against the simulated queue. "utilisation": Erlang C's
 * occupancy (offered load / reviewers working the queue) and the simulation's busy / productive hours.
 * "staff": reviewers on shift, those working the queue after shrinkage, and those Erlang C needs on
 * shift to meet the targets.
 */
export function intervalChart(rows: readonly IntervalQueue[], {width, height = 260, mode}: {width?: number; height?: number; mode: "utilisation" | "staff"}) {
  const data = rows.filter((d) => d.hours > 0);
  const series =
    mode === "utilisation"
      ? [
          {key: "Erlang C occupancy", value: (d: IntervalQueue) => Math.min(CAP, d.predictedUtilisation)},
          {key: "Simulated utilisation", value: (d: IntervalQueue) => d.simulatedUtilisation}
        ]
      : [
          {key: "On shift", value: (d: IntervalQueue) => d.onShift},
          {key: "Working the queue (after shrinkage)", value: (d: IntervalQueue) => d.servers},
          {key: "Needed on shift (Erlang C)", value: (d: IntervalQueue) => d.neededOnShift}
        ];
  const long = data.flatMap((d) => series.map((s) => ({interval: d.interval, key: s.key, value: s.value(d), row: d})));
  const tip = (d: (typeof long)[number]) =>
    `${hourLabel(d.interval)} UTC\n${formatNumber(d.row.arrivalRate, 2)} cases an hour; ${formatNumber(d.row.onShift, 1)} on shift, ${formatNumber(d.row.servers, 1)} working the queue\nErlang C: occupancy ${formatPercent(d.row.predictedUtilisation)}, mean wait ${formatHours(d.row.predictedMeanWaitHours)}, needs ${formatNumber(d.row.neededOnShift, 1)} on shift\nSimulated: utilisation ${formatPercent(d.row.simulatedUtilisation)}, mean wait ${formatHours(d.row.simulatedMeanWaitHours)}`;
  return saveable(Plot.plot({
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: {label: "Hour of the week (UTC) →", domain: [0, 168], ticks: [0, 24, 48, 72, 96, 120, 144], tickFormat: (h: number) => DAYS[h / 24] ?? "", grid: true},
    y: mode === "utilisation" ? {label: "↑ Share of working time on cases (%)", percent: true, grid: true, domain: [0, 100 * CAP]} : {label: "↑ Reviewers", grid: true, nice: true},
    color: {domain: series.map((s) => s.key), range: ["#ef8a62", "var(--theme-foreground-focus)", "#6a3d9a"], legend: true},
    marks: [
      mode === "utilisation" ? Plot.ruleY([1], {stroke: "var(--theme-foreground)", strokeDasharray: "4,3"}) : null,
      Plot.line(long, {x: "interval", y: "value", stroke: "key", curve: "step-after", strokeWidth: 1.5}),
      Plot.tip(long, Plot.pointerX({x: "interval", y: "value", stroke: "key", title: tip}))
    ],
    caption: mode === "utilisation" ? `Dashed: 100%. Erlang C's occupancy is drawn up to ${formatPercent(CAP, 0)}: above 100% its queue cannot be stable.` : undefined
  }), {name: "interval", rows: data});
}
