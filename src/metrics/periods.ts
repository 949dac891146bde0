import {addDays, dateRange, daysBetween} from "../world/calendar.js";
import {END_DATE, START_DATE} from "../world/constants.js";

export interface Period {
  label: string;
  from: string;
  to: string;
}

/** The period of equal length that ends the day before `from`: what a KPI card compares with. */
export function previousPeriod(from: string, to: string): Period {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new Error(`invalid period: ${from} to ${to}`);
  return {label: "previous period", from: addDays(from, -days), to: addDays(from, -1)};
}

/** Whether a period lies inside the simulated calendar (a comparison with days before it would be partial). */
export function withinCalendar(p: {from: string; to: string}): boolean {
  return p.from >= START_DATE && p.to <= END_DATE && p.from <= p.to;
}

/** The calendar's two quarters of three months each: Mar–May and Jun–Aug. */
export function quarters(): Period[] {
  const months = [...new Set(dateRange().map((d) => d.slice(0, 7)))];
  const half = Math.ceil(months.length / 2);
  const lastDay = (month: string) => dateRange(`${month}-01`, END_DATE).filter((d) => d.startsWith(month)).at(-1)!;
  const name = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleString("en-US", {month: "short", timeZone: "UTC"});
  return [months.slice(0, half), months.slice(half)].map((ms, i) => ({label: `Q${i + 1} (${name(ms[0])}–${name(ms.at(-1)!)})`, from: `${ms[0]}-01`, to: lastDay(ms.at(-1)!)}));
}

/** The calendar's months as periods. */
export function months(): Period[] {
  const ms = [...new Set(dateRange().map((d) => d.slice(0, 7)))];
  return ms.map((m) => {
    const days = dateRange(START_DATE, END_DATE).filter((d) => d.startsWith(m));
    return {label: new Date(`${m}-01T00:00:00Z`).toLocaleString("en-US", {month: "long", timeZone: "UTC"}), from: days[0], to: days.at(-1)!};
  });
}
