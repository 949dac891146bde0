import * as d3 from "d3";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface DonutOptions {
  width?: number;
  height?: number;
  /** Field of the category and of the value. */
  label: string;
  value?: string;
  color: {domain: unknown[]; range: string[]; tickFormat?: (v: any) => string};
  /** Text in the hole, e.g. the headline share. */
  centre?: string;
}

/**
 * A donut (the moderator-session dashboard shows its sound status as a pie): one arc per category in the palette's colours,
 * each with a tooltip (SVG title) and a legend row with count and share. Plot has no arc mark, so this
 * one is drawn with d3.
 */
export function donutChart(rows: readonly Record<string, unknown>[], {width: requested = 320, height = 220, label, value = "count", color, centre}: DonutOptions): HTMLDivElement {
  // A layout pass can hand resize() a sliver of a width; the radius must stay positive.
  const width = Math.max(requested, 240);
  const total = rows.reduce((s, d) => s + Number(d[value]), 0);
  const name = (v: unknown) => (color.tickFormat ? color.tickFormat(v) : String(v));
  const scale = d3.scaleOrdinal<string, string>(color.domain.map(String), color.range);
  const fill = (v: unknown) => scale(String(v));
  const share = (d: Record<string, unknown>) => formatPercent(total > 0 ? Number(d[value]) / total : NaN);
  const legendText = (d: Record<string, unknown>) => `${name(d[label])}: ${formatCount(Number(d[value]))} (${share(d)})`;
  // About 7 px a character at 12 px: when the legend cannot sit beside the donut, it goes below it.
  const legendWidth = 18 + 7 * Math.max(0, ...rows.map((d) => legendText(d).length));
  const beside = Math.min(height, width / 2) + 20 + legendWidth <= width;
  const radius = beside ? Math.min(height, width / 2) / 2 - 4 : Math.min(height, width) / 2 - 4;
  const fullHeight = beside ? height : 2 * radius + 16 + rows.length * 20;
  const svg = d3.create("svg").attr("width", width).attr("height", fullHeight).attr("viewBox", [0, 0, width, fullHeight]).attr("role", "img").style("max-width", "100%").style("font", "12px var(--sans-serif, sans-serif)");
  const g = svg.append("g").attr("transform", beside ? `translate(${radius + 4},${height / 2})` : `translate(${width / 2},${radius + 4})`);
  const arcs = d3.pie<Record<string, unknown>>().sort(null).value((d) => Number(d[value]))(rows as Record<string, unknown>[]);
  const arc = d3.arc<d3.PieArcDatum<Record<string, unknown>>>().innerRadius(radius * 0.58).outerRadius(radius);
  g.selectAll("path")
    .data(arcs)
    .join("path")
    .attr("d", arc)
    .attr("fill", (d) => fill(d.data[label]))
    .attr("stroke", "var(--theme-background)")
    .append("title")
    .text((d) => `${name(d.data[label])}: ${formatCount(Number(d.data[value]))} (${share(d.data)})`);
  if (centre) g.append("text").attr("text-anchor", "middle").attr("dy", "0.35em").attr("fill", "currentColor").style("font-size", "16px").style("font-weight", "600").text(centre);
  const legend = svg.append("g").attr("transform", beside ? `translate(${2 * radius + 20},${height / 2 - (rows.length * 20) / 2})` : `translate(4,${2 * radius + 16})`);
  rows.forEach((d, i) => {
    const row = legend.append("g").attr("transform", `translate(0,${i * 20})`);
    row.append("rect").attr("width", 12).attr("height", 12).attr("fill", fill(d[label]));
    row.append("text").attr("x", 18).attr("y", 10).attr("fill", "currentColor").text(legendText(d));
    row.append("title").text(`${name(d[label])}: ${formatCount(Number(d[value]))} of ${formatCount(total)}`);
  });
  return saveable(svg.node()!, {name: "donut", rows});
}
