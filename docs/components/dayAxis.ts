import {utcFormat} from "d3";

const DAY_MS = 86_400_000;
const label = utcFormat("%b %-d");

/**
 * The x scale of a chart of UTC days. Left to itself, Plot ticks a short range at noon ("12 PM"); here
 * ticks fall on whole days, about one per `spacing` px, counted back from the last day. Ranges too long
 * for a tick a week keep Plot's own ticks (weeks and months, always at midnight).
 */
export function dayAxis(days: readonly Date[], width = 640, {spacing = 80}: {spacing?: number} = {}) {
  if (days.length === 0) return {type: "utc" as const, label: null};
  const t = days.map((d) => d.getTime());
  const first = Math.min(...t);
  const last = Math.max(...t);
  const n = Math.round((last - first) / DAY_MS) + 1;
  const fit = Math.max(2, Math.floor(width / spacing));
  if (n > 7 * fit) return {type: "utc" as const, label: null};
  const step = Math.ceil(n / fit);
  const ticks: Date[] = [];
  for (let x = last; x >= first; x -= step * DAY_MS) ticks.unshift(new Date(x));
  return {type: "utc" as const, label: null, ticks, tickFormat: label};
}
