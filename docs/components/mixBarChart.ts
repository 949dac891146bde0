import * as Plot from "@observablehq/plot";
import {describeMixPart, type MixPart} from "../lib/metrics/mixes.js";
import {saveable} from "./chartSave.js";
import {safeHref} from "../lib/io/safeHref.js";

/** Rows as src/metrics/mixes.ts computes them. */
export type MixBarRow = MixPart;

export interface MixBarChartOptions {
  width?: number;
  height?: number;
  /** The palette scale of the parts (categoryColor, sourceColor or actionColor). */
  color: {domain: string[]; range: string[]; tickFormat?: (k: string) => string};
  /** Label of the groups' axis, e.g. "Country". */
  groupLabel?: string;
  /** What the shares are of, e.g. "reports". */
  of?: string;
  /** Group order; order of appearance when omitted. */
  order?: readonly string[];
  /** Label of a group on the axis, e.g. a category's name. */
  groupFormat?: (group: string) => string;
  /** Makes each bar segment a link (drill-through to its flags), through safeHref. */
  link?: (d: MixBarRow) => string;
}

/** A 100% stacked horizontal bar per group (country or category): the mix of its parts, with share and counts in the tooltip. */
export function mixBarChart(rows: readonly MixBarRow[], {width, height, color, groupLabel, of = "reports", order, groupFormat, link}: MixBarChartOptions) {
  const groups = order ?? [...new Set(rows.map((d) => d.group))];
  const name = (k: string) => color.tickFormat?.(k) ?? k;
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the left margin would overrun.
    width: Math.max(width ?? 640, 320),
    height: height ?? 60 + 28 * groups.length,
    marginLeft: 120,
    x: {label: `Share of ${of} (%) →`, percent: true, domain: [0, 100]},
    y: {label: groupLabel ?? null, domain: groups, tickFormat: groupFormat},
    color: {...color, legend: true},
    marks: [
      Plot.barX(rows, Plot.stackX({
        x: "share",
        y: "group",
        fill: "part",
        order: color.domain,
        // The x scale shows percents (×100), so the tip reads the share from the row, formatted once.
        title: (d: MixBarRow) => describeMixPart(d, {of, group: groupFormat?.(d.group) ?? d.group, part: name(d.part)}),
        tip: true,
        // With link, each segment is a link to its flags (focusable, named for screen readers).
        ...(link ? {href: (d: MixBarRow) => safeHref(link(d)), ariaLabel: (d: MixBarRow) => `${describeMixPart(d, {of, group: groupFormat?.(d.group) ?? d.group, part: name(d.part)}).replace("\n", ", ")}; open them`} : {})
      })),
      Plot.ruleX([0])
    ]
  }), {name: "mix bar", rows});
}
