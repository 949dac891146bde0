import type {TableName} from "../io/contracts.js";
import type {Columns} from "../io/schema.js";
import {addDays} from "../world/calendar.js";

/**
 * The executive summary, computed from the published tables: posture over the last 30 days against
 * the 30 before, KPI progress against targets (seed 003's section 7 and seed 000's 12-hour SLA), the
 * top priorities ranked by their gap to target, and the incidents. Every number and every choice of
 * sentence comes from the data; the page only lays it out.
 */

export interface Kpi {
  id: string;
  name: string;
  value: number;
  previous: number;
  unit: "%" | "h" | "per 1k DAU";
  target: string;
  /** Whether the current value meets the target. */
  met: boolean;
  goodWhen: "up" | "down";
}

export interface Priority {
  title: string;
  detail: string;
  /** How far from its target the metric is, as a multiple of the target's tolerance (ranks priorities). */
  gap: number;
  link: string;
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
  incidents: Incident[];
}

type Tables = Pick<Record<TableName, Columns>, "flags" | "daily_country" | "attacks">;

const share = (n: number, d: number) => (d > 0 ? n / d : NaN);

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = values.slice().sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

/** Metrics of the flags raised in [start, end]. */
export function windowMetrics(tables: Tables, start: string, end: string) {
  const f = tables.flags as Record<string, ArrayLike<unknown>>;
  const n = f.flag_id.length;
  let flags = 0, violations = 0, proactive = 0, humanHigh = 0, breached = 0, humanDecided = 0, humanCorrect = 0, enforced = 0, appealed = 0, overturned = 0;
  let autoBlock = 0, scoreSum = 0;
  const ttaHigh: number[] = [];
  const ttaHuman: number[] = [];
  for (let i = 0; i < n; i++) {
    const date = f.date[i] as string;
    if (date < start || date > end) continue;
    flags++;
    const violation = f.is_violation[i] as boolean;
    const route = f.route[i] as string;
    const action = f.action[i] as string;
    const severity = f.severity[i] as string;
    if (violation) {
      violations++;
      scoreSum += f.ml_score[i] as number;
      if (f.source[i] === "ai") proactive++;
    }
    if (route === "auto_block") autoBlock++;
    if (route === "human_review") {
      humanDecided++;
      ttaHuman.push(f.tta_hours[i] as number);
      if ((action !== "none") === violation) humanCorrect++;
      if (severity === "high" || severity === "critical") {
        humanHigh++;
        ttaHigh.push(f.tta_hours[i] as number);
        if (f.sla_breached[i]) breached++;
      }
    }
    if (action !== "none") enforced++;
    if (f.appealed[i]) appealed++;
    if (f.overturned[i]) overturned++;
  }
  const dc = tables.daily_country as Record<string, ArrayLike<unknown>>;
  let userDays = 0;
  const days = new Set<string>();
  for (let i = 0; i < dc.date.length; i++) {
    const date = dc.date[i] as string;
    if (date < start || date > end) continue;
    userDays += dc.active_users[i] as number;
    days.add(date);
  }
  const dau = userDays / Math.max(1, days.size);
  return {
    flags,
    violations,
    /** Confirmed-harm proxy: true violations flagged per 1,000 daily active users per day. */
    harmPer1kDau: (violations / Math.max(1, days.size) / dau) * 1000,
    proactiveShare: share(proactive, violations),
    slaBreach: share(breached, humanHigh),
    ttaHighP50: quantile(ttaHigh, 0.5),
    ttaHighP90: quantile(ttaHigh, 0.9),
    medianResponse: quantile(ttaHuman, 0.5),
    qaPass: share(humanCorrect, humanDecided),
    overturnRate: share(overturned, appealed),
    enforcementRate: share(enforced, flags),
    autoBlockShare: share(autoBlock, flags),
    violationScore: violations ? scoreSum / violations : NaN
  };
}

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const hours = (x: number) => `${x.toFixed(1)} h`;

export function executiveSummary(tables: Tables, asOf: string): ExecutiveSummary {
  const end = asOf;
  const start = addDays(end, -29);
  const prevEnd = addDays(start, -1);
  const prevStart = addDays(prevEnd, -29);
  const now = windowMetrics(tables, start, end);
  const before = windowMetrics(tables, prevStart, prevEnd);
  const kpi = (id: string, name: string, key: keyof typeof now, unit: Kpi["unit"], target: string, met: (v: number) => boolean, goodWhen: Kpi["goodWhen"]): Kpi => ({
    id, name, value: now[key], previous: before[key], unit, target, met: met(now[key]), goodWhen
  });
  const kpis: Kpi[] = [
    kpi("harm", "Harm prevalence (violations flagged per 1k DAU per day)", "harmPer1kDau", "per 1k DAU", "downward trend", (v) => v <= before.harmPer1kDau, "down"),
    kpi("tta_p50", "Time to action, high severity, P50", "ttaHighP50", "h", "< 1 h (seed 003)", (v) => v < 1, "down"),
    kpi("tta_p90", "Time to action, high severity, P90", "ttaHighP90", "h", "< 8 h (seed 003)", (v) => v < 8, "down"),
    kpi("response", "Median response time, human review", "medianResponse", "h", "< 12 h (seed 000)", (v) => v < 12, "down"),
    kpi("sla", "SLA breach rate, high/critical (> 24 h)", "slaBreach", "%", "no high-severity backlog past SLA (seed 003)", (v) => v === 0, "down"),
    kpi("qa", "Enforcement accuracy (QA pass rate)", "qaPass", "%", "> 95% (seed 003)", (v) => v > 0.95, "up"),
    kpi("proactive", "Proactive detection share (AI-raised violations)", "proactiveShare", "%", "increase QoQ (seed 003)", (v) => v >= before.proactiveShare, "up"),
    kpi("overturn", "Appeal overturn rate", "overturnRate", "%", "downward trend (seed 003)", (v) => v <= before.overturnRate, "down")
  ];

  const a = tables.attacks as Record<string, ArrayLike<unknown>>;
  const attacks = Array.from({length: a.attack_id.length}, (_, i) => i).filter((i) => (a.end_date[i] as string) >= start && (a.start_date[i] as string) <= end);
  const attackFlags = attacks.reduce((s, i) => s + (a.flags[i] as number), 0);

  const candidates: Priority[] = [
    {
      title: "Clear the high-severity backlog",
      detail: `${pct(now.slaBreach)} of high and critical cases waited over 24 h (previous 30 days: ${pct(before.slaBreach)}); P90 time to action is ${hours(now.ttaHighP90)} against a target of 8 h.`,
      gap: now.slaBreach / 0.05,
      link: "./ops/queue"
    },
    {
      title: "Retrain or recalibrate the classifier",
      detail: `The mean score on true violations fell to ${now.violationScore.toFixed(3)} from ${before.violationScore.toFixed(3)}; auto-blocks fell to ${pct(now.autoBlockShare)} of flags from ${pct(before.autoBlockShare)}, pushing work onto reviewers.`,
      gap: Math.max(0, before.violationScore - now.violationScore) / 0.01,
      link: "./ops/classifier"
    },
    {
      title: "Harden coordinated-attack detection",
      detail: attacks.length
        ? `${attacks.length} coordinated attack${attacks.length > 1 ? "s" : ""} in the last 30 days raised ${attackFlags.toLocaleString("en-US")} flags (${pct(attackFlags / Math.max(1, now.flags))} of all flags).`
        : "No coordinated attack in the last 30 days.",
      gap: attacks.length ? (attackFlags / Math.max(1, now.flags)) / 0.02 : 0,
      link: "./ops/attacks"
    },
    {
      title: "Raise decision quality",
      detail: `Reviewer decisions agree with ground truth ${pct(now.qaPass)} of the time against a 95% target; ${pct(now.overturnRate)} of appeals overturn the action.`,
      gap: Math.max(0, 0.95 - now.qaPass) / 0.01,
      link: "./moderators"
    }
  ];
  const priorities = candidates.filter((p) => p.gap > 0).sort((x, y) => y.gap - x.gap).slice(0, 3);

  const f = tables.flags as Record<string, ArrayLike<unknown>>;
  // The incident: days on which automated blocks of benign content ran far above their usual level.
  const fpByDay = new Map<string, number>();
  for (let i = 0; i < f.flag_id.length; i++) {
    const date = f.date[i] as string;
    if (!fpByDay.has(date)) fpByDay.set(date, 0);
    if (f.route[i] === "auto_block" && !f.is_violation[i]) fpByDay.set(date, fpByDay.get(date)! + 1);
  }
  const fpValues = [...fpByDay.values()];
  const typical = quantile(fpValues, 0.5);
  const incidentDays = [...fpByDay].filter(([d, v]) => d >= start && v > Math.max(5, 4 * typical)).map(([d]) => d).sort();
  const incidents: Incident[] = incidentDays.length
    ? [{
        id: `INC-${incidentDays[0]}`,
        window: incidentDays.length > 1 ? `${incidentDays[0]} to ${incidentDays[incidentDays.length - 1]}` : incidentDays[0],
        detail: `Automatic blocks of benign content reached ${Math.max(...incidentDays.map((d) => fpByDay.get(d)!))} a day against a median of ${typical.toFixed(0)}: ${incidentDays.reduce((s, d) => s + fpByDay.get(d)!, 0)} wrongful blocks in all.`,
        link: "./incident"
      }]
    : [];

  const missed = kpis.filter((k) => !k.met).length;
  const posture: ExecutiveSummary["posture"] = now.slaBreach > 0.1 || attacks.length > 1 ? "elevated" : missed > kpis.length / 2 ? "guarded" : "stable";
  const postureReason = `${kpis.length - missed} of ${kpis.length} KPIs on target; ${attacks.length} coordinated attack${attacks.length === 1 ? "" : "s"} and an SLA breach rate of ${pct(now.slaBreach)} in the last 30 days.`;
  return {asOf, period: {start, end}, previous: {start: prevStart, end: prevEnd}, posture, postureReason, kpis, priorities, incidents};
}
