/**
 * The raw-events page's rows: the event log's daily counts summed over the period and per event type,
 * and the sampled accounts ordered by their cohort stratum for the account picker.
 */

export interface EventCount {
  date: Date;
  event_type: string;
  events: number;
  /** Ground truth: events whose content or triggering action was abusive. */
  abusive: number;
}

export interface EventTypeTotal {
  event_type: string;
  events: number;
  abusive: number;
}

export interface EventSummary {
  total: number;
  abusive: number;
  /** Per event type, the most frequent first. */
  byType: EventTypeTotal[];
  /** First and last day with counts, as UTC day strings. */
  first: string;
  last: string;
}

/** Totals of the daily counts: all events, abusive ones, per type (most frequent first) and the days they span. */
export function summarizeEvents(counts: readonly EventCount[]): EventSummary {
  if (counts.length === 0) throw new Error("invalid counts: no days");
  const types = new Map<string, EventTypeTotal>();
  for (const r of counts) {
    const e = types.get(r.event_type) ?? {event_type: r.event_type, events: 0, abusive: 0};
    e.events += r.events;
    e.abusive += r.abusive;
    types.set(r.event_type, e);
  }
  const times = counts.map((d) => d.date.getTime());
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return {
    total: counts.reduce((s, d) => s + d.events, 0),
    abusive: counts.reduce((s, d) => s + d.abusive, 0),
    byType: [...types.values()].sort((a, b) => b.events - a.events),
    first: day(Math.min(...times)),
    last: day(Math.max(...times))
  };
}

/** Each type's total with its share of all events and the share of its events that were abusive. */
export function eventTypeRows(byType: readonly EventTypeTotal[], total: number): (EventTypeTotal & {share: number; abusive_share: number})[] {
  return byType.map((d) => ({...d, share: d.events / total, abusive_share: d.abusive / d.events}));
}

/** The distinct accounts of the sample, by cohort stratum, then by id; an account without a stratum sorts by id alone. */
export function orderSampleAccounts(sample: readonly {user_id: string}[], stratumOf: ReadonlyMap<string, string>): string[] {
  const users = [...new Set(sample.map((d) => d.user_id))];
  return users.sort((a, b) => {
    const [sa, sb] = [stratumOf.get(a), stratumOf.get(b)];
    return sa !== undefined && sb !== undefined && sa !== sb ? (sa < sb ? -1 : 1) : a < b ? -1 : 1;
  });
}
