/**
 * Incident records from monitoring: every run of days with a high-severity alert (days at most one
 * day apart merge) becomes an incident with what happened, its impact, a root-cause hypothesis drawn
 * from the data (who was blocked: how young, how linked, through which feature), actions with owners
 * and due dates, and the metrics to watch. The world's own account of those days (ground truth) is
 * attached separately, to grade the hypothesis, never to write it.
 */
import {formatCount, formatNumber, formatPercent} from "../core/format.js";
import type {Alert} from "../detect/monitorAlerts.js";
import {addDays} from "../core/calendar.js";

export interface IncidentDay {
  date: string;
  policy_blocks: number;
  chats: number;
  uploads: number;
  active_users: number;
}

export interface IncidentUserDay {
  user_id: string;
  date: string;
  policy_blocks: number;
  chats: number;
  chats_to_new_accounts: number;
  account_age_days: number | null;
}

export interface IncidentInput {
  alerts: readonly Alert[];
  days: readonly IncidentDay[];
  userDays: readonly IncidentUserDay[];
  componentOf: (userId: string) => {component: number; size: number} | undefined;
  /** Ground truth for a date (the simulation's scenarios), kept apart from the hypothesis. */
  explain?: (date: string) => {scenario: string; note: string}[];
}

export interface Incident {
  id: string;
  title: string;
  severity: "high";
  start: string;
  end: string;
  detected: string;
  whatHappened: string;
  impact: string;
  hypothesis: string;
  evidence: string[];
  actions: {action: string; owner: string; due: string}[];
  metricsToWatch: string[];
  alerts: Alert[];
  figures: {extraBlocks: number; blockedAccounts: number; youngShare: number; largestComponent: number; largestComponentBlocked: number; componentShareOfBlocks: number; chatsToNewAccounts: number; messagingShare: number; baselineMessagingShare: number};
  groundTruth: string[];
}

/** Accounts younger than this count as new. */
export const YOUNG_DAYS = 30;

export function incidentRecords(input: IncidentInput, {baselineDays = 14} = {}): Incident[] {
  const high = input.alerts.filter((a) => a.severity === "high").sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const runs: Alert[][] = [];
  for (const a of high) {
    const run = runs[runs.length - 1];
    if (run && a.date <= addDays(run[run.length - 1].date, 1)) run.push(a);
    else runs.push([a]);
  }
  return runs.map((run) => narrateAlertRun(analyseAlertRun(run, input, baselineDays)));
}

/** What an alert run measures: the blocks against the baseline, who was blocked, through which surface. Numbers only. */
export interface AlertRunAnalysis {
  run: Alert[];
  start: string;
  end: string;
  baselineDays: number;
  windowDays: number;
  blocks: number;
  blocksPerDay: number;
  figures: Incident["figures"];
  /** The largest entity-resolution component (3 or more linked accounts) among the blocked accounts. */
  largest: {size: number; accounts: number; blocks: number} | undefined;
  /** The alert with the highest z, and the run's metrics (lower case, in order of first alert). */
  peak: Alert;
  metrics: string[];
  /** Which explanations the figures support, each by its stated rule. */
  signs: {coordinated: boolean; young: boolean; messaging: boolean; newcomers: boolean};
  groundTruth: string[];
}

/** Share of content attempts (chats and uploads) that were direct messages. */
function messagingShare(ds: readonly IncidentDay[]): number {
  const chats = ds.reduce((s, d) => s + d.chats, 0);
  const all = chats + ds.reduce((s, d) => s + d.uploads, 0);
  return all ? chats / all : NaN;
}

/** The accounts blocked in the window: their blocks, whether any was young, and their messages to new accounts. */
function blockedAccounts(userDays: readonly IncidentUserDay[], inWindow: (d: string) => boolean) {
  const blockedBy = new Map<string, {blocks: number; young: boolean; newChats: number}>();
  for (const r of userDays) {
    if (!inWindow(r.date) || r.policy_blocks === 0) continue;
    const e = blockedBy.get(r.user_id) ?? {blocks: 0, young: false, newChats: 0};
    e.blocks += r.policy_blocks;
    e.young ||= r.account_age_days !== null && r.account_age_days < YOUNG_DAYS;
    e.newChats += r.chats_to_new_accounts;
    blockedBy.set(r.user_id, e);
  }
  return [...blockedBy.entries()];
}

/** The component of 3 or more linked accounts with the most blocks among the blocked accounts. */
function largestComponent(accounts: ReturnType<typeof blockedAccounts>, componentOf: IncidentInput["componentOf"]) {
  const byComponent = new Map<number, {size: number; accounts: number; blocks: number}>();
  for (const [user, e] of accounts) {
    const c = componentOf(user);
    if (!c || c.size < 3) continue;
    const x = byComponent.get(c.component) ?? {size: c.size, accounts: 0, blocks: 0};
    x.accounts++;
    x.blocks += e.blocks;
    byComponent.set(c.component, x);
  }
  return [...byComponent.entries()].sort((a, b) => b[1].blocks - a[1].blocks)[0]?.[1];
}

/** Measures one run of high-severity alerts against the `baselineDays` before it. */
export function analyseAlertRun(run: Alert[], input: IncidentInput, baselineDays: number): AlertRunAnalysis {
  const start = run[0].date;
  const end = run[run.length - 1].date;
  const inWindow = (d: string) => d >= start && d <= end;
  const baseFrom = addDays(start, -baselineDays);
  const windowDays = input.days.filter((d) => inWindow(d.date));
  const baseDays = input.days.filter((d) => d.date >= baseFrom && d.date < start);
  const blocksPerDay = baseDays.length ? baseDays.reduce((s, d) => s + d.policy_blocks, 0) / baseDays.length : 0;
  const blocks = windowDays.reduce((s, d) => s + d.policy_blocks, 0);
  const accounts = blockedAccounts(input.userDays, inWindow);
  const totalBlocked = accounts.reduce((s, [, e]) => s + e.blocks, 0);
  const youngBlocks = accounts.filter(([, e]) => e.young).reduce((s, [, e]) => s + e.blocks, 0);
  const largest = largestComponent(accounts, input.componentOf);
  const figures = {
    extraBlocks: Math.max(0, blocks - blocksPerDay * windowDays.length),
    blockedAccounts: accounts.length,
    youngShare: totalBlocked ? youngBlocks / totalBlocked : 0,
    largestComponent: largest ? largest.size : 0,
    largestComponentBlocked: largest ? largest.accounts : 0,
    componentShareOfBlocks: largest && totalBlocked ? largest.blocks / totalBlocked : 0,
    chatsToNewAccounts: accounts.reduce((s, [, e]) => s + e.newChats, 0),
    messagingShare: messagingShare(windowDays),
    baselineMessagingShare: messagingShare(baseDays)
  };
  const signs = {
    coordinated: figures.componentShareOfBlocks >= 0.3,
    young: figures.youngShare >= 0.5,
    messaging: figures.messagingShare - figures.baselineMessagingShare >= 0.05,
    newcomers: figures.chatsToNewAccounts > 0 && figures.youngShare >= 0.5
  };
  const groundTruth = input.explain ? [...new Set(run.flatMap((a) => input.explain!(a.date).map((n) => `${n.scenario}: ${n.note}`)))] : [];
  const peak = run.reduce((m, a) => (a.z > m.z ? a : m), run[0]);
  const metrics = [...new Set(run.map((a) => a.label.toLowerCase()))];
  return {run, start, end, baselineDays, windowDays: windowDays.length, blocks, blocksPerDay, figures, largest, peak, metrics, signs, groundTruth};
}

/** The root-cause hypothesis: every explanation the figures support, or a check of the filter when none does. */
function hypothesisOf(a: AlertRunAnalysis): string {
  const {figures: f, largest, signs} = a;
  const clauses: string[] = [];
  if (signs.coordinated && largest) clauses.push(`a coordinated group: ${largest.accounts} of the blocked accounts belong to one entity-resolution component of ${largest.size} linked accounts and produced ${formatPercent(f.componentShareOfBlocks, 0)} of the blocks`);
  if (signs.young) clauses.push(`new accounts: ${formatPercent(f.youngShare, 0)} of the blocks came from accounts younger than ${YOUNG_DAYS} days`);
  if (signs.messaging) clauses.push(`through messaging: direct messages were ${formatPercent(f.messagingShare, 0)} of content attempts against ${formatPercent(f.baselineMessagingShare, 0)} in the ${a.baselineDays} days before`);
  if (signs.newcomers) clauses.push(`aimed at newcomers: the blocked accounts sent ${formatCount(f.chatsToNewAccounts)} messages to accounts younger than 7 days`);
  return clauses.length
    ? `Abuse by ${clauses.join("; ")}.`
    : `No single group, account age or surface explains the blocks: ${f.blockedAccounts} accounts were blocked, ${formatPercent(f.youngShare, 0)} of the blocks by new accounts; check for a filter change before suspecting an attack.`;
}

/** Writes the incident record of an analysed alert run: what happened, impact, hypothesis, evidence, actions. */
export function narrateAlertRun(a: AlertRunAnalysis): Incident {
  const {start, end, peak, figures: f, largest, baselineDays} = a;
  const dates = start === end ? start : `${start} to ${end}`;
  const zText = Number.isFinite(peak.z) ? `${formatNumber(peak.z, 1)} standard deviations above` : "far above (the baseline was flat)";
  const actions = [
    {action: largest && a.signs.coordinated ? `Escalate the ${largest.size} accounts of the linked component to investigations; hold enforcement for review` : "Sample 50 of the blocked attempts for a precision audit of the filter", owner: "T&S investigations", due: addDays(end, 1)},
    {action: a.signs.young ? "Apply the new-account message rate limit while the spike lasts" : "Check the filter's recent configuration changes", owner: "Product safety / engineering", due: addDays(end, 3)},
    {action: "Retrain or re-threshold the detector on data including the incident, and backtest the alert", owner: "Protection science", due: addDays(end, 14)},
    {action: "Write the post-incident review and add the pattern to the reviewer playbook", owner: "T&S operations", due: addDays(end, 14)}
  ];
  return {
    id: `INC-SCI-${start.replace(/-/g, "")}`,
    title: `${peak.label} spike ${dates}`,
    severity: "high",
    start,
    end,
    detected: start,
    whatHappened: `${peak.label} reached ${peak.value < 1 ? formatNumber(peak.value, 3) : formatCount(peak.value)} on ${peak.date}, ${zText} its ${baselineDays}-day baseline of ${formatNumber(peak.baseline, peak.baseline < 1 ? 3 : 1)}; ${a.run.length} high-severity alert${a.run.length === 1 ? "" : "s"} fired (${a.metrics.join(", ")}).`,
    impact: `${formatCount(a.blocks)} content attempts were blocked over ${a.windowDays} day${a.windowDays === 1 ? "" : "s"}, about ${formatCount(f.extraBlocks)} more than the baseline of ${formatNumber(a.blocksPerDay, 1)} a day, from ${f.blockedAccounts} accounts.`,
    hypothesis: hypothesisOf(a),
    evidence: [
      `${f.blockedAccounts} accounts blocked; the top component holds ${largest ? `${largest.accounts} of them (component of ${largest.size})` : "none of them"}.`,
      `Blocks from accounts younger than ${YOUNG_DAYS} days: ${formatPercent(f.youngShare, 0)}.`,
      `Direct messages: ${formatPercent(f.messagingShare, 0)} of content attempts in the window, ${formatPercent(f.baselineMessagingShare, 0)} in the baseline.`
    ],
    actions,
    metricsToWatch: ["Policy blocks and block rate (core_day_metrics) against the 14-day baseline", "Blocks by accounts younger than 30 days", "Messages to accounts younger than 7 days", "Detector precision on the review queue's decisions"],
    alerts: a.run,
    figures: f,
    groundTruth: a.groundTruth
  };
}
