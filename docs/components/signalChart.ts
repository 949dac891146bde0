import * as Plot from "@observablehq/plot";
import {utcDate as asDate} from "../lib/core/calendar.js";
import {formatCount, formatDay} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;
const DAY = 86_400_000;

export interface SignalDay {
  date: string | Date;
  value: number;
  /** A ground-truth attack day. */
  attack: boolean;
}

export interface SignalSpikeDay extends SignalDay {
  /** The signal spiked that day (its layer-2 alarm). */
  spike: boolean;
}

/**
 * Size, margins and scales of a signal chart, from its days alone, so that its two layers (the signal,
 * then its spikes) line up: the domains are those Plot infers from the signal layer's marks.
 */
function signalFrame(rows: readonly SignalDay[], width: number | undefined, height: number) {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, 0, 0];
  for (const d of rows) {
    const t = asDate(d.date).getTime();
    const half = d.attack ? DAY / 2 : 0;
    x0 = Math.min(x0, t - half);
    x1 = Math.max(x1, t + half);
    if (Number.isFinite(d.value)) [y0, y1] = [Math.min(y0, d.value), Math.max(y1, d.value)];
  }
  return {
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginTop: 20,
    marginRight: 20,
    marginBottom: 30,
    marginLeft: 50,
    x: {type: "utc" as const, domain: rows.length ? [new Date(x0), new Date(x1)] : undefined},
    y: {domain: [y0, y1]}
  };
}

/**
 * One secondary signal over time: its daily value and the attack days (shaded). Its spikes are a layer
 * of their own (signalSpikesChart, drawn over this one), so that a detector's input redraws only them.
 */
export function signalChart(rows: readonly SignalDay[], {width, height = 180, label}: {width?: number; height?: number; label: string}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const frame = signalFrame(rows, width, height);
  return saveable(Plot.plot({
    ...frame,
    x: {...frame.x, label: null},
    y: {...frame.y, grid: true, label},
    marks: [
      Plot.rectX(data.filter((d) => d.attack), {x1: (d: (typeof data)[number]) => new Date(d.date.getTime() - DAY / 2), x2: (d: (typeof data)[number]) => new Date(d.date.getTime() + DAY / 2), fill: "#3ca951", fillOpacity: 0.18}),
      Plot.lineY(data, {x: "date", y: "value", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.2})
    ]
  }), {name: "signal", rows: data});
}

/** The spikes layer of signalChart, on the same frame without axes: red dots on spike days, and the tooltip. */
export function signalSpikesChart(rows: readonly SignalSpikeDay[], {width, height = 180}: {width?: number; height?: number} = {}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const frame = signalFrame(rows, width, height);
  return Plot.plot({
    ...frame,
    x: {...frame.x, axis: null},
    y: {...frame.y, axis: null},
    marks: [
      Plot.dot(data.filter((d) => d.spike), {x: "date", y: "value", fill: "#b2182b", r: 3.5}),
      Plot.tip(data, Plot.pointerX({x: "date", y: "value", title: (d: (typeof data)[number]) => `${formatDay(d.date)}: ${formatCount(d.value)}${d.spike ? "\nspike" : ""}${d.attack ? "\nattack day (ground truth)" : ""}`}))
    ]
  });
}
