import {formatCount, formatNumber, formatPercent} from "../core/format.js";
import {median} from "../core/quantile.js";
import {addDays} from "../core/calendar.js";
import type {DayRow, IncidentReview} from "./reviewIncident.js";

/** A page where a reader can see the incident: the settings to choose there and what they show. */
export interface IncidentView {
  /** Page path relative to the docs root, without extension ("./ops/classifier"). */
  link: string;
  title: string;
  /** The page's inputs to set, in the page's own words. */
  settings: string;
  /** What the page then shows, with the figures it shows. */
  shows: string;
  /** Whether the page's charts single the incident out (false: the page shows that its signal misses it). */
  visible: boolean;
}

const sum = (rows: readonly DayRow[], value: (d: DayRow) => number) => rows.reduce((s, d) => s + value(d), 0);

/**
 * The pages whose charts show the incident, measured on the review's own daily rows so that every
 * figure named here is the figure the page shows for those settings:
 * - classifier health (flags scored at or above the policy's auto-block threshold are exactly the
 *   auto-blocks, since routing blocks every such score): benign items blocked and precision on the
 *   incident's days against the baseline days;
 * - flag volume, only when the incident's days carry more flags of the category than any baseline day;
 * - anomalies, on the category's daily reports: whether volume singles the incident out or not.
 */
export function incidentViews(review: IncidentReview): IncidentView[] {
  const {spec, options: o, days} = review;
  const startDate = spec.start.slice(0, 10);
  const endDate = spec.end.slice(0, 10);
  const baseFrom = addDays(startDate, -o.baselineDays);
  const baseTo = addDays(startDate, -1);
  const during = days.filter((d) => d.date >= startDate && d.date <= endDate);
  const base = days.filter((d) => d.date >= baseFrom && d.date <= baseTo);
  if (during.length === 0 || base.length === 0) return [];
  const name = spec.category.replace(/_/g, " ");
  const label = name[0].toUpperCase() + name.slice(1);

  const blocks = sum(during, (d) => d.autoBlocks);
  const wrongful = sum(during, (d) => d.wrongfulBlocks);
  const baseBlocks = sum(base, (d) => d.autoBlocks);
  const baseWrongful = sum(base, (d) => d.wrongfulBlocks);
  const precision = blocks ? 1 - wrongful / blocks : NaN;
  const basePrecision = baseBlocks ? 1 - baseWrongful / baseBlocks : NaN;

  const peak = during.reduce((a, d) => (d.flags > a.flags ? d : a));
  const baseMax = Math.max(...base.map((d) => d.flags));
  const baseMedian = median(base.map((d) => d.flags));
  const volumeVisible = peak.flags > baseMax;
  const flagCounts = during.map((d) => formatCount(d.flags)).join(" and ");

  const views: IncidentView[] = [
    {
      link: "./ops/classifier",
      title: "Classifier health",
      settings: `Category ${label}, From ${startDate}, To ${endDate}`,
      shows: `its auto-blocking cards at the policy threshold count ${wrongful} benign items blocked and a precision of ${formatPercent(precision, 1)} (${blocks} blocks); over the ${o.baselineDays} days before (${baseFrom} to ${baseTo}) the same cards read ${baseWrongful} and ${formatPercent(basePrecision, 1)}`,
      visible: wrongful > baseWrongful * (during.length / base.length) && precision < basePrecision
    }
  ];
  if (volumeVisible) {
    views.push({
      link: "./ops/flags",
      title: "Flag volume",
      settings: `Categories: ${label} only, a range around ${startDate}`,
      shows: `daily ${name} flags peak at ${peak.flags} on ${peak.date}, above every day of the ${o.baselineDays} before (highest ${baseMax})`,
      visible: true
    });
  }
  views.push({
    link: "./anomalies",
    title: "Anomalies",
    settings: `Series "Category: ${label}"`,
    shows: volumeVisible
      ? `the incident's days carry ${flagCounts} ${name} reports, above every day of the ${o.baselineDays} before (highest ${baseMax})`
      : `the incident's days carry ${flagCounts} ${name} reports, within the ${o.baselineDays} days before (median ${formatNumber(baseMedian, Number.isInteger(baseMedian) ? 0 : 1)}, highest ${baseMax}): report volume does not single this incident out, which is why its detector watches auto-blocks`,
    visible: volumeVisible
  });
  return views;
}
