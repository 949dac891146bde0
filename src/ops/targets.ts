import {REVIEW} from "../core/params.js";

/**
 * The ops targets. The analyst role profile's time-to-action (TTA) targets for high-severity cases: P50 under 1 hour
 * and P90 under 8 hours. The SLA of the review operation (the world's): high and critical cases
 * decided within 24 hours; a case over it is an SLA breach.
 */
export const TTA_TARGETS: readonly {p: number; hours: number; label: string}[] = [
  {p: 0.5, hours: 1, label: "P50 < 1 h"},
  {p: 0.9, hours: 8, label: "P90 < 8 h"}
];

export const SLA_HOURS: number = REVIEW.slaHours;

/** The severities the SLA and the TTA targets apply to. */
export const URGENT_SEVERITIES: readonly string[] = ["critical", "high"];

/**
 * Alert levels of the weekly summary's risks, each with where it comes from. A risk's ratio is how
 * far its metric is past the level (1 = at the level); the summary ranks risks by it.
 */
export const ALERT_LEVELS = {
  /** Share of high/critical human-reviewed cases over the SLA the workbook accepts (95% adherence). */
  slaBreachRate: 0.05,
  /** Auto-block precision below this is a risk (the analyst role profile: > 85–95% for mature detectors). */
  autoBlockPrecision: 0.85,
  /** Drift alert: the 7-day mean score on true violations below this (the T&S ops dashboard's baseline 0.86 minus 0.06). */
  driftScore: 0.8
} as const;
