import {decomposeChange, type ChangeShare, type Decomposition} from "./decomposeChange.js";

/** Weekly reports of one surface and one kind of sender (ground truth: ring member or not). */
export interface SegmentRow {
  week: string;
  surface: "message" | "post_comment";
  sender: "ring" | "other";
  reports: number;
  violations: number;
  aiRaised: number;
}

export const RISE_COMPONENTS = [
  {id: "adoption", short: "Feature adoption", label: "Feature adoption: reports on direct messages of accounts outside rings"},
  {id: "attacker", short: "Attacker activity", label: "Attacker activity: reports on content of ring accounts (ground truth)"},
  {id: "baseline", short: "Everything else", label: "Everything else: posts and comments of accounts outside rings"}
] as const;

export type RiseComponent = ChangeShare & {label: string; short: string};

/** Sum of a segment column over a week, optionally for one surface and one sender. */
export function segmentTotal(segments: readonly SegmentRow[], week: string, surface: SegmentRow["surface"] | null, sender: SegmentRow["sender"] | null, key: "reports" | "violations" | "aiRaised" = "reports"): number {
  let total = 0;
  for (const s of segments) if (s.week === week && (surface === null || s.surface === surface) && (sender === null || s.sender === sender)) total += s[key];
  return total;
}

/**
 * The change in reports from one week to another, split into feature adoption (direct messages of
 * accounts outside rings), attacker activity (everything ring accounts posted) and the rest (posts and
 * comments outside rings). The three are disjoint and cover every report.
 */
export function riseComponents(segments: readonly SegmentRow[], week: string, previous: string): Decomposition & {parts: RiseComponent[]} {
  const values: Record<string, [number, number]> = {
    adoption: [segmentTotal(segments, previous, "message", "other"), segmentTotal(segments, week, "message", "other")],
    attacker: [segmentTotal(segments, previous, null, "ring"), segmentTotal(segments, week, null, "ring")],
    baseline: [segmentTotal(segments, previous, "post_comment", "other"), segmentTotal(segments, week, "post_comment", "other")]
  };
  const d = decomposeChange(RISE_COMPONENTS.map((c) => ({id: c.id, previous: values[c.id][0], current: values[c.id][1]})));
  return {...d, parts: d.parts.map((p, i) => ({...p, label: RISE_COMPONENTS[i].label, short: RISE_COMPONENTS[i].short}))};
}
