/**
 * The moderator sessions page's figures: the team's over a range (moderator_days and item_view_days,
 * every session), one moderator's or the team's under the moderator input, and the session sample's
 * charts. Each function takes what one input changes, so a page cell recomputes only what depends on it.
 */
import {formatCount, formatInterval, formatNumber, formatPercent} from "../core/format.js";
import {sessionSampleRate} from "../core/sampling.js";
import {casesQuery} from "../explore/cases.js";
import type {Period} from "../metrics/periods.js";
import {binDurations, type DurationBin} from "./binDurations.js";
import {moderatorsOver, summarizeDays, weeksOver, type DayRow, type DayTotals, type ViewDayRow} from "./moderatorDays.js";
import {qaFigure, sessionsInRange, type QaFigure} from "./sessionsInRange.js";
import {QA_TARGET, relateIdleToAccuracy, type IdleAccuracy, type ModeratorRow, type ReviewerRow} from "./summarizeModerators.js";
import type {WeekSummary} from "./summarizeWeeks.js";

type Row = Record<string, any>;

/** The moderator input's choice of the whole team. */
export const ALL_MODERATORS = "All";

export interface ModeratorsData {
  /** Sessions and their idle periods, one row each (a fixed sample above SESSION_SAMPLE_ROWS sessions). */
  sessions: Row[];
  idle: Row[];
  reviewers: (ReviewerRow & Row)[];
  /** Every session's totals per moderator and day (the team's under a null id), and the days each item was viewed. */
  moderatorDays: DayRow[];
  viewDays: ViewDayRow[];
  /** Moderators with figures of their own: all of them up to DETAILED_MODERATORS, the first that many by id above. */
  listed: string[];
  /** The share of every session that the session sample holds. */
  sessionRate: number;
}

/** The files as loadRows reads them, and the moderators the input lists. */
export function moderatorsData(files: {session_sample: Row[]; idle_sample: Row[]; reviewers: Row[]; moderator_days: Row[]; item_view_days: Row[]}): ModeratorsData {
  const moderatorDays = files.moderator_days as DayRow[];
  return {
    sessions: files.session_sample,
    idle: files.idle_sample,
    reviewers: files.reviewers as (ReviewerRow & Row)[],
    moderatorDays,
    viewDays: files.item_view_days as ViewDayRow[],
    listed: [...new Set(moderatorDays.map((d) => d.reviewer_id).filter((id) => id !== null))].sort() as string[],
    // The team's day rows count every session: the share of them the session sample holds.
    sessionRate: sessionSampleRate(moderatorDays.reduce((n, d) => (d.reviewer_id === null ? n + d.sessions : n), 0))
  };
}

/** What the sample note adds when the input lists fewer moderators than the team has (else ""). */
export function listedModeratorsText({listed, reviewers}: Pick<ModeratorsData, "listed" | "reviewers">): string {
  return listed.length < reviewers.length ? ` The team has ${formatCount(reviewers.length)} moderators; the list holds the first ${formatCount(listed.length)}, whose daily figures are published one by one, and the team's cards count all of them.` : "";
}

export interface TeamFigures {
  range: {from: string; to: string};
  /** The period the cards compare with (the control's choice), or null. */
  previous: Period | null;
  /** The sampled sessions that started in the range. */
  sessions: Row[];
  team: DayTotals;
  weeks: WeekSummary[];
  moderators: ModeratorRow[];
  relation: IdleAccuracy;
}

/** The team's figures over the picked period: they do not depend on the moderator input. */
export function teamFigures(data: ModeratorsData, period: {from: string; to: string; previous: Period | null}): TeamFigures {
  const range = {from: period.from, to: period.to};
  const moderators = moderatorsOver(data.moderatorDays, range, data.reviewers.filter((r) => data.listed.includes(r.reviewer_id)));
  return {
    range,
    previous: period.previous,
    sessions: sessionsInRange(data.sessions as {start_ts: number | Date}[], range) as Row[],
    team: summarizeDays(data.moderatorDays, data.viewDays, range),
    weeks: weeksOver(data.moderatorDays, range),
    moderators,
    relation: relateIdleToAccuracy(moderators)
  };
}

export interface ModeratorFigures {
  all: boolean;
  moderator: string;
  /** "all moderators" or the moderator's id. */
  who: string;
  /** The sampled sessions shown, their durations binned, and their idle periods. */
  shown: Row[];
  durations: DurationBin[];
  idleShown: Row[];
  /** The longest session shown, in minutes. */
  longestMinutes: number;
  /** Totals of every session (whatever the sample the charts count), now and in the compared period. */
  summary: DayTotals;
  before: DayTotals | null;
  weeks: WeekSummary[];
  qaNow: QaFigure;
  qaBefore: QaFigure | null;
  /** The moderator's row of the per-moderator figures (undefined for the team). */
  me: ModeratorRow | undefined;
}

/** One moderator's figures, or the team's for ALL_MODERATORS. */
export function moderatorFigures(data: ModeratorsData, team: TeamFigures, moderator: string): ModeratorFigures {
  const all = moderator === ALL_MODERATORS;
  const shown = all ? team.sessions : team.sessions.filter((s) => s.reviewer_id === moderator);
  const shownIds = new Set(shown.map((s) => s.session_id));
  const summary = all ? team.team : summarizeDays(data.moderatorDays, data.viewDays, team.range, moderator);
  const before = team.previous ? summarizeDays(data.moderatorDays, data.viewDays, team.previous, all ? null : moderator) : null;
  return {
    all,
    moderator,
    who: all ? "all moderators" : moderator,
    shown,
    durations: binDurations(shown.map((s) => s.duration_s)),
    idleShown: data.idle.filter((d) => shownIds.has(d.session_id)),
    longestMinutes: shown.reduce((m, s) => Math.max(m, s.duration_s), 0) / 60,
    summary,
    before,
    weeks: all ? team.weeks : weeksOver(data.moderatorDays, team.range, moderator),
    qaNow: qaFigure(summary.correct, summary.checked),
    qaBefore: before ? qaFigure(before.correct, before.checked) : null,
    me: team.moderators.find((m) => m.reviewer_id === moderator)
  };
}

/** The QA card's drills to the case view: the audited decisions and those that failed, dated by their session's start. */
export function qaDrills({qaNow, all, moderator}: Pick<ModeratorFigures, "qaNow" | "all" | "moderator">, range: {from: string; to: string}): {text: string; address: string}[] {
  if (!(qaNow.checked > 0)) return [];
  const address = (qa: "audited" | "fail") => `./cases.html${casesQuery({...range, dates: "session", qa, reviewer: all ? undefined : moderator})}`;
  return [{text: `Open the ${formatCount(qaNow.checked)} audited decisions`, address: address("audited")}, {text: `Open the ${formatCount(qaNow.checked - qaNow.correct)} that failed QA`, address: address("fail")}];
}

/** What the correlation of idle time and QA pass rate lets one say. */
export function idleAccuracyText({correlation, truthCorrelation}: IdleAccuracy): string {
  if (correlation.upper < 0) return `Moderators who idle more decide less accurately: the correlation is negative and its interval excludes zero. Against the reviewers' true accuracy it is ${formatNumber(truthCorrelation.r, 2)}, so the QA sample sees the real relation.`;
  if (correlation.lower > 0) return "Moderators who idle more decide more accurately here: the correlation is positive and its interval excludes zero.";
  return "With this many moderators the correlation's interval includes zero: no relation can be claimed.";
}

/** The selected moderator's idle share and QA pass rate, or "" for the team. */
export function selectedModeratorText(me: ModeratorRow | undefined): string {
  if (!me) return "";
  return `Selected: ${me.reviewer_id} (${me.hub}) idles ${formatPercent(me.idleShare)} of session time and passes QA on ${formatPercent(me.qaPass)} of ${formatCount(me.checked)} decisions (95% CI ${formatInterval(me.qaLower, me.qaUpper, "percent")}${me.checked < 30 ? ", a small sample" : ""}; true accuracy ${formatPercent(me.accuracy)}).`;
}

/** Moderators below the QA reference with confidence: their interval's top under it. */
export function belowTarget(moderators: readonly ModeratorRow[]): number {
  return moderators.filter((m) => m.qaUpper < QA_TARGET).length;
}

/** The per-moderator table's rows: each moderator's figures and their QA interval as text. */
export function moderatorRows(moderators: readonly ModeratorRow[]): (ModeratorRow & {qaInterval: string})[] {
  return moderators.map((m) => ({...m, qaInterval: `${formatInterval(m.qaLower, m.qaUpper, "percent")}${m.checked < 30 ? " (small sample)" : ""}`}));
}
