import {formatCount, formatInterval, formatKpi, formatNumber, formatPercent} from "../core/format.js";
import {median} from "../core/quantile.js";
import type {TableName} from "../io/contracts.js";
import {columnsToRows} from "../io/export.js";
import type {Columns} from "../io/schema.js";
import {meetsTarget, type KpiTables} from "../metrics/computeKpi.js";
import {figureText} from "../metrics/describeKpi.js";
import {kpiDefinition} from "../metrics/definitions.js";
import {compareKpi, measureKpi, type KpiChange, type KpiFigure} from "../metrics/kpiFigure.js";
import {previousPeriod} from "../metrics/periods.js";
import {addDays} from "../core/calendar.js";

/**
 * The executive summary, computed from the published tables: posture over the last 30 days against
 * the 30 before, the dictionary's KPIs (src/metrics/definitions.ts, through measureKpi) against their
 * targets, the top priorities ranked by how far a figure's 95% interval lies past its alert level, and
 * the incidents. Every number and every choice of sentence comes from the data; the page only lays it
 * out. `analyseExecutive` returns the numbers, `executiveSummary` adds the prose.
 */

/** The dictionary KPIs on the home page, in card order. */
export const EXECUTIVE_KPIS = [
  "harm_prevalence",
  "tta_high_p50",
  "tta_high_p90",
  "median_response_time",
  "backlog_health",
  "qa_pass_rate",
  "proactive_share",
  "appeal_overturn_rate"
] as const;

export interface Kpi {
  current: KpiFigure;
  previous: KpiFigure;
  /** The dictionary's target, as text. */
  target: string;
  /** Whether the current value meets the target; null when the target has no check or no value. */
  met: boolean | null;
}

export interface Priority {
  id: string;
  title: string;
  detail: string;
  /** How far past its alert level the figure's interval lies, in multiples of the level (ranks priorities); 0 = not a priority. */
  gap: number;
  link: string;
}

/** A candidate priority the data does not support, and why (a change within noise, a figure on target). */
export interface Held {
  id: string;
  title: string;
  reason: string;
}

export interface Incident {
  id: string;
  window: string;
  detail: string;
  link: string;
}

export interface ExecutiveSummary {
  asOf: string;
  period: {start: string; end: string};
  previous: {start: string; end: string};
  posture: "elevated" | "guarded" | "stable";
  postureReason: string;
  kpis: Kpi[];
  priorities: Priority[];
  held: Held[];
  incidents: Incident[];
}

type Tables = Pick<Record<TableName, Columns>, "flags" | "daily_country" | "attacks"> & Partial<Pick<Record<TableName, Columns>, "flag_outcomes" | "flag_mix" | "tta_bins">>;

/** A mean with a 95% normal interval (for the classifier's mean score on true violations). */
export interface MeanFigure {
  value: number;
  lower: number;
  upper: number;
  n: number;
}

/** The figures of one window that are not dictionary KPIs: the classifier's score, the attacks. */
export interface WindowExtras {
  violationScore: MeanFigure;
  attacks: number;
  attackFlags: number;
}

export interface ExecutiveAnalysis {
  period: {from: string; to: string};
  previous: {from: string; to: string};
  figures: Record<string, {current: KpiFigure; previous: KpiFigure; change: KpiChange | null}>;
  extras: {current: WindowExtras; previous: WindowExtras};
}

/** Alert levels of the priorities: a share this far past them, by its whole interval, is a priority. */
export const PRIORITY_LEVELS = {backlogHealth: 0.05, coordinatedShare: 0.02, qaPass: 0.95} as const;

function meanFigure(values: readonly number[]): MeanFigure {
  const n = values.length;
  if (n === 0) return {value: NaN, lower: NaN, upper: NaN, n};
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : NaN;
  const half = (1.959964 * sd) / Math.sqrt(n);
  return {value: mean, lower: mean - half, upper: mean + half, n};
}

function windowExtras(tables: Tables, from: string, to: string): WindowExtras {
  const f = tables.flags as Record<string, ArrayLike<unknown>>;
  const scores: number[] = [];
  for (let i = 0; i < f.flag_id.length; i++) {
    const date = f.date[i] as string;
    if (date >= from && date <= to && f.is_violation[i]) scores.push(f.ml_score[i] as number);
  }
  const a = tables.attacks as Record<string, ArrayLike<unknown>>;
  const attacks = Array.from({length: a.attack_id.length}, (_, i) => i).filter((i) => (a.end_date[i] as string) >= from && (a.start_date[i] as string) <= to);
  return {violationScore: meanFigure(scores), attacks: attacks.length, attackFlags: attacks.reduce((s, i) => s + (a.flags[i] as number), 0)};
}

/** The summary's numbers: every dictionary KPI it quotes over the last 30 days and the 30 before. */
export function analyseExecutive(tables: Tables, asOf: string, {flagSampleRate = 1} = {}): ExecutiveAnalysis {
  const period = {from: addDays(asOf, -29), to: asOf};
  const previous = previousPeriod(period.from, period.to);
  const rows: KpiTables = {daily_country: columnsToRows(tables.daily_country), flags: columnsToRows(tables.flags), flagSampleRate};
  // The cubes of every flag, when given, answer the flag KPIs as on the ops pages.
  if (tables.flag_outcomes && tables.flag_mix) rows.flag_cubes = [columnsToRows(tables.flag_outcomes), columnsToRows(tables.flag_mix)];
  if (tables.tta_bins) rows.flag_bins = columnsToRows(tables.tta_bins);
  const figures: ExecutiveAnalysis["figures"] = {};
  for (const id of [...EXECUTIVE_KPIS, "tta_high_p90", "coordinated_share", "auto_block_share"]) {
    if (figures[id]) continue;
    const current = measureKpi(id, rows, period);
    const before = measureKpi(id, rows, {from: previous.from, to: previous.to});
    figures[id] = {current, previous: before, change: compareKpi(current, before)};
  }
  return {
    period,
    previous: {from: previous.from, to: previous.to},
    figures,
    extras: {current: windowExtras(tables, period.from, period.to), previous: windowExtras(tables, previous.from, previous.to)}
  };
}

const value = (f: KpiFigure) => f.value ?? NaN;
/** How far a share's interval lies past a level, in multiples of it: 0 unless the whole interval is past it. */
const pastAbove = (f: KpiFigure, level: number) => (f.lower !== null && f.lower > level ? f.lower / level : 0);
const pastBelow = (f: KpiFigure, level: number) => (f.upper !== null && f.upper < level ? (level - f.upper) / (1 - level) : 0);
const changeText = (c: KpiChange | null, f: KpiFigure) => (c ? `${c.text} on the previous 30 days' ${formatKpi(f.value, f.unit)}${c.overlap ? ": a change within noise, as the 95% intervals overlap" : ""}` : "no earlier figure");

/** How far each priority candidate is past its alert level (0: not past it), and whether the violation score moved within noise. */
export interface PriorityGaps {
  backlog: number;
  classifier: number;
  attacks: number;
  quality: number;
  scoreOverlap: boolean;
}

/** Each candidate's gap, by its rule: a share past its level by its whole 95% interval, a score fall beyond noise (per 0.01), an attack in the window. */
export function priorityGaps(a: ExecutiveAnalysis): PriorityGaps {
  const g = a.figures;
  const score = a.extras;
  const scoreOverlap = score.current.violationScore.lower <= score.previous.violationScore.upper && score.previous.violationScore.lower <= score.current.violationScore.upper;
  const scoreFell = score.current.violationScore.value < score.previous.violationScore.value;
  return {
    backlog: pastAbove(g.backlog_health.current, PRIORITY_LEVELS.backlogHealth),
    classifier: scoreFell && !scoreOverlap ? (score.previous.violationScore.value - score.current.violationScore.value) / 0.01 : 0,
    attacks: score.current.attacks ? pastAbove(g.coordinated_share.current, PRIORITY_LEVELS.coordinatedShare) : 0,
    quality: pastBelow(g.qa_pass_rate.current, PRIORITY_LEVELS.qaPass),
    scoreOverlap
  };
}

/** The priorities and the candidates the data does not support, from the analysis' figures and gaps. */
export function choosePriorities(a: ExecutiveAnalysis): {priorities: Priority[]; held: Held[]} {
  const g = a.figures;
  const backlog = g.backlog_health;
  const qa = g.qa_pass_rate;
  const coordinated = g.coordinated_share;
  const score = a.extras;
  const gaps = priorityGaps(a);
  const candidates: Priority[] = [
    {
      id: "backlog",
      title: "Clear the high-severity backlog",
      detail: `${figureText(backlog.current)} of high and critical cases waited over 24 h (${changeText(backlog.change, backlog.previous)}); P90 time to action is ${formatKpi(value(g.tta_high_p90.current), "hours")} against a target of 8 h.`,
      gap: gaps.backlog,
      link: "./ops/queue"
    },
    {
      id: "classifier",
      title: "Retrain or recalibrate the classifier",
      detail: `The mean score on true violations fell to ${formatNumber(score.current.violationScore.value, 3)} (95% CI ${formatNumber(score.current.violationScore.lower, 3)}–${formatNumber(score.current.violationScore.upper, 3)}, ${formatCount(score.current.violationScore.n)} violations) from ${formatNumber(score.previous.violationScore.value, 3)}; auto-blocks were ${figureText(g.auto_block_share.current)} of flags (${changeText(g.auto_block_share.change, g.auto_block_share.previous)}), pushing work onto reviewers.`,
      gap: gaps.classifier,
      link: "./ops/classifier"
    },
    {
      id: "attacks",
      title: "Harden coordinated-attack detection",
      detail: score.current.attacks
        ? `${score.current.attacks} coordinated attack${score.current.attacks > 1 ? "s" : ""} in the last 30 days raised ${formatCount(score.current.attackFlags)} flags; coordinated content drew ${figureText(coordinated.current)} of all flags.`
        : "No coordinated attack in the last 30 days.",
      gap: gaps.attacks,
      link: "./ops/attacks"
    },
    {
      id: "quality",
      title: "Raise decision quality",
      detail: `Reviewer decisions on high and critical cases agree with ground truth in ${figureText(qa.current)} against a 95% target (${changeText(qa.change, qa.previous)}); ${figureText(g.appeal_overturn_rate.current)} of appeals overturn the action.`,
      gap: gaps.quality,
      link: "./moderators"
    }
  ];
  const priorities = candidates.filter((p) => p.gap > 0).sort((x, y) => y.gap - x.gap).slice(0, 3);
  const held = candidates.filter((p) => p.gap <= 0).map((p) => ({id: p.id, title: p.title, reason: heldReason(p.id, a, gaps.scoreOverlap)}));
  return {priorities, held};
}

function heldReason(id: string, a: ExecutiveAnalysis, scoreOverlap: boolean): string {
  const g = a.figures;
  const s = a.extras;
  switch (id) {
    case "backlog":
      return `the 95% interval of the SLA breach rate (${formatInterval(g.backlog_health.current.lower, g.backlog_health.current.upper, "percent")}) reaches the ${formatPercent(PRIORITY_LEVELS.backlogHealth, 0)} alert level.`;
    case "classifier":
      return scoreOverlap
        ? `the mean score on true violations moved from ${formatNumber(s.previous.violationScore.value, 3)} to ${formatNumber(s.current.violationScore.value, 3)}: the difference is within noise (the 95% intervals overlap).`
        : `the mean score on true violations did not fall (${formatNumber(s.previous.violationScore.value, 3)} to ${formatNumber(s.current.violationScore.value, 3)}).`;
    case "attacks":
      return s.current.attacks
        ? `the coordinated share's 95% interval (${formatInterval(g.coordinated_share.current.lower, g.coordinated_share.current.upper, "percent")}) reaches the ${formatPercent(PRIORITY_LEVELS.coordinatedShare, 0)} alert level.`
        : "no coordinated attack in the last 30 days.";
    default:
      return `the QA pass rate's 95% interval (${formatInterval(g.qa_pass_rate.current.lower, g.qa_pass_rate.current.upper, "percent")}) reaches the ${formatPercent(PRIORITY_LEVELS.qaPass, 0)} target.`;
  }
}

/** Days from `from` on which automatic blocks of benign content ran far above their median day (over 5, and 4 × the median). */
export function wrongfulBlockDays(tables: Tables, from: string): {days: string[]; counts: number[]; typical: number} {
  const f = tables.flags as Record<string, ArrayLike<unknown>>;
  const fpByDay = new Map<string, number>();
  for (let i = 0; i < f.flag_id.length; i++) {
    const date = f.date[i] as string;
    if (!fpByDay.has(date)) fpByDay.set(date, 0);
    if (f.route[i] === "auto_block" && !f.is_violation[i]) fpByDay.set(date, fpByDay.get(date)! + 1);
  }
  const typical = median(fpByDay.values());
  const days = [...fpByDay].filter(([d, v]) => d >= from && v > Math.max(5, 4 * typical)).map(([d]) => d).sort();
  return {days, counts: days.map((d) => fpByDay.get(d)!), typical};
}

/** The incident: days on which automated blocks of benign content ran far above their usual level. */
export function findIncidents(tables: Tables, from: string): Incident[] {
  const {days, counts, typical} = wrongfulBlockDays(tables, from);
  if (days.length === 0) return [];
  return [{
    id: `INC-${days[0]}`,
    window: days.length > 1 ? `${days[0]} to ${days[days.length - 1]}` : days[0],
    detail: `Automatic blocks of benign content reached ${formatCount(Math.max(...counts))} a day against a median of ${formatCount(typical)}: ${formatCount(counts.reduce((s, c) => s + c, 0))} wrongful blocks in all.`,
    link: "./incident"
  }];
}

/** The posture and its reason, from the same figures as the cards and the priorities. */
export function choosePosture(a: ExecutiveAnalysis, kpis: readonly Kpi[]): Pick<ExecutiveSummary, "posture" | "postureReason"> {
  const backlog = a.figures.backlog_health.current;
  const attacks = a.extras.current.attacks;
  const judged = kpis.filter((k) => k.met !== null);
  const missed = judged.filter((k) => k.met === false).length;
  // Elevated when the SLA breach rate is past 10% by its whole interval, or more than one attack ran.
  const posture: ExecutiveSummary["posture"] = (backlog.lower ?? 0) > 0.1 || attacks > 1 ? "elevated" : missed > judged.length / 2 ? "guarded" : "stable";
  const postureReason = `${judged.length - missed} of ${judged.length} KPIs with a target are on target; ${attacks} coordinated attack${attacks === 1 ? "" : "s"} and an SLA breach rate on high and critical cases of ${figureText(backlog)} in the last 30 days.`;
  return {posture, postureReason};
}

export function executiveSummary(tables: Tables, asOf: string, options: {flagSampleRate?: number} = {}): ExecutiveSummary {
  const a = analyseExecutive(tables, asOf, options);
  const kpis: Kpi[] = EXECUTIVE_KPIS.map((id) => {
    const {current, previous} = a.figures[id];
    const def = kpiDefinition(id);
    // A direction target ("falling") judged on a change within noise is neither met nor missed.
    const noise = (def.target.check?.op === "falling" || def.target.check?.op === "rising") && a.figures[id].change?.overlap === true;
    return {current, previous, target: def.target.text, met: noise ? null : meetsTarget(def, value(current), value(previous))};
  });
  const {priorities, held} = choosePriorities(a);
  return {
    asOf,
    period: {start: a.period.from, end: a.period.to},
    previous: {start: a.previous.from, end: a.previous.to},
    ...choosePosture(a, kpis),
    kpis,
    priorities,
    held,
    incidents: findIncidents(tables, a.period.from)
  };
}

