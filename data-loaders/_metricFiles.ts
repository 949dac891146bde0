import {tableFromIPC} from "apache-arrow";
import type {SignalUser} from "../src/detect/dailySignals.js";
import {toRows} from "../src/io/readArrow.js";
import {eventsFromRows} from "../src/core/knownEvents.js";
import {computeKpi, meetsTarget} from "../src/metrics/computeKpi.js";
import {KPI_DEFINITIONS} from "../src/metrics/definitions.js";
import {generateInsights} from "../src/metrics/insights.js";
import {measureKpi} from "../src/metrics/kpiFigure.js";
import {crossCount} from "../src/metrics/mixes.js";
import {quarters} from "../src/metrics/periods.js";
import type {RosterRow} from "../src/ops/roster.js";
import {weeklySummary, type WeeklyFlag} from "../src/ops/weeklySummary.js";
import {END_DATE, REGIONS, START_DATE} from "../src/core/constants.js";
import {signalTexts} from "../src/world/signalTexts.js";
import {sampleRate} from "../src/world/tables.js";
import {rewriteSummary} from "./_llm.js";
import {kpiTables, publishedRows} from "./_rows.js";
import type {World} from "./_worldFiles.js";

/*
 * Figures computed from the published tables by the metric layer (src/metrics) and the ops summary
 * (src/ops), with the same functions that pages run. Producers of _registry.ts.
 */

/** kpis.json: every KPI of src/metrics/definitions.ts over the whole half-year, by quarter and by region: the KPI dictionary's values. */
export async function kpisJson(world: World): Promise<string> {
  const {config} = world;
  const tables = await kpiTables(world, sampleRate(config.scale));
  const [q1, q2] = quarters();
  const clean = (x: number) => (Number.isFinite(x) ? x : null);
  const kpis = KPI_DEFINITIONS.map((def) => {
    const figure = measureKpi(def, tables, {from: START_DATE, to: END_DATE});
    const value = figure.value ?? NaN;
    const first = computeKpi(def, tables, q1);
    const last = computeKpi(def, tables, q2);
    return {
      id: def.id,
      value: clean(value),
      figure,
      quarters: [{label: q1.label, value: clean(first)}, {label: q2.label, value: clean(last)}],
      regions: REGIONS.map((region) => ({region, value: clean(computeKpi(def, tables, {region}))})),
      meets: def.target.check && (def.target.check.op === "falling" || def.target.check.op === "rising") ? meetsTarget(def, last, first) : meetsTarget(def, value)
    };
  });
  return JSON.stringify({seed: config.seed, scale: config.scale, kpis}, null, 2);
}

/** insights.json: the APAC KPI dashboard's key insights and recommendations, generated from this build's world for APAC (the APAC KPI dashboard's scope) and for all regions. */
export async function insightsJson(world: World): Promise<string> {
  const {config} = world;
  const tables = {...(await kpiTables(world, sampleRate(config.scale))), known_events: eventsFromRows(await publishedRows(world, "known_events"))};
  const reports = [generateInsights(tables, {region: "APAC"}, "APAC"), generateInsights(tables, {}, "All regions")];
  return JSON.stringify({seed: config.seed, scale: config.scale, reports}, null, 2);
}

/**
 * mix_by_category.json: flags counted by region, category, source and action: the mixes page's source
 * and action mix per category, without shipping every flag. Not by country: the page filters by region
 * only, and a country-level cross-tab this fine would publish counts from 1 to 10 that privacy mode
 * suppresses everywhere else.
 */
export async function mixByCategoryJson(world: World): Promise<string> {
  const flags = toRows(tableFromIPC(await world.table("flags", "arrow")));
  return JSON.stringify({seed: world.config.seed, scale: world.config.scale, rows: crossCount(flags, ["region", "category", "source", "action"])});
}

/**
 * weekly_summary.json: the weekly ops summary of the reporting window's last week
 * (WORKBOOK_FROM/WORKBOOK_TO), generated from the published tables; with an LLM key at build time,
 * also an LLM rewrite of it (see _llm.ts), used only if it passes its checks.
 */
export async function weeklySummaryJson(world: World): Promise<string> {
  const {config} = world;
  // The attack detector's content-similarity signal reads each flag's text, as on the attack page.
  const rows = await publishedRows<WeeklyFlag & {flag_id: number; template_id: number}>(world, "flags");
  const texts = signalTexts(config.seed, rows);
  const report = weeklySummary({
    flags: rows.map((f, i) => ({...f, text: texts[i]})),
    users: await publishedRows<SignalUser>(world, "users"),
    reviewers: await publishedRows<RosterRow>(world, "reviewers")
  }, {from: config.from, to: config.to});
  const rewrite = await rewriteSummary(report);
  if (rewrite.status !== "not_configured") process.stderr.write(`weekly_summary.json: LLM rewrite ${rewrite.status}: ${rewrite.detail}\n`);
  return JSON.stringify({seed: config.seed, scale: config.scale, ...report, rewrite});
}
