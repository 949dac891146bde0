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

/** The three parts of a week's reports: which surface (null: any) and which sender each counts. */
export const RISE_COMPONENTS = [
  {id: "adoption", short: "Feature adoption", label: "Feature adoption: reports on direct messages of accounts outside rings", surface: "message", sender: "other"},
  {id: "attacker", short: "Attacker activity", label: "Attacker activity: reports on content of ring accounts (ground truth)", surface: null, sender: "ring"},
  {id: "baseline", short: "Everything else", label: "Everything else: posts and comments of accounts outside rings", surface: "post_comment", sender: "other"}
] as const satisfies readonly {id: string; short: string; label: string; surface: SegmentRow["surface"] | null; sender: SegmentRow["sender"]}[];

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
  const d = decomposeChange(RISE_COMPONENTS.map((c) => ({id: c.id, previous: segmentTotal(segments, previous, c.surface, c.sender), current: segmentTotal(segments, week, c.surface, c.sender)})));
  return {...d, parts: d.parts.map((p, i) => ({...p, label: RISE_COMPONENTS[i].label, short: RISE_COMPONENTS[i].short}))};
}
