import {html} from "htl";
import type {FlagView} from "../lib/ops/flagView.js";
import {formatChange, formatCount, formatDelta} from "../lib/core/format.js";
import {casesQuery} from "../lib/explore/cases.js";
import {ALL_REGIONS} from "../lib/ops/flagView.js";
import {kpiCard, statCard} from "./kpiCard.js";
import {label} from "./palette.js";
import {weekOverWeekChart} from "./weekOverWeekChart.js";

/** The flags page's cards and its week-over-week card body (src/ops/flagView.ts computes their figures). */

const SHARE_NOTES: Record<string, string> = {
  escalation_rate: "Flags triaged high or critical",
  auto_block_share: "Flags scored over the block threshold",
  human_review_share: "Flags routed to reviewers (see the queue)",
  coordinated_share: "Flags from attack rings (ground truth)"
};

/** Reports (or, under a category filter, flags), the escalation rate, and the latest week against the week before. */
export function flagCountCards({now, then, week, days}: FlagView): HTMLElement[] {
  const perDay = (n: number | null) => `${formatCount((n ?? 0) / days)} a day on average`;
  return [
    now.reports ? kpiCard(now.reports, {previous: then?.reports, note: perDay(now.reports.value)}) : statCard({title: "Flags in the chosen categories", value: now.flags, format: formatCount, previous: then?.flags, kind: "count", note: perDay(now.flags)}),
    kpiCard(now.shares[0], {previous: then?.shares[0], note: SHARE_NOTES[now.shares[0].id]}),
    statCard({title: "Latest week vs the week before", value: week ? week.change : NaN, format: formatChange, kind: "level", note: week ? `${formatCount(week.count)} flags in the week to ${week.end}, ${Number.isFinite(week.previous) ? `${formatCount(week.previous)} the week before` : "no week before it in the data"}` : "The range is shorter than a week"}),
    statCard({title: "Largest weekly rise", value: week?.riser ? week.riser.count - week.riser.previous : NaN, format: (x) => formatDelta(x, "count"), kind: "level", note: week?.riser ? `${label(week.riser.key)}: ${formatCount(week.riser.count)} flags in the week to ${week.end} (${formatChange(week.riser.change)})` : "No week before the latest one to compare with"})
  ];
}

/** The other dictionary shares: auto-blocked, human-reviewed, coordinated. */
export function flagShareCards({now, then}: FlagView): HTMLElement[] {
  return now.shares.slice(1).map((figure, i) => kpiCard(figure, {previous: then?.shares[i + 1], note: SHARE_NOTES[figure.id]}));
}

/**
 * Each category's weeks against the week before, each cell opening its flags in the case view; a range
 * of under two weeks gets a note instead. `resize` redraws the chart at the card's width.
 */
export function weekChange({weeks}: FlagView, region: string, resize: (render: (width: number) => Node) => Node): Node {
  if (weeks.length <= 7) return html`<p class="muted">Choose a range of at least two weeks.</p>`;
  const link = (d: {start: string; end: string; key: string}) => `../cases.html${casesQuery({from: d.start, to: d.end, category: d.key, region: region === ALL_REGIONS ? undefined : region})}`;
  return resize((width) => weekOverWeekChart(weeks, {width, link}));
}
