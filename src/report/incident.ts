/**
 * Incident records from monitoring: every run of days with a high-severity alert (days at most one
 * day apart merge) becomes an incident with what happened, its impact, a root-cause hypothesis drawn
 * from the data (who was blocked: how young, how linked, through which feature), actions with owners
 * and due dates, and the metrics to watch. The world's own account of those days (ground truth) is
 * attached separately, to grade the hypothesis, never to write it.
 */
import {formatCount, formatNumber, formatPercent} from "../core/format.js";
import type {Alert} from "../detect/monitorAlerts.js";
import {addDays} from "../world/calendar.js";

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
  return runs.map((run) => record(run, input, baselineDays));
}

function record(run: Alert[], input: IncidentInput, baselineDays: number): Incident {
  const start = run[0].date;
  const end = run[run.length - 1].date;
  const inWindow = (d: string) => d >= start && d <= end;
  const baseFrom = addDays(start, -baselineDays);
  const inBaseline = (d: string) => d >= baseFrom && d < start;
  const windowDays = input.days.filter((d) => inWindow(d.date));
  const baseDays = input.days.filter((d) => inBaseline(d.date));
  const blocksPerDay = baseDays.length ? baseDays.reduce((s, d) => s + d.policy_blocks, 0) / baseDays.length : 0;
  const blocks = windowDays.reduce((s, d) => s + d.policy_blocks, 0);
  const extraBlocks = Math.max(0, blocks - blocksPerDay * windowDays.length);
  const share = (ds: readonly IncidentDay[]) => {
    const chats = ds.reduce((s, d) => s + d.chats, 0);
    const all = chats + ds.reduce((s, d) => s + d.uploads, 0);
    return all ? chats / all : NaN;
  };
  const messagingShare = share(windowDays);
  const baselineMessagingShare = share(baseDays);
  // Who was blocked in the window.
  const blockedBy = new Map<string, {blocks: number; young: boolean; newChats: number}>();
  for (const r of input.userDays) {
    if (!inWindow(r.date) || r.policy_blocks === 0) continue;
    const e = blockedBy.get(r.user_id) ?? {blocks: 0, young: false, newChats: 0};
    e.blocks += r.policy_blocks;
    e.young ||= r.account_age_days !== null && r.account_age_days < YOUNG_DAYS;
    e.newChats += r.chats_to_new_accounts;
    blockedBy.set(r.user_id, e);
  }
  const accounts = [...blockedBy.entries()];
  const totalBlocked = accounts.reduce((s, [, e]) => s + e.blocks, 0);
  const youngBlocks = accounts.filter(([, e]) => e.young).reduce((s, [, e]) => s + e.blocks, 0);
  const youngShare = totalBlocked ? youngBlocks / totalBlocked : 0;
  const chatsToNewAccounts = accounts.reduce((s, [, e]) => s + e.newChats, 0);
  const byComponent = new Map<number, {size: number; accounts: number; blocks: number}>();
  for (const [user, e] of accounts) {
    const c = input.componentOf(user);
    if (!c || c.size < 3) continue;
    const x = byComponent.get(c.component) ?? {size: c.size, accounts: 0, blocks: 0};
    x.accounts++;
    x.blocks += e.blocks;
    byComponent.set(c.component, x);
  }
  const largest = [...byComponent.entries()].sort((a, b) => b[1].blocks - a[1].blocks)[0];
  const componentShareOfBlocks = largest && totalBlocked ? largest[1].blocks / totalBlocked : 0;
  const peak = run.reduce((m, a) => (a.z > m.z ? a : m), run[0]);
  const dates = start === end ? start : `${start} to ${end}`;
  const metrics = [...new Set(run.map((a) => a.label.toLowerCase()))];
  const zText = Number.isFinite(peak.z) ? `${formatNumber(peak.z, 1)} standard deviations above` : "far above (the baseline was flat)";

  const clauses: string[] = [];
  if (componentShareOfBlocks >= 0.3) clauses.push(`a coordinated group: ${largest[1].accounts} of the blocked accounts belong to one entity-resolution component of ${largest[1].size} linked accounts and produced ${formatPercent(componentShareOfBlocks, 0)} of the blocks`);
  if (youngShare >= 0.5) clauses.push(`new accounts: ${formatPercent(youngShare, 0)} of the blocks came from accounts younger than ${YOUNG_DAYS} days`);
  if (messagingShare - baselineMessagingShare >= 0.05) clauses.push(`through messaging: direct messages were ${formatPercent(messagingShare, 0)} of content attempts against ${formatPercent(baselineMessagingShare, 0)} in the ${baselineDays} days before`);
  if (chatsToNewAccounts > 0 && youngShare >= 0.5) clauses.push(`aimed at newcomers: the blocked accounts sent ${formatCount(chatsToNewAccounts)} messages to accounts younger than 7 days`);
  const hypothesis = clauses.length
    ? `Abuse by ${clauses.join("; ")}.`
    : `No single group, account age or surface explains the blocks: ${accounts.length} accounts were blocked, ${formatPercent(youngShare, 0)} of the blocks by new accounts; check for a filter change before suspecting an attack.`;

  const actions = [
    {action: largest && componentShareOfBlocks >= 0.3 ? `Escalate the ${largest[1].size} accounts of the linked component to investigations; hold enforcement for review` : "Sample 50 of the blocked attempts for a precision audit of the filter", owner: "T&S investigations", due: addDays(end, 1)},
    {action: youngShare >= 0.5 ? "Apply the new-account message rate limit while the spike lasts" : "Check the filter's recent configuration changes", owner: "Product safety / engineering", due: addDays(end, 3)},
    {action: "Retrain or re-threshold the detector on data including the incident, and backtest the alert", owner: "Protection science", due: addDays(end, 14)},
    {action: "Write the post-incident review and add the pattern to the reviewer playbook", owner: "T&S operations", due: addDays(end, 14)}
  ];
  const truth = input.explain ? [...new Set(run.flatMap((a) => input.explain!(a.date).map((n) => `${n.scenario}: ${n.note}`)))] : [];
  return {
    id: `INC-SCI-${start.replace(/-/g, "")}`,
    title: `${peak.label} spike ${dates}`,
    severity: "high",
    start,
    end,
    detected: start,
    whatHappened: `${peak.label} reached ${peak.value < 1 ? formatNumber(peak.value, 3) : formatCount(peak.value)} on ${peak.date}, ${zText} its ${baselineDays}-day baseline of ${formatNumber(peak.baseline, peak.baseline < 1 ? 3 : 1)}; ${run.length} high-severity alert${run.length === 1 ? "" : "s"} fired (${metrics.join(", ")}).`,
    impact: `${formatCount(blocks)} content attempts were blocked over ${windowDays.length} day${windowDays.length === 1 ? "" : "s"}, about ${formatCount(extraBlocks)} more than the baseline of ${formatNumber(blocksPerDay, 1)} a day, from ${accounts.length} accounts.`,
    hypothesis,
    evidence: [
      `${accounts.length} accounts blocked; the top component holds ${largest ? `${largest[1].accounts} of them (component of ${largest[1].size})` : "none of them"}.`,
      `Blocks from accounts younger than ${YOUNG_DAYS} days: ${formatPercent(youngShare, 0)}.`,
      `Direct messages: ${formatPercent(messagingShare, 0)} of content attempts in the window, ${formatPercent(baselineMessagingShare, 0)} in the baseline.`
    ],
    actions,
    metricsToWatch: ["Policy blocks and block rate (core_day_metrics) against the 14-day baseline", "Blocks by accounts younger than 30 days", "Messages to accounts younger than 7 days", "Detector precision on the review queue's decisions"],
    alerts: run,
    figures: {extraBlocks, blockedAccounts: accounts.length, youngShare, largestComponent: largest ? largest[1].size : 0, largestComponentBlocked: largest ? largest[1].accounts : 0, componentShareOfBlocks, chatsToNewAccounts, messagingShare, baselineMessagingShare},
    groundTruth: truth
  };
}
