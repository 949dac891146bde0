import * as Plot from "@observablehq/plot";
import {interpolateRdBu, rgb} from "d3";
import {CATEGORIES} from "../lib/core/constants.js";
import {label} from "./palette.js";
import type {WeekChange} from "../lib/ops/weekOverWeek.js";
import {formatChange, formatCount} from "../lib/core/format.js";
import {safeHref} from "../lib/io/safeHref.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** One key's week against the week before (src/ops/weekOverWeek.ts). */
export type WeekChangeRow = WeekChange;

/** Black or white, whichever reads better on the cell colour of `change` (reversed RdBu over ±limit); the text colour on a cell without a value. */
function labelColor(change: number, limit: number): string {
  if (!Number.isFinite(change)) return "currentColor";
  const t = Math.max(0, Math.min(1, (change + limit) / (2 * limit)));
  const {r, g, b} = rgb(interpolateRdBu(1 - t));
  const linear = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance > 0.179 ? "#000" : "#fff";
}

/**
 * Week-over-week change of flags per category: one cell per week (columns, labelled by the week's
 * last day) and category (rows); red is a rise, blue a fall. Each label is black or white,
 * whichever contrasts more with its cell (the cells' colours are the same in both themes). The first week has no previous week.
 * `link` makes each cell a link (drill-through to its flags), through safeHref.
 */
export function weekOverWeekChart(rows: readonly WeekChangeRow[], {width, height, link}: {width?: number; height?: number; link?: (d: WeekChangeRow) => string} = {}) {
  const data = rows.filter((d) => Number.isFinite(d.previous));
  const keys = CATEGORIES.filter((k) => data.some((d) => d.key === k));
  const limit = Math.max(0.25, Math.min(1, Math.max(...data.map((d) => (Number.isFinite(d.change) ? Math.abs(d.change) : 0)))));
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 60 + 34 * keys.length,
    marginLeft: 120,
    marginBottom: 40,
    padding: 0.06,
    x: {type: "band", label: "Week ending", tickFormat: (d: string) => d.slice(5), tickRotate: -30},
    y: {domain: keys, label: null, tickFormat: label},
    color: {type: "diverging", scheme: "RdBu", reverse: true, domain: [-limit, limit], clamp: true, legend: true, label: "Change against the week before", tickFormat: "+.0%", ticks: [-limit / 2, 0, limit / 2]},
    marks: [
      Plot.cell(data, {
        x: "end",
        y: "key",
        fill: "change",
        // With link, each cell is a link to its flags (focusable, named for screen readers).
        ...(link ? {href: (d: WeekChangeRow) => safeHref(link(d)), ariaLabel: (d: WeekChangeRow) => `${label(d.key)}, ${d.start} to ${d.end}: ${formatCount(d.count)} flags; open them`} : {}),
        tip: {format: {x: false, y: false, fill: false}},
        channels: {
          Category: {value: (d: WeekChangeRow) => label(d.key)},
          Week: {value: (d: WeekChangeRow) => `${d.start} to ${d.end}`},
          Flags: {value: (d: WeekChangeRow) => `${formatCount(d.count)} (week before ${formatCount(d.previous)})`},
          Change: {value: (d: WeekChangeRow) => formatChange(d.change)}
        }
      }),
      Plot.text(data, {x: "end", y: "key", text: (d: WeekChangeRow) => formatChange(d.change, 0), fill: (d: WeekChangeRow) => labelColor(d.change, limit), fontSize: 10})
    ]
  }), {name: "week over week", rows: data});
}
