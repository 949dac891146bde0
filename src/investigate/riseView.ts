import {addDays} from "../core/calendar.js";
import {formatChange, formatCount, formatPercent} from "../core/format.js";
import {casesQuery} from "../explore/cases.js";
import {weekRange} from "../ops/range.js";
import type {Decomposition} from "./decomposeChange.js";
import {RISE_COMPONENTS, riseComponents, type RiseComponent, type SegmentRow} from "./riseComponents.js";
import type {WeekRow} from "./spikeTypes.js";

/** The investigation page's view of one week's rise: what its chart, its sentence and its links read. */

/** One part's reports in one week, and the case view that lists exactly them. */
export interface PartWeek {
  week: string;
  count: number;
  href: string;
  /** The link's name for a screen reader: its text alone (a count) says too little. */
  label: string;
}

export interface PartLinks {
  short: string;
  previous: PartWeek;
  current: PartWeek;
}

export interface RiseView extends Decomposition {
  week: string;
  previousWeek: string;
  parts: RiseComponent[];
  links: PartLinks[];
}

/** The case view's address for one part's reports of a week, the week cut to the calendar. */
export function partCasesHref(part: (typeof RISE_COMPONENTS)[number], week: string): string {
  return `./cases.html${casesQuery({...weekRange(week), surface: part.surface ?? undefined, sender: part.sender})}`;
}

/** A week's reports against the week before, split into its three parts, each linked to its reports in both weeks. */
export function riseView(segments: readonly SegmentRow[], week: string): RiseView {
  const previousWeek = addDays(week, -7);
  const split = riseComponents(segments, week, previousWeek);
  const at = (c: (typeof RISE_COMPONENTS)[number], count: number, w: string): PartWeek => ({week: w, count, href: partCasesHref(c, w), label: `Open the ${formatCount(count)} reports of the week of ${w}: ${c.label}`});
  const links = RISE_COMPONENTS.map((c, i) => ({short: c.short, previous: at(c, split.parts[i].previous, previousWeek), current: at(c, split.parts[i].current, week)}));
  return {...split, week, previousWeek, links};
}

/** "1,000 → 1,400 reports (+40.0%); adoption 50%, attacker 50%, everything else 0% of the change". */
export function riseText(rise: Decomposition): string {
  const [adoption, attacker, rest] = rise.parts.map((p) => formatPercent(p.share, 0));
  return `${formatCount(rise.previous)} → ${formatCount(rise.current)} reports (${formatChange(rise.change, 1)}); adoption ${adoption}, attacker ${attacker}, everything else ${rest} of the change`;
}

/** The weeks that can be compared with the week before (a finite change), each under its label "2025-06-23 (+40%)". */
export function weekChoices(weeks: readonly WeekRow[]): Map<string, string> {
  return new Map(weeks.filter((w) => w.change !== null && Number.isFinite(w.change)).map((w) => [`${w.week} (${formatChange(w.change, 0)})`, w.week]));
}
