import {DEFAULT_FLAG_OPTIONS, flagAnomalies, scoreAnomalies} from "../detect/anomalies.js";
import {formatCount, formatHours, formatInterval, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {median} from "../core/quantile.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import {CATEGORY_LABELS, END_DATE, START_DATE, type Category} from "../core/constants.js";
import {eventsOn, explainDay, type KnownEvent} from "../core/scenarios.js";
import {dayKey, inScope, type KpiTables, type Row, type Scope} from "./computeKpi.js";
import {figureText} from "./describeKpi.js";
import {isSmall, measureKpi, SMALL_SAMPLE, type KpiFigure} from "./kpiFigure.js";
import {months} from "./periods.js";
import {dailyTotals, type DailyTotal} from "./series.js";

/** One generated sentence (or a few) with the numbers it was built from. */
export interface Insight {
  id: string;
  title: string;
  text: string;
  /** The computed figures behind the text, for tests and tooltips. */
  figures: Record<string, number | string>;
}

export interface InsightReport {
  scope: string;
  insights: Insight[];
  recommendations: Insight[];
}

/**
 * The Anomalies page's default view (docs/anomalies.md): the series "Total reports" over all regions,
 * scored with the detector's defaults (src/detect/anomalies.ts: rolling z, window 7, |z| > 2). The
 * anomalies insight counts days on exactly this view, whatever the report's scope, so its count is the
 * one the page shows when it opens.
 */
export const ANOMALY_PAGE_DEFAULTS = {column: "reports", scope: {} as Scope, ...DEFAULT_FLAG_OPTIONS} as const;

/** The KPI tables with the known events (the published known_events) that explain a day. */
type InsightTables = KpiTables & {daily_country: readonly Row[]; flags: readonly Row[]; known_events: readonly KnownEvent[]};

const round = (x: number, d = 4) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : NaN);

/** A share with its counts and 95% Wilson interval, as a KpiFigure-like value for figureText-style text. */
interface Share {
  k: number;
  n: number;
  value: number;
  lower: number;
  upper: number;
}

function share(k: number, n: number): Share {
  const w = wilsonInterval(k, n);
  return {k, n, value: w.estimate, lower: w.lower, upper: w.upper};
}

/** "45 of 366; 95% CI 9.3–16.0%", marked when it rests on fewer than 30 cases. */
function shareBasis(s: Share): string {
  if (s.n === 0) return "no cases";
  const small = s.n < SMALL_SAMPLE ? `; fewer than ${SMALL_SAMPLE} cases: read with care` : "";
  return `${formatCount(s.k)} of ${formatCount(s.n)}; 95% CI ${formatInterval(s.lower, s.upper, "percent")}${small}`;
}

/** "12.3% (45 of 366; 95% CI 9.3–16.0%)". */
const shareText = (s: Share, digits = 1): string => (s.n === 0 ? "none (no cases)" : `${formatPercent(s.value, digits)} (${shareBasis(s)})`);

const overlap = (a: {lower: number | null; upper: number | null}, b: {lower: number | null; upper: number | null}) =>
  a.lower === null || b.lower === null || !Number.isFinite(a.lower) || !Number.isFinite(b.lower) ? true : a.lower <= b.upper! && b.lower <= a.upper!;

interface Context {
  tables: InsightTables;
  scope: Scope;
  kpi: (id: string, s?: Scope) => KpiFigure;
  days: DailyTotal[];
  flags: Row[];
}

/**
 * The APAC KPI dashboard's "Key insights" and "Recommendations", generated from the data: every number is computed
 * through the KPI dictionary where it carries a KPI's name, every compared rate carries its counts and
 * a 95% Wilson interval, changes in rates are in percentage points, and no recommendation rests on a
 * difference whose intervals overlap (the text says the difference is within noise instead). Another
 * seed gives other numbers and, where the data says so, other sentences.
 */
export function generateInsights(tables: InsightTables, scope: Scope = {}, scopeLabel = "all regions"): InsightReport {
  const window = {from: scope.from ?? START_DATE, to: scope.to ?? END_DATE};
  const ctx: Context = {
    tables,
    scope,
    // Within the report's scope: a narrower window or a country is added to it, never replaces it.
    kpi: (id, s = {}) => measureKpi(id, tables, {...window, ...scope, ...s}),
    days: dailyTotals(tables.daily_country, scope),
    flags: tables.flags.filter((r) => inScope(r, scope))
  };
  const appeals = appealsInsight(ctx);
  const response = responseInsight(ctx);
  const anomalies = anomaliesInsight(ctx, scopeLabel);
  const insights = [loadInsight(ctx), appeals.insight, misinformationInsight(ctx), childSafetyInsight(ctx), response.insight, anomalies.insight];
  const recommendations = [appeals.recommendation, response.recommendation, proactivityRecommendation(ctx, anomalies.unexplained), transparencyRecommendation(ctx)];
  return {scope: scopeLabel, insights, recommendations};
}

function loadInsight({kpi, days, tables}: Context): Insight {
  const rate = kpi("report_rate");
  const typical = median(days.map((d) => d.reports as number));
  const peak = days.reduce((a, b) => ((b.reports as number) > (a.reports as number) ? b : a));
  const why = eventsOn(peak.date, tables.known_events);
  return {
    id: "load",
    title: "Moderation load",
    text: `Reports were ${formatPercent(rate.value, 2)} of content created (${formatCount(rate.numerator)} reports on ${formatCount(rate.denominator)} items). A typical day had ${formatCount(typical)} reports; the busiest, ${peak.date}, had ${formatCount(peak.reports as number)} (${formatNumber((peak.reports as number) / typical, 1)}× typical)${why ? `, during ${why}` : ", with no known scenario behind it"}.`,
    figures: {report_rate: round(rate.value ?? NaN), median_day: typical, peak_date: peak.date, peak_reports: peak.reports as number}
  };
}

/** Appeal outcomes across countries: the highest and lowest appeal overturn rates, with their intervals. */
function appealsInsight({tables, scope, kpi}: Context): {insight: Insight; recommendation: Insight} {
  const enforcement = kpi("enforcement_rate");
  // Only countries whose appeal counts are all published: in privacy mode small cells are suppressed
  // (null), and a rate over what is left would be wrong, not just imprecise.
  const rows = tables.daily_country.filter((r) => inScope(r, scope));
  const suppressed = new Set(rows.filter((r) => r.appeals == null || r.successful_appeals == null).map((r) => String(r.country)));
  const countries = [...new Set(rows.map((r) => String(r.country)))].filter((c) => !suppressed.has(c)).sort();
  const rates = countries.map((country) => kpi("appeal_overturn_rate", {...scope, country})).filter((f) => f.value !== null);
  const comparable = rates.length >= 2;
  const hi = comparable ? rates.reduce((a, b) => (b.value! > a.value! ? b : a)) : null;
  const lo = comparable ? rates.reduce((a, b) => (b.value! < a.value! ? b : a)) : null;
  const gap = hi && lo ? hi.value! - lo.value! : NaN;
  const noise = hi && lo ? overlap(hi, lo) : true;
  const withheld = suppressed.size ? ` ${suppressed.size} ${suppressed.size === 1 ? "country is" : "countries are"} left out: small counts in ${suppressed.size === 1 ? "its" : "their"} appeal figures are suppressed.` : "";
  const compared = hi && lo ? `${hi.place} ${figureText(hi)} against ${lo.place} ${figureText(lo)}, ${formatPp(gap)} apart` : "";
  const outcome = !hi || !lo
    ? "Appeal outcomes cannot be compared across countries: fewer than two countries have complete appeal figures."
    : noise
      ? `Appeal overturn rates differ across countries, but the difference is within noise: ${compared}, and their 95% intervals overlap.`
      : `Appeal overturn rates vary across countries beyond noise: ${compared}, with 95% intervals that do not overlap.`;
  const figures = {enforcement_rate: round(enforcement.value ?? NaN), appeal_spread: round(gap), highest: hi?.place ?? "", lowest: lo?.place ?? "", within_noise: noise ? "yes" : "no", withheld: suppressed.size};
  const recommendation: Insight = !hi || !lo
    ? {id: "consistency", title: "Consistency", text: "Compare appeals handling across countries on the unsuppressed data: the published figures are too sparse for it.", figures: {appeal_spread: NaN}}
    : noise
      ? {id: "consistency", title: "Consistency", text: `No change to appeals handling on this evidence: the difference in appeal overturn rates between ${hi.place} and ${lo.place} (${formatPp(gap)}) is within noise. Keep tracking it as appeals accumulate.`, figures: {appeal_spread: round(gap), within_noise: "yes"}}
      : {id: "consistency", title: "Consistency", text: `Standardise appeals handling: ${compared}, a difference beyond noise.`, figures: {appeal_spread: round(gap), within_noise: "no"}};
  return {insight: {id: "appeals", title: "Enforcement and appeals", text: `Enforcement covered ${figureText(enforcement)} of reports. ${outcome}${withheld}`, figures}, recommendation};
}

/** The misinformation event: July's share of reports against March–June's, in pp with intervals. */
function misinformationInsight({kpi, flags}: Context): Insight {
  const july = kpi("misinformation_share", {from: "2025-07-01", to: "2025-07-31"});
  const before = kpi("misinformation_share", {from: START_DATE, to: "2025-06-30"});
  const lift = (july.value ?? NaN) / (before.value ?? NaN);
  const spike = lift >= 1.5 && !overlap(july, before);
  const misJuly = flags.filter((r) => r.category === "misinformation" && dayKey(r.date).startsWith("2025-07"));
  const users = share(misJuly.filter((r) => r.source === "user").length, misJuly.length);
  const enforced = misJuly.filter((r) => r.action !== "none");
  const downrank = share(enforced.filter((r) => r.action === "downrank").length, enforced.length);
  const head = spike ? "Misinformation spiked in July" : lift >= 1.5 ? "July's misinformation rise is within noise" : "July brought no clear misinformation spike";
  return {
    id: "misinformation",
    title: "Misinformation",
    text: `${head}: ${figureText(july)} of reports against ${figureText(before)} in March–June, ${formatPp((july.value ?? NaN) - (before.value ?? NaN))}. ${shareText(users, 0)} of July's misinformation flags came from users${users.value > 0.5 ? ", so detection relied on people" : ""}, and ${shareText(downrank, 0)} of those enforced were downranked${downrank.value > 0.5 ? " rather than removed" : ""}.`,
    figures: {july_share: round(july.value ?? NaN), before_share: round(before.value ?? NaN), change_pp: round(100 * ((july.value ?? NaN) - (before.value ?? NaN)), 2), lift: round(lift, 2), user_share: round(users.value), downrank_share: round(downrank.value)}
  };
}

function childSafetyInsight({flags}: Context): Insight {
  const child = flags.filter((r) => r.category === "child_safety");
  const childShare = share(child.length, flags.length);
  const actions = [...new Set(child.map((r) => String(r.action)).filter((a) => a !== "none"))].sort();
  const appealed = child.filter((r) => r.appealed).length;
  const overturned = child.filter((r) => r.overturned).length;
  const strict = actions.every((a) => a === "removal" || a === "suspension");
  return {
    id: "child_safety",
    title: "Child safety",
    text: `${CATEGORY_LABELS.child_safety} reports are ${childShare.value < 0.02 ? "rare" : "not rare"} (${formatPercent(childShare.value, 2)} of flags: ${shareBasis(childShare)}) and ${strict ? "strictly enforced" : "not always strictly enforced"}: actions were ${actions.join(" and ") || "none"}; ${overturned} of ${appealed} appeals succeeded${appealed ? ` (${formatPercent(overturned / appealed, 0)}; 95% CI ${formatInterval(share(overturned, appealed).lower, share(overturned, appealed).upper, "percent")}${appealed < SMALL_SAMPLE ? `; fewer than ${SMALL_SAMPLE} cases: read with care` : ""})` : ""}.`,
    figures: {share: round(childShare.value, 5), actions: actions.join("+"), appealed, overturned}
  };
}

/** Median response time by month against the 12 h target, and the high-severity P90 against 8 h. */
function responseInsight({kpi, scope}: Context): {insight: Insight; recommendation: Insight} {
  const monthly = months().map((m) => ({label: m.label, value: kpi("median_response_time", {...scope, from: m.from, to: m.to}).value ?? NaN}));
  const first = monthly[0];
  const last = monthly.at(-1)!;
  const met = monthly.filter((m) => m.value < 12).length;
  const p90 = kpi("tta_high_p90").value ?? NaN;
  const insight: Insight = {
    id: "response_time",
    title: "Response time",
    text: `Median response time ${last.value < first.value ? "fell" : "rose"} from ${formatHours(first.value)} in ${first.label} to ${formatHours(last.value)} in ${last.label}; ${last.value < 12 ? "it now meets" : "it still misses"} the 12 h target (${met} of ${monthly.length} months met it). Time to action, high severity (P90) is ${formatHours(p90)} against 003's 8 h.`,
    figures: {first: round(first.value, 2), last: round(last.value, 2), months_met: met, tta_high_p90: round(p90, 2)}
  };
  const recommendation: Insight = last.value >= 12 || p90 >= 8
    ? {id: "speed", title: "Speed", text: `Target a median response under 12 h (now ${formatHours(last.value)}) and a high-severity P90 time to action under 8 h (now ${formatHours(p90)}), prioritising critical and high severity in the queue.`, figures: {last: round(last.value, 2)}}
    : {id: "speed", title: "Speed", text: `Hold the response gains: the median is ${formatHours(last.value)}, within 12 h, and the high-severity P90 time to action is ${formatHours(p90)}.`, figures: {last: round(last.value, 2)}};
  return {insight, recommendation};
}

/**
 * Flagged days on the Anomalies page's default view, scored as the page scores them (scoreAnomalies):
 * explained = a rise on a scenario day; a drop on a scenario day stays unexplained.
 */
export function anomalyDays(dailyCountry: readonly Row[], events: readonly KnownEvent[], scope: Scope = ANOMALY_PAGE_DEFAULTS.scope): {flagged: string[]; explained: string[]} {
  const days = dailyTotals(dailyCountry, scope);
  const {method, window, threshold, direction} = ANOMALY_PAGE_DEFAULTS;
  const scored = flagAnomalies(days.map((d) => d[ANOMALY_PAGE_DEFAULTS.column] as number), {method, window, threshold, direction});
  const score = scoreAnomalies(days.map((d) => d.date), scored, (d) => explainDay(d, events).length > 0);
  return {flagged: score.flaggedDays, explained: score.explainedDays};
}

function anomaliesInsight({tables, scope}: Context, scopeLabel: string): {insight: Insight; unexplained: number} {
  const {flagged, explained} = anomalyDays(tables.daily_country, tables.known_events);
  const scenarios = [...new Set(explained.flatMap((d) => explainDay(d, tables.known_events).map((n) => n.scenario)))];
  const {window, threshold} = ANOMALY_PAGE_DEFAULTS;
  const local = scope.region || scope.country ? anomalyDays(tables.daily_country, tables.known_events, scope) : null;
  const own = local ? ` ${scopeLabel}'s own daily reports, at the same settings, have ${local.flagged.length} flagged days, ${local.flagged.length - local.explained.length} of them unexplained.` : "";
  return {
    insight: {
      id: "anomalies",
      title: "Anomalies",
      text: `On the Anomalies page's default view (total reports, all regions, a ${window}-day rolling z-score, |z| > ${threshold}), ${flagged.length} days are flagged; ${explained.length} of them fall on a known scenario (${scenarios.join(", ") || "none"}), ${flagged.length - explained.length} are unexplained.${own}`,
      figures: {flagged: flagged.length, explained: explained.length, ...(local ? {scope_flagged: local.flagged.length, scope_explained: local.explained.length} : {})}
    },
    unexplained: flagged.length - explained.length
  };
}

function proactivityRecommendation({kpi, flags}: Context, unexplained: number): Insight {
  const proactive = kpi("proactive_share");
  const byUsers = (["misinformation", "spam"] as Category[]).map((k) => {
    const all = flags.filter((r) => r.category === k);
    return {k, s: share(all.filter((r) => r.source === "user").length, all.length)};
  });
  return {
    id: "proactivity",
    title: "Proactivity",
    text: `Invest in early detection: the classifier found ${figureText(proactive)} of confirmed violations before anyone reported them; users raised ${byUsers.map((c) => `${shareText(c.s, 0)} of ${CATEGORY_LABELS[c.k].toLowerCase()} flags`).join(" and ")}${unexplained > 0 ? `, and ${unexplained} anomalous days have no known cause yet` : ""}.`,
    figures: {proactive_share: round(proactive.value ?? NaN)}
  };
}

function transparencyRecommendation({kpi}: Context): Insight {
  const precision = kpi("detection_precision");
  const overturn = kpi("appeal_overturn_rate");
  const small = isSmall(overturn) ? " (a small sample)" : "";
  return {
    id: "transparency",
    title: "Transparency",
    text: `Report the source and enforcement mixes with every KPI: AI flags are ${figureText(precision)} precise, and ${figureText(overturn)} of appeals overturn the action${small}.`,
    figures: {detection_precision: round(precision.value ?? NaN), overturn: round(overturn.value ?? NaN)}
  };
}
