/**
 * The moderator sessions page's controls, cards, colours and table (pages/moderators.md), over the
 * figures of src/moderation/moderatorsView.ts, and the charts it draws, so that the page imports one
 * module of components.
 */
import {html} from "htl";
import * as Inputs from "@observablehq/inputs";
import {formatCount, formatHours, formatInterval, formatNumber, formatPercent} from "../lib/core/format.js";
import {SESSION_SAMPLE} from "../lib/io/contracts.js";
import {QA_TARGET} from "../lib/moderation/summarizeModerators.js";
import {qaOverlap} from "../lib/moderation/sessionsInRange.js";
import {ALL_MODERATORS, moderatorRows, qaDrills, type ModeratorFigures, type TeamFigures} from "../lib/moderation/moderatorsView.js";
import type {ModeratorRow} from "../lib/moderation/summarizeModerators.js";
import {downloadButtons} from "./download.js";
import {statCard} from "./kpiCard.js";
import {needsCard} from "./needsCard.js";
import {SOUND_NEED} from "../lib/io/import/needs.js";
import {countBarChart} from "./countBarChart.js";
import {donutChart} from "./donutChart.js";
import {linked} from "./urlState.js";

export {periodControl} from "./periodControl.js";
export {periodNote} from "./periodNote.js";
export {sampleNote} from "./sampleNote.js";
export {countBarChart} from "./countBarChart.js";
export {donutChart} from "./donutChart.js";
export {durationBinsChart} from "./durationBinsChart.js";
export {idleHistogramChart} from "./idleHistogramChart.js";
export {uniqueItemsChart} from "./uniqueItemsChart.js";
export {weeklyModerationChart} from "./weeklyModerationChart.js";
export {qaPassChart} from "./qaPassChart.js";
export {idleAccuracyChart} from "./idleAccuracyChart.js";

/** Colours and labels of an item view's completion status, decision key and sound setting. */
export const statusColor = {domain: ["completed", "partial", "not_started"], range: ["#3ca951", "#efb118", "#9498a0"], tickFormat: (s: string) => ({completed: "Completed", partial: "Partial", not_started: "Not started"})[s] ?? s};
export const decisionColor = {domain: ["accept", "reject", "none"], range: ["#b2182b", "#4269d0", "#c8c8c8"], tickFormat: (s: string) => ({accept: "Accept (enforce)", reject: "Reject (dismiss)", none: "No decision (context)"})[s] ?? s};
export const soundColor = {domain: [true, false], range: ["#6a3d9a", "#97bbf5"], tickFormat: (m: boolean) => (m ? "Muted" : "Sound on")};

/** The moderator shown, in the URL as `moderator`: the team or one of the listed moderators. */
export function moderatorInput(listed: readonly string[]): HTMLElement & {value: string} {
  return linked("moderator", Inputs.select([ALL_MODERATORS, ...listed], {label: "Moderator", value: ALL_MODERATORS}));
}

/** Sessions, unique items, decisions per hour and the QA pass rate, against the compared period. */
export function moderatorCards(view: ModeratorFigures, team: Pick<TeamFigures, "team" | "range">): HTMLElement[] {
  const {summary: cards, before, qaNow, qaBefore, all, who} = view;
  return [
    statCard({title: `Sessions, ${who}`, value: cards.sessions, kind: "count", goodWhen: "neutral", previous: before?.sessions, format: formatCount, note: `${formatHours(cards.hours, 0)} in the review tool`}),
    statCard({title: "Total item count (unique items viewed)", value: cards.uniqueItems, kind: "count", goodWhen: "neutral", previous: before?.uniqueItems, format: formatCount, note: `${formatCount(cards.itemViews)} item views, ${formatCount(cards.cases)} of them decided`}),
    statCard({title: "Decisions per session hour", value: cards.decisionsPerHour, kind: "level", goodWhen: "neutral", previous: before?.decisionsPerHour, format: (x) => formatNumber(x, 2), note: all ? "Cases decided / hours in sessions" : `Team: ${formatNumber(team.team.decisionsPerHour, 2)}`}),
    statCard({title: "QA pass rate of session decisions", value: qaNow.value, kind: "share", goodWhen: "up", previous: qaBefore?.value, format: (x) => formatPercent(x), note: `${formatCount(qaNow.correct)} of ${formatCount(qaNow.checked)} decisions agree with the truth (95% CI ${formatInterval(qaNow.lower, qaNow.upper, "percent")})${qaNow.small ? "; fewer than 30 decisions: a small sample" : ""}${qaBefore && qaOverlap(qaNow, qaBefore) ? "; the intervals overlap: not a clear change" : ""}. All severities; the ${formatPercent(QA_TARGET, 0)} reference is the dictionary’s high-severity target`, drills: qaDrills(view, team.range)})
  ];
}

/** Each listed moderator's figures, lowest QA pass rate first. */
export function moderatorTable(moderators: readonly ModeratorRow[]): HTMLElement {
  return Inputs.table(moderatorRows(moderators), {
    columns: ["reviewer_id", "hub", "sessions", "cases", "decisionsPerHour", "idleShare", "checked", "qaPass", "qaInterval", "accuracy"],
    header: {reviewer_id: "Moderator", hub: "Hub", sessions: "Sessions", cases: "Decisions", decisionsPerHour: "Decisions / h", idleShare: "Idle share", checked: "QA checked", qaPass: "QA pass", qaInterval: "QA 95% CI", accuracy: "True accuracy"},
    format: {sessions: formatCount, cases: formatCount, checked: formatCount, decisionsPerHour: (x) => formatNumber(x, 2), idleShare: (x) => formatPercent(x), qaPass: (x) => formatPercent(x), accuracy: (x) => formatPercent(x)},
    sort: "qaPass",
    layout: "auto",
    select: false
  });
}

/** CSV and Arrow buttons for the sampled sessions shown. */
export function sessionsDownload({shown, all, moderator}: Pick<ModeratorFigures, "shown" | "all" | "moderator">, sessionRate: number): HTMLElement {
  return downloadButtons(shown, SESSION_SAMPLE, {filename: all ? "session_sample" : `session_sample_${moderator}`, label: sessionRate < 1 ? "sampled sessions" : "sessions"});
}

/**
 * The sound status cards (a donut and counts), or, when the data does not record the sound (an import
 * without session_items.sound_muted), the card that says what would enable them.
 */
export function soundCards(summary: {sound: {muted: boolean; count: number}[] | null; mutedShare: number}, resize: (render: (width: number) => Node) => HTMLElement): HTMLElement {
  const sound = summary.sound;
  if (!sound) return html`<div class="grid grid-cols-1">${needsCard("Sound status", SOUND_NEED)}</div>`;
  const [muted, on] = sound.map((s) => s.count);
  return html`<div class="grid grid-cols-2">
    <div class="card"><h2>Sound status</h2><h3>${`${formatCount(muted + on)} item views: ${formatCount(muted)} muted, ${formatCount(on)} with sound (${formatPercent(summary.mutedShare)} muted)`}</h3>
    ${resize((width) => donutChart(sound, {width: Math.min(width, 460), label: "muted", color: soundColor, centre: `${formatPercent(summary.mutedShare, 0)} muted`}))}</div>
    <div class="card"><h2>Sound status, counts</h2><h3>Item views by sound setting</h3>
    ${resize((width) => countBarChart(sound, {width, x: "muted", color: soundColor, label: "Item views"}))}</div>
  </div>`;
}
