/**
 * Scores flagged days against the days the world knows something happened on (ground truth): how many
 * flagged days are explained (precision) and how many event days were flagged (recall).
 */
export interface DayScore {
  flagged: number;
  explained: number;
  events: number;
  caught: number;
  /** explained / flagged; NaN when nothing is flagged. */
  precision: number;
  /** caught / events; NaN when there is no event day. */
  recall: number;
}

export function scoreDays(dates: readonly string[], flagged: readonly boolean[], isEvent: (date: string) => boolean): DayScore {
  if (dates.length !== flagged.length) throw new Error(`length mismatch: ${dates.length} dates, ${flagged.length} flags`);
  let f = 0;
  let explained = 0;
  let events = 0;
  let caught = 0;
  dates.forEach((d, i) => {
    const event = isEvent(d);
    if (event) events++;
    if (flagged[i]) {
      f++;
      if (event) {
        explained++;
        caught++;
      }
    }
  });
  return {flagged: f, explained, events, caught, precision: f ? explained / f : NaN, recall: events ? caught / events : NaN};
}
