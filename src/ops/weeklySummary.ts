import {linearRegression} from "simple-statistics";
import {formatChange, formatCount, formatHours, formatInterval, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {median} from "../core/quantile.js";
import type {Row} from "../metrics/computeKpi.js";
import {compareKpi, measureKpi, type KpiFigure} from "../metrics/kpiFigure.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import {attackDays} from "../detect/attackDays.js";
import {dailySignals, type SignalFlag, type SignalUser} from "../detect/dailySignals.js";
import {dailyMean, trailingMean} from "../detect/drift.js";
import {layeredDetect} from "../detect/layered.js";
import {addDays, dateRange} from "../world/calendar.js";
import {CATEGORIES, CATEGORY_LABELS, END_DATE, START_DATE} from "../world/constants.js";
import {backlogAt, endOfDay} from "./backlog.js";
import {caseStarts} from "./caseStarts.js";
import {countByDay} from "./daily.js";
import {minServers} from "./erlangC.js";
import {OPS_RANGE, toDay} from "./range.js";
import {headcountFor, rosterCoverage, type RosterRow} from "./roster.js";
import {observeQueue} from "./staffing.js";
import {ALERT_LEVELS, SLA_HOURS, TTA_TARGETS, URGENT_SEVERITIES} from "./targets.js";

/**
 * The weekly ops summary (seed 001's weekly report): top risks with their numbers, the category to
 * watch and why, classifier health, a staffing recommendation from the Erlang C model, and the metric
 * to watch next week. Every number and every choice is computed here from the published tables; the
 * text only formats them.
 */
export interface WeeklyFlag extends SignalFlag {
  ts: Date | number;
  category: string;
  severity: string;
  route: string;
  action: string;
  ml_score: number;
  is_violation: boolean;
  reviewer_id: string | null;
  decided_ts: Date | number;
  tta_hours: number;
  sla_breached: boolean;
  attack_id: string | null;
}

export interface WeeklyInput {
  flags: readonly WeeklyFlag[];
  users: Iterable<SignalUser>;
  reviewers: readonly RosterRow[];
}

export interface Fact {
  id: string;
  label: string;
  value: number;
  /** The value as the text shows it. */
  text: string;
  /** The previous week's value, when the fact has one. */
  previous?: number;
  previousText?: string;
}

export interface Risk {
  id: string;
  title: string;
  /** How far past its alert level (1 = at the level); Infinity for an attack in progress. */
  ratio: number;
  /** Whether the metric got worse than the week before. */
  worsened: boolean;
  sentence: string;
}

export interface WeeklySection {
  id: "risks" | "category" | "classifier" | "staffing" | "watch";
  title: string;
  items: string[];
}

export interface WeeklyReport {
  week: {from: string; to: string};
  previousWeek: {from: string; to: string};
  facts: Fact[];
  risks: Risk[];
  sections: WeeklySection[];
  /** The dictionary KPIs the report quotes (src/metrics/definitions.ts), this week and the week before. */
  kpis?: {current: KpiFigure[]; previous: KpiFigure[]};
}

export interface WeeklyOptions {
  /** First day of the reporting window: the baseline of trends and drift (default: the ops range's). */
  from?: string;
  /** Last day of the week to report (default: the last day of the data). */
  to?: string;
  driftThreshold?: number;
}

/** A week-over-week rise this many Poisson standard deviations above zero is significant. */
const RISE_Z = 2;
/** The dictionary KPIs of the report: time to action on high-severity cases and SLA breaches. */
export const WEEKLY_KPIS = ["tta_high_p50", "tta_high_p90", "backlog_health"] as const;
/** Hours as whole minutes: 0.88 → "53 min". */
const minutes = (x: number) => `${formatNumber(x * 60, 0)} min`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const valueOf = (f: KpiFigure | undefined) => f?.value ?? NaN;

/** A share with its 95% Wilson interval. */
function shareOf(successes: number, n: number): {value: number; lower: number; upper: number; n: number} {
  const w = wilsonInterval(successes, n);
  return {value: w.estimate, lower: w.lower, upper: w.upper, n};
}
const overlaps = (a: {lower: number; upper: number}, b: {lower: number; upper: number}) => a.lower <= b.upper && b.lower <= a.upper;

export function weeklySummary({flags, users, reviewers}: WeeklyInput, {from: windowFrom = OPS_RANGE.from, to = END_DATE, driftThreshold = ALERT_LEVELS.driftScore}: WeeklyOptions = {}): WeeklyReport {
  const from = addDays(to, -6);
  const prevTo = addDays(from, -1);
  const prevFrom = addDays(prevTo, -6);
  if (prevFrom < START_DATE) throw new Error(`invalid week: ${from} to ${to} (needs a previous week after ${START_DATE})`);
  const facts: Fact[] = [];
  const fact = (id: string, label: string, value: number, text: string, previous?: number, previousText?: string) => {
    facts.push({id, label, value, text, ...(previous === undefined ? {} : {previous, previousText})});
    return text;
  };
  const inWeek = (d: string, a: string, b: string) => d >= a && d <= b;
  const day = (f: WeeklyFlag) => toDay(f.date);
  const week = flags.filter((f) => inWeek(day(f), from, to));
  const prev = flags.filter((f) => inWeek(day(f), prevFrom, prevTo));
  const risks: Risk[] = [];

  // Coordinated attacks: the layered detector over the whole series. Its alarm days are left out of
  // the category trends below, so that a one-day raid does not pass for a trend.
  const allDates = dateRange(START_DATE, to);
  const signals = dailySignals(flags, users, allDates);
  const alarms = layeredDetect(signals).flagged;
  const alarmSet = new Set(allDates.filter((_, i) => alarms[i]));

  // Volume and the category to watch.
  fact("flags", "Flags this week", week.length, formatCount(week.length), prev.length, formatCount(prev.length));
  const volumeChange = prev.length ? (week.length - prev.length) / prev.length : NaN;
  fact("flags_change", "Flags, week over week", volumeChange, formatChange(volumeChange));
  const opsDates = dateRange(windowFrom < prevFrom ? windowFrom : prevFrom, to);
  const organicDates = opsDates.filter((d) => !alarmSet.has(d));
  const daily = countByDay(flags, organicDates, (f) => f.category, CATEGORIES);
  const daysIn = (a: string, b: string) => organicDates.filter((d) => inWeek(d, a, b)).length;
  const nowDays = daysIn(from, to);
  const beforeDays = daysIn(prevFrom, prevTo);
  const byCategory = CATEGORIES.map((k) => {
    const series = daily.filter((d) => d.key === k);
    const sum = (a: string, b: string) => series.filter((d) => inWeek(d.date, a, b)).reduce((s, d) => s + d.count, 0);
    // Flags a day on the week's non-alarm days.
    const now = nowDays ? sum(from, to) / nowDays : NaN;
    const before = beforeDays ? sum(prevFrom, prevTo) / beforeDays : NaN;
    const mean = series.reduce((s, d) => s + d.count, 0) / Math.max(1, series.length);
    // Trend over the ops window: least-squares slope of daily flags against the date, per week.
    const points = series.map((d) => [Date.parse(d.date) / 86_400_000, d.count]);
    const slope = points.length > 1 ? linearRegression(points).m * 7 : NaN;
    // A rise is significant when it is large against Poisson noise on the two daily means.
    const noise = Math.sqrt(now / Math.max(1, nowDays) + before / Math.max(1, beforeDays));
    const z = noise > 0 ? (now - before) / noise : 0;
    return {key: k, label: CATEGORY_LABELS[k], now, before, change: before ? (now - before) / before : NaN, slope, growth: mean > 0 ? slope / mean : NaN, z};
  });
  const rising = byCategory.filter((c) => c.z >= RISE_Z).sort((a, b) => b.z - a.z || a.key.localeCompare(b.key));
  const trending = byCategory.filter((c) => c.growth > 0).sort((a, b) => b.growth - a.growth || a.key.localeCompare(b.key));
  const watchCategory = rising[0] ?? trending[0] ?? [...byCategory].sort((a, b) => b.now - a.now)[0];
  const excluded = opsDates.length - organicDates.length;
  const basis = `both leaving out the ${formatCount(excluded)} attack-alarm day${excluded === 1 ? "" : "s"} since ${opsDates[0]}`;
  const reason =
    rising[0] === watchCategory
      ? `the most significant week-over-week rise (z = ${formatNumber(watchCategory.z, 1)} against Poisson noise)`
      : trending[0] === watchCategory
        ? `no category rose significantly this week (z >= ${RISE_Z}); it has the steepest upward trend`
        : "no category rose or trends up; it is the largest";
  fact(`category_${watchCategory.key}`, `${watchCategory.label} flags a day this week (non-alarm days)`, watchCategory.now, formatNumber(watchCategory.now, 1), watchCategory.before, formatNumber(watchCategory.before, 1));
  fact(`category_${watchCategory.key}_change`, `${watchCategory.label} flags, week over week`, watchCategory.change, formatChange(watchCategory.change));
  fact(`category_${watchCategory.key}_z`, `${watchCategory.label} week-over-week rise against Poisson noise (z)`, watchCategory.z, formatNumber(watchCategory.z, 1));
  const growthText = formatChange(watchCategory.growth);
  fact(`category_${watchCategory.key}_trend`, `${watchCategory.label} trend since ${opsDates[0]}, per week, as a share of its daily mean`, watchCategory.growth, growthText);
  const categoryItems = [
    `${watchCategory.label}: ${reason}.`,
    `${formatNumber(watchCategory.now, 1)} flags a day this week against ${formatNumber(watchCategory.before, 1)} the week before (${formatChange(watchCategory.change)}); its daily volume has grown ${growthText} a week since ${opsDates[0]} (least-squares trend, ${basis}).`
  ];
  const runnerUp = (rising[0] === watchCategory ? rising : trending).find((c) => c !== watchCategory);
  if (runnerUp) {
    fact(`category_${runnerUp.key}`, `${runnerUp.label} flags a day this week (non-alarm days)`, runnerUp.now, formatNumber(runnerUp.now, 1), runnerUp.before, formatNumber(runnerUp.before, 1));
    fact(`category_${runnerUp.key}_change`, `${runnerUp.label} flags, week over week`, runnerUp.change, formatChange(runnerUp.change));
    fact(`category_${runnerUp.key}_trend`, `${runnerUp.label} trend since ${opsDates[0]}, per week, as a share of its daily mean`, runnerUp.growth, formatChange(runnerUp.growth));
  }
  if (runnerUp) categoryItems.push(`Next: ${runnerUp.label}, ${formatNumber(runnerUp.now, 1)} flags a day this week (${formatChange(runnerUp.change)}), trend ${formatChange(runnerUp.growth)} a week.`);

  // Time to action and SLA on high and critical cases.
  // Through the KPI dictionary: critical and high severity, enforced flags, the one quantile.
  const kpiTables = {flags: flags as unknown as readonly Row[]};
  const current = WEEKLY_KPIS.map((id) => measureKpi(id, kpiTables, {from, to}));
  const previous = WEEKLY_KPIS.map((id) => measureKpi(id, kpiTables, {from: prevFrom, to: prevTo}));
  const kpi = (list: KpiFigure[], id: string) => list.find((k) => k.id === id);
  const ttaIds = TTA_TARGETS.map((t) => `tta_high_p${Math.round(t.p * 100)}`);
  const tta = ttaIds.map((id) => valueOf(kpi(current, id)));
  const ttaPrev = ttaIds.map((id) => valueOf(kpi(previous, id)));
  ttaIds.forEach((id, i) => fact(id, kpi(current, id)!.name, tta[i], formatHours(tta[i]), ttaPrev[i], formatHours(ttaPrev[i])));
  const ttaCases = kpi(current, ttaIds[0])!.n;
  fact("tta_high_cases", "Enforced high/critical flags raised this week (the time-to-action cases)", ttaCases, formatCount(ttaCases));
  const ttaRatio = Math.max(...TTA_TARGETS.map((t, i) => tta[i] / t.hours));
  risks.push({
    id: "tta",
    title: "Time to action, high severity",
    ratio: ttaRatio,
    worsened: TTA_TARGETS.some((_, i) => tta[i] > ttaPrev[i]),
    sentence: `Time to action, high severity: P50 ${formatHours(tta[0])} and P90 ${formatHours(tta[1])} on ${formatCount(ttaCases)} enforced high/critical flags, against targets of ${TTA_TARGETS.map((t) => `${t.hours} h`).join(" and ")} (P50 ${formatHours(ttaPrev[0])}, P90 ${formatHours(ttaPrev[1])} the week before).`
  });
  // The dictionary's backlog_health: high/critical human-reviewed cases decided after the SLA.
  const slaNow = kpi(current, "backlog_health")!;
  const slaBefore = kpi(previous, "backlog_health")!;
  const sla = {cases: slaNow.denominator ?? 0, breached: slaNow.numerator ?? 0, rate: valueOf(slaNow)};
  const slaPrev = {rate: valueOf(slaBefore)};
  const slaChange = compareKpi(slaNow, slaBefore);
  const slaNoise = slaChange?.overlap === true;
  fact("sla_breach_rate", `${slaNow.name} (high/critical human-reviewed cases over ${SLA_HOURS} h)`, sla.rate, formatPercent(sla.rate), slaPrev.rate, formatPercent(slaPrev.rate));
  fact("sla_breach_ci", "SLA breach rate, 95% CI this week", sla.rate, formatInterval(slaNow.lower, slaNow.upper, "percent"), slaPrev.rate, formatInterval(slaBefore.lower, slaBefore.upper, "percent"));
  fact("sla_breach_change", "SLA breach rate, week over week (percentage points)", slaChange?.delta ?? NaN, formatPp(slaChange?.delta ?? NaN));
  fact("sla_cases", "High/critical human-reviewed cases raised this week", sla.cases, formatCount(sla.cases));
  fact("sla_breached", "Of those, decided after the SLA", sla.breached, formatCount(sla.breached));
  const humanCases = flags.filter((f) => f.route === "human_review");
  const backlog = backlogAt(humanCases, endOfDay(to), {slaHours: SLA_HOURS, keys: URGENT_SEVERITIES});
  const openUrgent = backlog.reduce((s, b) => s + b.open, 0);
  const overSla = backlog.reduce((s, b) => s + b.overSla, 0);
  fact("backlog_urgent", `Open high/critical cases at the end of ${to}`, openUrgent, formatCount(openUrgent));
  fact("backlog_urgent_over_sla", `Of those, open longer than ${SLA_HOURS} h`, overSla, formatCount(overSla));
  risks.push({
    id: "sla",
    title: "SLA breaches",
    ratio: sla.rate / ALERT_LEVELS.slaBreachRate,
    // Worse only when the intervals do not overlap: otherwise the week's change is noise.
    worsened: sla.rate > slaPrev.rate && !slaNoise,
    sentence: `SLA breaches: ${formatCount(sla.breached)} of ${formatCount(sla.cases)} high/critical human-reviewed cases raised this week took over ${SLA_HOURS} h (${formatPercent(sla.rate)}, 95% CI ${formatInterval(slaNow.lower, slaNow.upper, "percent")}; ${formatPp(slaChange?.delta ?? NaN)} on the week before's ${formatPercent(slaPrev.rate)}${slaNoise ? ", a difference within noise" : ""}); ${formatCount(overSla)} of ${formatCount(openUrgent)} open high/critical cases were already past ${SLA_HOURS} h at the end of ${to}.`
  });

  // Classifier health: drift of the score on true violations, and auto-block precision.
  const scoreDates = dateRange(addDays(windowFrom, -6) < START_DATE ? START_DATE : addDays(windowFrom, -6), to);
  const violations = flags.filter((f) => f.is_violation);
  const means = dailyMean(violations, scoreDates, day, (f) => f.ml_score);
  const rolling = trailingMean(means.map((d) => d.mean), 7);
  const at = (date: string) => rolling[scoreDates.indexOf(date)];
  const baselineDate = addDays(windowFrom, 6);
  const baseline = at(baselineDate);
  const score = at(to);
  const scorePrev = at(prevTo);
  const alertDays = scoreDates.filter((d, i) => inWeek(d, from, to) && rolling[i] < driftThreshold).length;
  fact("score_violations_7d", "7-day mean classifier score on true violations", score, formatNumber(score, 3), scorePrev, formatNumber(scorePrev, 3));
  fact("score_baseline", `The same, first week of the ops window (to ${baselineDate})`, baseline, formatNumber(baseline, 3));
  fact("drift_threshold", "Drift alert threshold", driftThreshold, formatNumber(driftThreshold, 3));
  fact("drift_alert_days", "Days this week below the drift threshold", alertDays, formatCount(alertDays));
  const blocked = week.filter((f) => f.route === "auto_block");
  const blockedTrue = blocked.filter((f) => f.is_violation).length;
  const blockedPrev = prev.filter((f) => f.route === "auto_block");
  const prec = shareOf(blockedTrue, blocked.length);
  const precPrev = shareOf(blockedPrev.filter((f) => f.is_violation).length, blockedPrev.length);
  const precision = prec.value;
  const precisionPrev = precPrev.value;
  const precisionNoise = overlaps(prec, precPrev);
  const precisionCi = formatInterval(prec.lower, prec.upper, "percent");
  fact("auto_block_precision", "Auto-block precision (share of auto-blocked flags that are true violations)", precision, formatPercent(precision), precisionPrev, formatPercent(precisionPrev));
  fact("auto_block_precision_ci", "Auto-block precision, 95% CI", precision, precisionCi, precisionPrev, formatInterval(precPrev.lower, precPrev.upper, "percent"));
  fact("auto_block_precision_change", "Auto-block precision, week over week (percentage points)", precision - precisionPrev, formatPp(precision - precisionPrev));
  fact("auto_block_count", "Auto-blocked flags this week", blocked.length, formatCount(blocked.length));
  fact("auto_block_false", "Auto-blocked flags that were not violations", blocked.length - blockedTrue, formatCount(blocked.length - blockedTrue));
  const driftRatio = (baseline - score) / (baseline - driftThreshold);
  risks.push({
    id: "drift",
    title: "Classifier drift",
    ratio: driftRatio,
    worsened: score < scorePrev,
    sentence: `Classifier drift: the 7-day mean score on true violations is ${formatNumber(score, 3)}, down from ${formatNumber(baseline, 3)} in the first week of the ops window; it was under the ${formatNumber(driftThreshold, 3)} alert threshold on ${formatCount(alertDays)} of 7 days this week.`
  });
  risks.push({
    id: "precision",
    title: "Auto-block precision",
    ratio: (1 - precision) / (1 - ALERT_LEVELS.autoBlockPrecision),
    worsened: precision < precisionPrev && !precisionNoise,
    sentence: `Auto-block precision: ${formatPercent(precision)} of ${formatCount(blocked.length)} auto-blocked flags were true violations (95% CI ${precisionCi}; ${formatPp(precision - precisionPrev)} on the week before's ${formatPercent(precisionPrev)}${precisionNoise ? ", a difference within noise" : ""}); ${formatCount(blocked.length - blockedTrue)} blocks hit benign content.`
  });
  const classifierItems = [
    `The 7-day mean score on true violations is ${formatNumber(score, 3)} (${formatNumber(scorePrev, 3)} a week earlier, ${formatNumber(baseline, 3)} in the first week of the ops window); the drift alert threshold is ${formatNumber(driftThreshold, 3)}, crossed on ${formatCount(alertDays)} of 7 days this week.`,
    `Auto-blocking kept a precision of ${formatPercent(precision)} (95% CI ${precisionCi}) on ${formatCount(blocked.length)} flags (${formatCount(blocked.length - blockedTrue)} benign items blocked): ${formatPp(precision - precisionPrev)} on the week before's ${formatPercent(precisionPrev)}${precisionNoise ? ", a difference within noise" : ""}.`
  ];

  // Staffing: Erlang C on this week's arrivals and case times.
  const starts = caseStarts(humanCases, reviewers);
  const t0 = Date.parse(`${from}T00:00:00Z`);
  const t1 = endOfDay(to);
  const observed = observeQueue(humanCases, starts, t0, t1);
  const coverage = rosterCoverage(reviewers);
  const targets = TTA_TARGETS.map((t) => ({hours: t.hours, level: t.p}));
  const needed = minServers(observed, targets, 1000);
  const team = headcountFor(needed, coverage.weeklyHours);
  const waitP50 = median(observed.waits);
  fact("human_cases", "Cases into human review this week", observed.cases, formatCount(observed.cases));
  fact("arrival_rate", "Human-review arrivals per hour", observed.arrivalRate, formatNumber(observed.arrivalRate, 2));
  fact("case_minutes", "Mean minutes a case is open", observed.serviceHours * 60, minutes(observed.serviceHours));
  fact("load", "Offered load (Erlangs: reviewers busy on average)", observed.arrivalRate * observed.serviceHours, formatNumber(observed.arrivalRate * observed.serviceHours, 2));
  fact("on_shift_now", "Reviewers on shift at once, on average", coverage.meanOnShift, formatNumber(coverage.meanOnShift, 1));
  fact("team_now", "Review team", coverage.reviewers, formatCount(coverage.reviewers));
  fact("on_shift_needed", "Reviewers on shift needed (Erlang C)", needed, formatCount(needed));
  fact("team_needed", `Team needed at ${formatCount(coverage.weeklyHours)} h a week each`, team, formatCount(team));
  fact("team_gap", "Reviewers to add (negative: fewer needed)", team - coverage.reviewers, formatCount(Math.abs(team - coverage.reviewers)));
  fact("wait_p50", "Median wait before a reviewer opened a case (simulation)", waitP50, formatHours(waitP50));
  const staffingItems = [
    `This week ${formatCount(observed.cases)} cases reached human review (${formatNumber(observed.arrivalRate, 2)} an hour), each open ${minutes(observed.serviceHours)} on average: an offered load of ${formatNumber(observed.arrivalRate * observed.serviceHours, 2)} reviewers busy at all times, against ${formatNumber(coverage.meanOnShift, 1)} on shift on average from a team of ${formatCount(coverage.reviewers)}.`,
    `Erlang C needs ${formatCount(needed)} reviewers on shift at once for waits within seed 003's targets (${TTA_TARGETS.map((t) => `P${Math.round(t.p * 100)} under ${t.hours} h`).join(", ")}): a team of ${formatCount(team)} at ${formatCount(coverage.weeklyHours)} h a week each, ${team > coverage.reviewers ? `${formatCount(team - coverage.reviewers)} more than today` : team < coverage.reviewers ? `${formatCount(coverage.reviewers - team)} fewer than today` : "the team as it is"}.`,
    `The simulation with today's team made the median case wait ${formatHours(waitP50)} before a reviewer opened it.`
  ];
  risks.push({
    id: "staffing",
    title: "Review capacity",
    ratio: needed / coverage.meanOnShift,
    worsened: false,
    sentence: `Review capacity: the offered load is ${formatNumber(observed.arrivalRate * observed.serviceHours, 2)} reviewers busy at all times against ${formatNumber(coverage.meanOnShift, 1)} on shift on average; Erlang C needs ${formatCount(needed)} on shift (a team of ${formatCount(team)}, now ${formatCount(coverage.reviewers)}).`
  });

  // Attack alarms in this week.
  const truth = attackDays(flags, allDates);
  const alarmDays = allDates.filter((d, i) => alarms[i] && inWeek(d, from, to));
  fact("attack_alarm_days", "Days with an attack alarm this week (layered detector)", alarmDays.length, formatCount(alarmDays.length));
  const lastAlarm = allDates.filter((_, i) => alarms[i]).pop();
  if (lastAlarm) fact("last_alarm", "Last attack alarm (layered detector)", Date.parse(lastAlarm), lastAlarm);
  if (alarmDays.length > 0) {
    const confirmed = alarmDays.filter((d) => truth.truth[allDates.indexOf(d)]).length;
    risks.push({id: "attack", title: "Coordinated attack", ratio: Infinity, worsened: true, sentence: `Coordinated attack: the layered detector raised alarms on ${formatCount(alarmDays.length)} days this week (${alarmDays.join(", ")}); ${formatCount(confirmed)} of them match attacks in the ground truth.`});
  }

  // Rank: furthest past its alert level first; only risks at or past their level.
  const ranked = risks.filter((r) => r.ratio >= 1).sort((a, b) => b.ratio - a.ratio || a.id.localeCompare(b.id));
  const top = ranked.slice(0, 3);
  const riskItems = top.length ? top.map((r) => r.sentence) : ["No ops metric is past its alert level this week."];
  if (alarmDays.length === 0) riskItems.push(`No attack alarm this week${lastAlarm ? `; the layered detector's last alarm was on ${lastAlarm}` : ""}.`);
  const watch = ranked.filter((r) => r.id !== "attack" && r.worsened)[0] ?? ranked.filter((r) => r.id !== "attack")[0];
  for (const r of ranked) if (Number.isFinite(r.ratio)) fact(`ratio_${r.id}`, `${r.title}: times its alert level`, r.ratio, formatNumber(r.ratio, 1));
  const watchItems = watch
    ? [`${watch.title}: it is ${formatNumber(watch.ratio, 1)} times its alert level${watch.worsened ? " and got worse than last week" : ""}. ${capitalise(watch.sentence.replace(/^[^:]+: /, ""))}`]
    : ["Flags week over week, as no metric is past its alert level."];
  const sections: WeeklySection[] = [
    {id: "risks", title: "Top risks", items: riskItems},
    {id: "category", title: "Category to watch", items: categoryItems},
    {id: "classifier", title: "Classifier health", items: classifierItems},
    {id: "staffing", title: "Staffing recommendation", items: staffingItems},
    {id: "watch", title: "Metric to watch next week", items: watchItems}
  ];
  return {week: {from, to}, previousWeek: {from: prevFrom, to: prevTo}, facts, risks: ranked, sections, kpis: {current, previous}};
}

/** The report as plain text: section titles and their sentences. */
export function reportText(report: Pick<WeeklyReport, "week" | "sections">): string {
  return [`Weekly ops summary, ${report.week.from} to ${report.week.to}`, ...report.sections.map((s) => `${s.title}\n${s.items.map((i) => `- ${i}`).join("\n")}`)].join("\n\n");
}
