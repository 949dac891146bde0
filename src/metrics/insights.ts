import {flagAnomalies} from "../detect/anomalies.js";
import {CATEGORY_LABELS, type Category} from "../world/constants.js";
import {explainDay} from "../world/scenarios.js";
import {computeKpi, dayKey, inScope, type KpiTables, type Row, type Scope} from "./computeKpi.js";
import {countryKpis} from "./countryKpis.js";
import {kpiDefinition} from "./definitions.js";
import {months} from "./periods.js";
import {dailyTotals} from "./series.js";

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

const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : "n/a");
const num = (x: number) => Math.round(x).toLocaleString("en-US");
const hours = (x: number) => `${x.toFixed(1)} h`;
const round = (x: number, d = 4) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : NaN);

/**
 * Seed 000's "Key insights" and "Recommendations", generated from the data: every number is computed,
 * and the wording follows the numbers (a spread under 1.5x is "consistent", a median within 12 h
 * "meets" the target, and so on), so another seed gives other numbers and, where the data says so,
 * other sentences. The thresholds are the seeds' own benchmarks.
 */
export function generateInsights(tables: KpiTables & {daily_country: readonly Row[]; flags: readonly Row[]}, scope: Scope = {}, scopeLabel = "all regions"): InsightReport {
  const kpi = (id: string, s: Scope = scope) => computeKpi(kpiDefinition(id), tables, s);
  const insights: Insight[] = [];
  const recommendations: Insight[] = [];
  const add = (list: Insight[], id: string, title: string, text: string, figures: Record<string, number | string>) => list.push({id, title, text, figures});

  // 1. Load and its sensitivity to surges.
  const reportRate = kpi("report_rate");
  const days = dailyTotals(tables.daily_country, scope);
  const reports = days.map((d) => d.reports as number);
  const sorted = [...reports].sort((a, b) => a - b);
  const medianDay = sorted[Math.floor(sorted.length / 2)];
  const peak = days.reduce((a, b) => ((b.reports as number) > (a.reports as number) ? b : a));
  const peakWhy = explainDay(peak.date).map((n) => n.scenario).join(", ");
  add(insights, "load", "Moderation load",
    `Reports were ${pct(reportRate, 2)} of content created (${num(kpi("reports"))} reports on ${num(kpi("content_created"))} items). A typical day had ${num(medianDay)} reports; the busiest, ${peak.date}, had ${num(peak.reports as number)} (${((peak.reports as number) / medianDay).toFixed(1)}× typical)${peakWhy ? `, during ${peakWhy}` : ", with no known scenario behind it"}.`,
    {report_rate: round(reportRate), median_day: medianDay, peak_date: peak.date, peak_reports: peak.reports as number});

  // 2. Enforcement coverage and appeal outcomes across countries.
  const enforcementRate = kpi("enforcement_rate");
  // Only countries whose appeal counts are all published: in privacy mode small cells are suppressed
  // (null), and a rate over what is left would be wrong, not just imprecise.
  const suppressed = new Set(tables.daily_country.filter((r) => inScope(r, scope) && (r.appeals == null || r.successful_appeals == null)).map((r) => String(r.country)));
  const countries = countryKpis(tables.daily_country, scope).filter((c) => !suppressed.has(c.country) && Number.isFinite(c.appeal_success_rate));
  const comparable = countries.length >= 2;
  const hi = comparable ? countries.reduce((a, b) => (b.appeal_success_rate > a.appeal_success_rate ? b : a)) : null;
  const lo = comparable ? countries.reduce((a, b) => (b.appeal_success_rate < a.appeal_success_rate ? b : a)) : null;
  const spread = hi && lo ? hi.appeal_success_rate / lo.appeal_success_rate : NaN;
  const wide = spread >= 1.5;
  const withheld = suppressed.size ? ` ${suppressed.size} ${suppressed.size === 1 ? "country is" : "countries are"} left out: small counts in ${suppressed.size === 1 ? "its" : "their"} appeal figures are suppressed.` : "";
  add(insights, "appeals", "Enforcement and appeals",
    `Enforcement covered ${pct(enforcementRate)} of reports. ${hi && lo ? `Appeal outcomes ${wide ? "vary widely" : "are consistent"} across countries: ${pct(hi.appeal_success_rate)} of appeals succeeded in ${hi.country} against ${pct(lo.appeal_success_rate)} in ${lo.country} (${spread.toFixed(2)}×).` : "Appeal outcomes cannot be compared across countries: fewer than two countries have complete appeal figures."}${withheld}`,
    {enforcement_rate: round(enforcementRate), appeal_spread: round(spread, 2), highest: hi?.country ?? "", lowest: lo?.country ?? "", withheld: suppressed.size});

  // 3. The misinformation event: July against March–June.
  const inScopeFlags = tables.flags.filter((r) => inScope(r, scope));
  const julyDays = (d: string) => d.startsWith("2025-07");
  const share = (pred: (d: string) => boolean) => {
    const rows = days.filter((d) => pred(d.date));
    const total = rows.reduce((s, d) => s + (d.reports as number), 0);
    return rows.reduce((s, d) => s + (d.reports_misinformation as number), 0) / total;
  };
  const july = share(julyDays);
  const before = share((d) => d < "2025-07-01");
  const misJuly = inScopeFlags.filter((r) => r.category === "misinformation" && julyDays(dayKey(r.date)));
  const userShare = misJuly.filter((r) => r.source === "user").length / misJuly.length;
  const enforcedJuly = misJuly.filter((r) => r.action !== "none");
  const downrank = enforcedJuly.filter((r) => r.action === "downrank").length / enforcedJuly.length;
  const lift = july / before;
  add(insights, "misinformation", "Misinformation",
    `${lift >= 1.5 ? "Misinformation spiked in July" : "July brought no clear misinformation spike"}: ${pct(july)} of reports against ${pct(before)} in March–June (${lift.toFixed(1)}×). ${pct(userShare, 0)} of July's misinformation flags came from users${userShare > 0.5 ? ", so detection relied on people" : ""}, and ${pct(downrank, 0)} of those enforced were downranked${downrank > 0.5 ? " rather than removed" : ""}.`,
    {july_share: round(july), before_share: round(before), lift: round(lift, 2), user_share: round(userShare), downrank_share: round(downrank)});

  // 4. Child safety: rare and strict.
  const child = inScopeFlags.filter((r) => r.category === "child_safety");
  const childShare = child.length / inScopeFlags.length;
  const actions = [...new Set(child.map((r) => String(r.action)).filter((a) => a !== "none"))].sort();
  const appealed = child.filter((r) => r.appealed).length;
  const overturned = child.filter((r) => r.overturned).length;
  const strict = actions.every((a) => a === "removal" || a === "suspension");
  add(insights, "child_safety", "Child safety",
    `${CATEGORY_LABELS.child_safety} reports are ${childShare < 0.02 ? "rare" : "not rare"} (${pct(childShare, 2)} of flags) and ${strict ? "strictly enforced" : "not always strictly enforced"}: actions were ${actions.join(" and ") || "none"}; ${overturned} of ${appealed} appeals succeeded (${pct(appealed ? overturned / appealed : NaN, 0)}).`,
    {share: round(childShare, 5), actions: actions.join("+"), appealed, overturned});

  // 5. Response time by month against the 12 h target.
  const monthly = months().map((m) => ({label: m.label, value: kpi("median_response_time", {...scope, from: m.from, to: m.to})}));
  const firstMonth = monthly[0];
  const lastMonth = monthly.at(-1)!;
  const met = monthly.filter((m) => m.value < 12).length;
  const falling = lastMonth.value < firstMonth.value;
  add(insights, "response_time", "Response time",
    `Median response time ${falling ? "fell" : "rose"} from ${hours(firstMonth.value)} in ${firstMonth.label} to ${hours(lastMonth.value)} in ${lastMonth.label}; ${lastMonth.value < 12 ? "it now meets" : "it still misses"} the 12 h target (${met} of ${monthly.length} months met it). High-severity P90 time to action is ${hours(kpi("tta_high_p90"))} against 003's 8 h.`,
    {first: round(firstMonth.value, 2), last: round(lastMonth.value, 2), months_met: met, tta_high_p90: round(kpi("tta_high_p90"), 2)});

  // 6. Anomalies at seed 000's defaults, joined to the scenarios.
  const scored = flagAnomalies(reports, {window: 7, threshold: 2});
  const flaggedDays = days.filter((_, i) => scored.flagged[i]).map((d) => d.date);
  const explained = flaggedDays.filter((d) => explainDay(d).length > 0);
  const scenarios = [...new Set(explained.flatMap((d) => explainDay(d).map((n) => n.scenario)))];
  add(insights, "anomalies", "Anomalies",
    `A 7-day rolling z-score over daily reports flags ${flaggedDays.length} days at |z| > 2; ${explained.length} of them fall on a known scenario (${scenarios.join(", ") || "none"}), ${flaggedDays.length - explained.length} are unexplained.`,
    {flagged: flaggedDays.length, explained: explained.length});

  // Recommendations follow the numbers above.
  if (!hi || !lo) add(recommendations, "consistency", "Consistency", "Compare appeals handling across countries on the unsuppressed data: the published figures are too sparse for it.", {appeal_spread: NaN});
  else if (wide) add(recommendations, "consistency", "Consistency", `Standardise appeals handling: appeal success ranges ${spread.toFixed(2)}× across countries, from ${lo.country} to ${hi.country}.`, {appeal_spread: round(spread, 2)});
  else add(recommendations, "consistency", "Consistency", `Keep appeals handling as it is: success rates stay within ${spread.toFixed(2)}× across countries.`, {appeal_spread: round(spread, 2)});
  if (lastMonth.value >= 12 || kpi("tta_high_p90") >= 8) add(recommendations, "speed", "Speed", `Target a median response under 12 h (now ${hours(lastMonth.value)}) and a high-severity P90 under 8 h (now ${hours(kpi("tta_high_p90"))}), prioritising critical and high severity in the queue.`, {last: round(lastMonth.value, 2)});
  else add(recommendations, "speed", "Speed", `Hold the response gains: the median is ${hours(lastMonth.value)}, within 12 h, and high-severity P90 is ${hours(kpi("tta_high_p90"))}.`, {last: round(lastMonth.value, 2)});
  const proactive = kpi("proactive_share");
  const topCategory = (["misinformation", "spam"] as Category[]).map((k) => ({k, user: inScopeFlags.filter((r) => r.category === k && r.source === "user").length / Math.max(1, inScopeFlags.filter((r) => r.category === k).length)}));
  add(recommendations, "proactivity", "Proactivity",
    `Invest in early detection: the classifier found ${pct(proactive, 0)} of confirmed violations before anyone reported them; users raised ${topCategory.map((c) => `${pct(c.user, 0)} of ${CATEGORY_LABELS[c.k].toLowerCase()} flags`).join(" and ")}${explained.length < flaggedDays.length ? `, and ${flaggedDays.length - explained.length} anomalous days have no known cause yet` : ""}.`,
    {proactive_share: round(proactive)});
  add(recommendations, "transparency", "Transparency",
    `Report the source and enforcement mixes with every KPI: AI flags are ${pct(kpi("detection_precision"), 0)} precise, and ${pct(kpi("appeal_overturn_rate"), 1)} of appeals overturn the action.`,
    {detection_precision: round(kpi("detection_precision")), overturn: round(kpi("appeal_overturn_rate"))});
  return {scope: scopeLabel, insights, recommendations};
}
