import {erlangQueue, minServers, type StaffingTarget} from "./erlangC.js";
import {inRange, type DateRange} from "./range.js";

/**
 * Erlang C per interval, with shrinkage, against the simulated queue. Contact centres staff by interval
 * (here an hour of the week, UTC) because arrivals vary by hour and weekday: each interval's arrival
 * rate and the reviewers working the queue in it make their own M/M/c queue. The reviewers working the
 * queue are those rostered on shift times (1 - shrinkage): breaks, meal, wellness time, training and
 * meetings take the rest. Erlang C assumes each interval is in steady state; the simulated queue
 * carries its backlog from one hour to the next, which is what the comparison shows.
 */
export interface QueueHourRow {
  date: Date | string;
  hour: number;
  arrivals: number;
  wait_hours_sum: number;
  service_hours_sum: number;
  scheduled_hours: number;
  productive_hours: number;
  busy_hours: number;
}

export interface IntervalQueue {
  /** Interval index: hour of the week from Monday 00:00 UTC (0-167), or hour of the day (0-23). */
  interval: number;
  /** Hours of this interval in the range. */
  hours: number;
  arrivalRate: number;
  /** Reviewers on shift on average, and of them those working the queue at the given shrinkage. */
  onShift: number;
  servers: number;
  /** Erlang C with `servers` rounded to a whole reviewer (at least 1), at the range's mean case time. */
  predictedUtilisation: number;
  predictedWaitProbability: number;
  predictedMeanWaitHours: number;
  /** Reviewers on shift that Erlang C needs to meet the targets: servers needed / (1 - shrinkage). */
  neededOnShift: number;
  /** The simulated queue: mean wait of the cases that arrived in the interval, and busy / productive hours. */
  simulatedMeanWaitHours: number;
  simulatedUtilisation: number;
}

export type IntervalKind = "week" | "day";

/** Hour of the week from Monday 00:00 UTC, or hour of the day. */
export function intervalOf(date: Date | string, hour: number, kind: IntervalKind): number {
  if (kind === "day") return hour;
  const day = new Date(typeof date === "string" ? `${date.slice(0, 10)}T00:00:00Z` : date).getUTCDay();
  return ((day + 6) % 7) * 24 + hour;
}

/** Sums queue_hours rows in the range by interval, then runs Erlang C on each. */
export function intervalQueues(rows: readonly QueueHourRow[], range: DateRange, options: {shrinkage: number; targets: readonly StaffingTarget[]; kind?: IntervalKind}): IntervalQueue[] {
  const {shrinkage, targets, kind = "week"} = options;
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new Error(`invalid shrinkage: ${shrinkage} (expected a share in [0, 1))`);
  const size = kind === "week" ? 168 : 24;
  const sums = Array.from({length: size}, () => ({hours: 0, arrivals: 0, wait: 0, service: 0, scheduled: 0, productive: 0, busy: 0}));
  let arrivals = 0;
  let service = 0;
  for (const r of rows) {
    if (!inRange(r.date, range)) continue;
    const s = sums[intervalOf(r.date, r.hour, kind)];
    s.hours++;
    s.arrivals += r.arrivals;
    s.wait += r.wait_hours_sum;
    s.service += r.service_hours_sum;
    s.scheduled += r.scheduled_hours;
    s.productive += r.productive_hours;
    s.busy += r.busy_hours;
    arrivals += r.arrivals;
    service += r.service_hours_sum;
  }
  // One case time for every interval: a case raised at night is often opened in the morning.
  const serviceHours = arrivals > 0 ? service / arrivals : NaN;
  return sums.map((s, interval) => intervalQueue(interval, s, serviceHours, shrinkage, targets));
}

function intervalQueue(interval: number, s: {hours: number; arrivals: number; wait: number; scheduled: number; productive: number; busy: number}, serviceHours: number, shrinkage: number, targets: readonly StaffingTarget[]): IntervalQueue {
  const arrivalRate = s.hours > 0 ? s.arrivals / s.hours : NaN;
  const onShift = s.hours > 0 ? s.scheduled / s.hours : NaN;
  const servers = onShift * (1 - shrinkage);
  const ok = Number.isFinite(arrivalRate) && serviceHours > 0;
  const model = ok ? erlangQueue({servers: Math.max(1, Math.round(servers)), arrivalRate, serviceHours}) : null;
  const needed = ok && arrivalRate > 0 ? minServers({arrivalRate, serviceHours}, targets) : 0;
  return {
    interval,
    hours: s.hours,
    arrivalRate,
    onShift,
    servers,
    predictedUtilisation: ok && servers > 0 ? (arrivalRate * serviceHours) / servers : NaN,
    predictedWaitProbability: model ? model.probabilityWait : NaN,
    predictedMeanWaitHours: model ? (servers > 0 ? model.meanWaitHours : Infinity) : NaN,
    neededOnShift: needed / (1 - shrinkage),
    simulatedMeanWaitHours: s.arrivals > 0 ? s.wait / s.arrivals : NaN,
    simulatedUtilisation: s.productive > 0 ? s.busy / s.productive : NaN
  };
}
