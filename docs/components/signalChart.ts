import * as Plot from "@observablehq/plot";
import {utcDate as asDate} from "../lib/world/calendar.js";

// One formatter for every tip title (Plot computes them all on each render; toLocaleString builds a
// formatter per call, which was the largest cost of moving this chart's input).
const EN_US = new Intl.NumberFormat("en-US");

const MIN_WIDTH = 320;

export interface SignalDay {
  date: string | Date;
  value: number;
  /** The signal spiked that day (its layer-2 alarm). */
  spike: boolean;
  /** A ground-truth attack day. */
  attack: boolean;
}

/** One secondary signal over time: its daily value, its spikes (red dots) and the attack days (shaded). */
export function signalChart(rows: readonly SignalDay[], {width, height = 180, label}: {width?: number; height?: number; label: string}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const DAY = 86_400_000;
  return Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: {type: "utc", label: null},
    y: {grid: true, label, zero: true},
    marks: [
      Plot.rectX(data.filter((d) => d.attack), {x1: (d: (typeof data)[number]) => new Date(d.date.getTime() - DAY / 2), x2: (d: (typeof data)[number]) => new Date(d.date.getTime() + DAY / 2), fill: "#3ca951", fillOpacity: 0.18}),
      Plot.lineY(data, {x: "date", y: "value", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.2}),
      Plot.dot(data.filter((d) => d.spike), {x: "date", y: "value", fill: "#b2182b", r: 3.5}),
      Plot.tip(data, Plot.pointerX({x: "date", y: "value", title: (d: (typeof data)[number]) => `${d.date.toISOString().slice(0, 10)}: ${EN_US.format(d.value)}${d.spike ? "\nspike" : ""}${d.attack ? "\nattack day (ground truth)" : ""}`}))
    ]
  });
}
