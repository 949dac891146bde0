import {formatChange, formatCount, formatHours, formatInterval, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {RISE_Z, type CategoryTrend, type RiskId, type WeeklyAnalysis} from "./analyseWeek.js";
import {SLA_HOURS, TTA_TARGETS} from "./targets.js";
import {SHIFT_NEED} from "../io/import/needs.js";

/**
 * The weekly ops summary's text: the facts (each figure with its label and as the text shows it), the
 * risks' sentences and the five sections, written from analyseWeek's numbers alone.
 */

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

export const RISK_TITLES: Record<RiskId, string> = {
  tta: "Time to action, high severity",
  sla: "SLA breaches",
  drift: "Classifier drift",
  precision: "Auto-block precision",
  staffing: "Review capacity",
  attack: "Coordinated attack"
};

/** Hours as whole minutes: 0.88 → "53 min". */
const minutes = (x: number) => `${formatNumber(x * 60, 0)} min`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const percentCi = (s: {lower: number; upper: number}) => formatInterval(s.lower, s.upper, "percent");
const fact = (id: string, label: string, value: number, text: string, previous?: number, previousText?: string): Fact => ({id, label, value, text, ...(previous === undefined ? {} : {previous, previousText})});
const kpiOf = (a: WeeklyAnalysis, list: "current" | "previous", id: string) => a.kpis[list].find((k) => k.id === id)!;

function categoryFacts(c: CategoryTrend, since: string, withZ: boolean): Fact[] {
  return [
    fact(`category_${c.key}`, `${c.label} flags a day this week (non-alarm days)`, c.now, formatNumber(c.now, 1), c.before, formatNumber(c.before, 1)),
    fact(`category_${c.key}_change`, `${c.label} flags, week over week`, c.change, formatChange(c.change)),
    ...(withZ ? [fact(`category_${c.key}_z`, `${c.label} week-over-week rise against Poisson noise (z)`, c.z, formatNumber(c.z, 1))] : []),
    fact(`category_${c.key}_trend`, `${c.label} trend since ${since}, per week, as a share of its daily mean`, c.growth, formatChange(c.growth))
  ];
}

function timeFacts(a: WeeklyAnalysis): Fact[] {
  const {tta, sla} = a;
  const slaNow = kpiOf(a, "current", "backlog_health");
  const slaBefore = kpiOf(a, "previous", "backlog_health");
  return [
    ...tta.ids.map((id, i) => fact(id, kpiOf(a, "current", id).name, tta.current[i], formatHours(tta.current[i]), tta.previous[i], formatHours(tta.previous[i]))),
    fact("tta_high_cases", "Enforced high/critical flags raised this week (the time-to-action cases)", tta.cases, formatCount(tta.cases)),
    fact("sla_breach_rate", `${slaNow.name} (high/critical human-reviewed cases over ${SLA_HOURS} h)`, sla.rate, formatPercent(sla.rate), sla.previousRate, formatPercent(sla.previousRate)),
    fact("sla_breach_ci", "SLA breach rate, 95% CI this week", sla.rate, formatInterval(slaNow.lower, slaNow.upper, "percent"), sla.previousRate, formatInterval(slaBefore.lower, slaBefore.upper, "percent")),
    fact("sla_breach_change", "SLA breach rate, week over week (percentage points)", sla.delta, formatPp(sla.delta)),
    fact("sla_cases", "High/critical human-reviewed cases raised this week", sla.cases, formatCount(sla.cases)),
    fact("sla_breached", "Of those, decided after the SLA", sla.breached, formatCount(sla.breached)),
    fact("backlog_urgent", `Open high/critical cases at the end of ${a.week.to}`, sla.openUrgent, formatCount(sla.openUrgent)),
    fact("backlog_urgent_over_sla", `Of those, open longer than ${SLA_HOURS} h`, sla.overSla, formatCount(sla.overSla))
  ];
}

function classifierFacts({classifier: c}: WeeklyAnalysis): Fact[] {
  const p = c.precision.value;
  const pPrev = c.precisionPrevious.value;
  return [
    fact("score_violations_7d", "7-day mean classifier score on true violations", c.score, formatNumber(c.score, 3), c.scorePrevious, formatNumber(c.scorePrevious, 3)),
    fact("score_baseline", `The same, first week of the ops window (to ${c.baselineDate})`, c.baseline, formatNumber(c.baseline, 3)),
    fact("drift_threshold", "Drift alert threshold", c.driftThreshold, formatNumber(c.driftThreshold, 3)),
    fact("drift_alert_days", "Days this week below the drift threshold", c.alertDays, formatCount(c.alertDays)),
    fact("auto_block_precision", "Auto-block precision (share of auto-blocked flags that are true violations)", p, formatPercent(p), pPrev, formatPercent(pPrev)),
    fact("auto_block_precision_ci", "Auto-block precision, 95% CI", p, percentCi(c.precision), pPrev, percentCi(c.precisionPrevious)),
    fact("auto_block_precision_change", "Auto-block precision, week over week (percentage points)", p - pPrev, formatPp(p - pPrev)),
    fact("auto_block_count", "Auto-blocked flags this week", c.blocked, formatCount(c.blocked)),
    fact("auto_block_false", "Auto-blocked flags that were not violations", c.blocked - c.blockedTrue, formatCount(c.blocked - c.blockedTrue))
  ];
}

function staffingFacts({staffing: s}: WeeklyAnalysis): Fact[] {
  if (!s) return [];
  return [
    fact("human_cases", "Cases into human review this week", s.cases, formatCount(s.cases)),
    fact("arrival_rate", "Human-review arrivals per hour", s.arrivalRate, formatNumber(s.arrivalRate, 2)),
    fact("case_minutes", "Mean minutes a case is open", s.serviceHours * 60, minutes(s.serviceHours)),
    fact("load", "Offered load (Erlangs: reviewers busy on average)", s.arrivalRate * s.serviceHours, formatNumber(s.arrivalRate * s.serviceHours, 2)),
    fact("on_shift_now", "Reviewers on shift at once, on average", s.meanOnShift, formatNumber(s.meanOnShift, 1)),
    fact("team_now", "Review team", s.reviewers, formatCount(s.reviewers)),
    fact("on_shift_needed", "Reviewers on shift needed (Erlang C)", s.needed, formatCount(s.needed)),
    fact("team_needed", `Team needed at ${formatCount(s.weeklyHours)} h a week each`, s.team, formatCount(s.team)),
    fact("team_gap", "Reviewers to add (negative: fewer needed)", s.team - s.reviewers, formatCount(Math.abs(s.team - s.reviewers))),
    fact("wait_p50", "Median wait before a reviewer opened a case (simulation)", s.waitP50, formatHours(s.waitP50))
  ];
}

/** Every figure the text quotes, in the order the text quotes it, each with its label and shown value. */
export function weeklyFacts(a: WeeklyAnalysis): Fact[] {
  const {volume, categories: cat, attacks} = a;
  return [
    fact("flags", "Flags this week", volume.flags, formatCount(volume.flags), volume.previous, formatCount(volume.previous)),
    fact("flags_change", "Flags, week over week", volume.change, formatChange(volume.change)),
    ...categoryFacts(cat.watch, cat.since, true),
    ...(cat.runnerUp ? categoryFacts(cat.runnerUp, cat.since, false) : []),
    ...timeFacts(a),
    ...classifierFacts(a),
    ...staffingFacts(a),
    fact("attack_alarm_days", "Days with an attack alarm this week (layered detector)", attacks.alarmDays.length, formatCount(attacks.alarmDays.length)),
    ...(attacks.lastAlarm ? [fact("last_alarm", "Last attack alarm (layered detector)", Date.parse(attacks.lastAlarm), attacks.lastAlarm)] : []),
    ...a.risks.filter((r) => Number.isFinite(r.ratio)).map((r) => fact(`ratio_${r.id}`, `${RISK_TITLES[r.id]}: times its alert level`, r.ratio, formatNumber(r.ratio, 1)))
  ];
}

/** Each risk in one sentence, with its figures and the week before's. */
function riskSentence(a: WeeklyAnalysis, id: RiskId): string {
  const {tta, sla, classifier: c, staffing: s, attacks} = a;
  const slaNow = kpiOf(a, "current", "backlog_health");
  const within = (noise: boolean) => (noise ? ", a difference within noise" : "");
  const p = c.precision.value;
  const pPrev = c.precisionPrevious.value;
  switch (id) {
    case "tta":
      return `Time to action, high severity: P50 ${formatHours(tta.current[0])} and P90 ${formatHours(tta.current[1])} on ${formatCount(tta.cases)} enforced high/critical flags, against targets of ${TTA_TARGETS.map((t) => `${t.hours} h`).join(" and ")} (P50 ${formatHours(tta.previous[0])}, P90 ${formatHours(tta.previous[1])} the week before).`;
    case "sla":
      return `SLA breaches: ${formatCount(sla.breached)} of ${formatCount(sla.cases)} high/critical human-reviewed cases raised this week took over ${SLA_HOURS} h (${formatPercent(sla.rate)}, 95% CI ${formatInterval(slaNow.lower, slaNow.upper, "percent")}; ${formatPp(sla.delta)} on the week before's ${formatPercent(sla.previousRate)}${within(sla.noise)}); ${formatCount(sla.overSla)} of ${formatCount(sla.openUrgent)} open high/critical cases were already past ${SLA_HOURS} h at the end of ${a.week.to}.`;
    case "drift":
      return `Classifier drift: the 7-day mean score on true violations is ${formatNumber(c.score, 3)}, down from ${formatNumber(c.baseline, 3)} in the first week of the ops window; it was under the ${formatNumber(c.driftThreshold, 3)} alert threshold on ${formatCount(c.alertDays)} of 7 days this week.`;
    case "precision":
      return `Auto-block precision: ${formatPercent(p)} of ${formatCount(c.blocked)} auto-blocked flags were true violations (95% CI ${percentCi(c.precision)}; ${formatPp(p - pPrev)} on the week before's ${formatPercent(pPrev)}${within(c.precisionNoise)}); ${formatCount(c.blocked - c.blockedTrue)} blocks hit benign content.`;
    case "staffing":
      if (!s) throw new Error("narrateWeek: a staffing risk without staffing figures");
      return `Review capacity: the offered load is ${formatNumber(s.arrivalRate * s.serviceHours, 2)} reviewers busy at all times against ${formatNumber(s.meanOnShift, 1)} on shift on average; Erlang C needs ${formatCount(s.needed)} on shift (a team of ${formatCount(s.team)}, now ${formatCount(s.reviewers)}).`;
    case "attack":
      return `Coordinated attack: the layered detector raised alarms on ${formatCount(attacks.alarmDays.length)} days this week (${attacks.alarmDays.join(", ")}); ${formatCount(attacks.confirmed)} of them match attacks in the ground truth.`;
  }
}

/** The ranked risks with their titles and sentences. */
export function weeklyRisks(a: WeeklyAnalysis): Risk[] {
  return a.risks.map((r) => ({id: r.id, title: RISK_TITLES[r.id], ratio: r.ratio, worsened: r.worsened, sentence: riskSentence(a, r.id)}));
}

function categoryItems({categories: cat}: WeeklyAnalysis): string[] {
  const {watch, runnerUp} = cat;
  const basis = `both leaving out the ${formatCount(cat.excludedDays)} attack-alarm day${cat.excludedDays === 1 ? "" : "s"} since ${cat.since}`;
  const reason =
    cat.reason === "rise"
      ? `the most significant week-over-week rise (z = ${formatNumber(watch.z, 1)} against Poisson noise)`
      : cat.reason === "trend"
        ? `no category rose significantly this week (z >= ${RISE_Z}); it has the steepest upward trend`
        : "no category rose or trends up; it is the largest";
  const items = [
    `${watch.label}: ${reason}.`,
    `${formatNumber(watch.now, 1)} flags a day this week against ${formatNumber(watch.before, 1)} the week before (${formatChange(watch.change)}); its daily volume has grown ${formatChange(watch.growth)} a week since ${cat.since} (least-squares trend, ${basis}).`
  ];
  if (runnerUp) items.push(`Next: ${runnerUp.label}, ${formatNumber(runnerUp.now, 1)} flags a day this week (${formatChange(runnerUp.change)}), trend ${formatChange(runnerUp.growth)} a week.`);
  return items;
}

function classifierItems({classifier: c}: WeeklyAnalysis): string[] {
  const p = c.precision.value;
  const pPrev = c.precisionPrevious.value;
  return [
    `The 7-day mean score on true violations is ${formatNumber(c.score, 3)} (${formatNumber(c.scorePrevious, 3)} a week earlier, ${formatNumber(c.baseline, 3)} in the first week of the ops window); the drift alert threshold is ${formatNumber(c.driftThreshold, 3)}, crossed on ${formatCount(c.alertDays)} of 7 days this week.`,
    `Auto-blocking kept a precision of ${formatPercent(p)} (95% CI ${percentCi(c.precision)}) on ${formatCount(c.blocked)} flags (${formatCount(c.blocked - c.blockedTrue)} benign items blocked): ${formatPp(p - pPrev)} on the week before's ${formatPercent(pPrev)}${c.precisionNoise ? ", a difference within noise" : ""}.`
  ];
}

function staffingItems({staffing: s}: WeeklyAnalysis): string[] {
  if (!s) return [`No recommendation: it needs the reviewers' shifts (${SHIFT_NEED.columns.join(", ")}), which the imported data does not have, to count the hours on shift.`];
  const gap = s.team > s.reviewers ? `${formatCount(s.team - s.reviewers)} more than today` : s.team < s.reviewers ? `${formatCount(s.reviewers - s.team)} fewer than today` : "the team as it is";
  return [
    `This week ${formatCount(s.cases)} cases reached human review (${formatNumber(s.arrivalRate, 2)} an hour), each open ${minutes(s.serviceHours)} on average: an offered load of ${formatNumber(s.arrivalRate * s.serviceHours, 2)} reviewers busy at all times, against ${formatNumber(s.meanOnShift, 1)} on shift on average from a team of ${formatCount(s.reviewers)}.`,
    `Erlang C needs ${formatCount(s.needed)} reviewers on shift at once for waits within the analyst role profile's targets (${TTA_TARGETS.map((t) => `P${Math.round(t.p * 100)} under ${t.hours} h`).join(", ")}): a team of ${formatCount(s.team)} at ${formatCount(s.weeklyHours)} h a week each, ${gap}.`,
    `The simulation with today's team made the median case wait ${formatHours(s.waitP50)} before a reviewer opened it.`
  ];
}

/** The five sections: top risks, the category to watch, classifier health, staffing, and the metric to watch. */
export function weeklySections(a: WeeklyAnalysis, risks: readonly Risk[]): WeeklySection[] {
  const top = risks.slice(0, 3);
  const riskItems = top.length ? top.map((r) => r.sentence) : ["No ops metric is past its alert level this week."];
  const {alarmDays, lastAlarm} = a.attacks;
  if (alarmDays.length === 0) riskItems.push(`No attack alarm this week${lastAlarm ? `; the layered detector's last alarm was on ${lastAlarm}` : ""}.`);
  const watch = a.watch && risks.find((r) => r.id === a.watch!.id)!;
  const watchItems = watch
    ? [`${watch.title}: it is ${formatNumber(watch.ratio, 1)} times its alert level${watch.worsened ? " and got worse than last week" : ""}. ${capitalise(watch.sentence.replace(/^[^:]+: /, ""))}`]
    : ["Flags week over week, as no metric is past its alert level."];
  return [
    {id: "risks", title: "Top risks", items: riskItems},
    {id: "category", title: "Category to watch", items: categoryItems(a)},
    {id: "classifier", title: "Classifier health", items: classifierItems(a)},
    {id: "staffing", title: "Staffing recommendation", items: staffingItems(a)},
    {id: "watch", title: "Metric to watch next week", items: watchItems}
  ];
}

/** The report's prose, from the analysis: facts, ranked risks with their sentences, and the sections. */
export function narrateWeek(a: WeeklyAnalysis): {facts: Fact[]; risks: Risk[]; sections: WeeklySection[]} {
  const risks = weeklyRisks(a);
  return {facts: weeklyFacts(a), risks, sections: weeklySections(a, risks)};
}
