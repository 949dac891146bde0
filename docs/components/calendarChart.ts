import * as Plot from "@observablehq/plot";
import {formatDay} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface CalendarRow {
  date: Date;
  day_of_week: number;
  day_name: string;
  is_weekend: boolean;
  month: string;
}

export interface CalendarChartOptions {
  width?: number;
  height?: number;
}

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The simulated days as a calendar: one column per week, one row per weekday. Weeks start on Monday
 * so that the Friday-to-Sunday weekend forms one band.
 */
export function calendarChart(rows: readonly CalendarRow[], {width, height = 190}: CalendarChartOptions = {}) {
  const weekOf = (d: CalendarRow) => formatDay(new Date(d.date.getTime() - ((d.day_of_week + 6) % 7) * DAY_MS));
  const dayNames = new Map(rows.map((d) => [d.day_of_week, d.day_name]));
  // A week is labelled with a month when that month starts in it (or the data does).
  const monthLabels = new Map<string, string>();
  rows.forEach((d, i) => {
    if (i === 0 || d.date.getUTCDate() === 1) monthLabels.set(weekOf(d), MONTHS[d.date.getUTCMonth()]);
  });
  return saveable(Plot.plot({
    width,
    height,
    padding: 0.1,
    x: {type: "band", label: null, tickFormat: (week: string) => monthLabels.get(week) ?? "", tickSize: 0},
    y: {domain: [1, 2, 3, 4, 5, 6, 0], label: null, tickFormat: (d: number) => dayNames.get(d) ?? "", tickSize: 0},
    color: {
      legend: true,
      domain: [false, true],
      range: ["var(--theme-foreground-fainter)", "var(--theme-foreground-focus)"],
      tickFormat: (w: boolean) => (w ? "Weekend (Fri–Sun)" : "Weekday")
    },
    marks: [
      Plot.cell(rows, {
        x: weekOf,
        y: "day_of_week",
        fill: "is_weekend",
        title: (d: CalendarRow) => `${d.day_name} ${formatDay(d.date)}\n${d.is_weekend ? "Weekend (Fri–Sun)" : "Weekday"}`,
        tip: true
      })
    ]
  }), {name: "calendar", rows});
}
