import type {KpiFigure} from "../metrics/kpiFigure.js";
import {analyseWeek, type WeeklyInput, type WeeklyOptions} from "./analyseWeek.js";
import {narrateWeek, type Fact, type Risk, type WeeklySection} from "./narrateWeek.js";

export {WEEKLY_KPIS, type WeeklyFlag, type WeeklyInput, type WeeklyOptions} from "./analyseWeek.js";
export type {Fact, Risk, WeeklySection} from "./narrateWeek.js";

/**
 * The weekly ops summary (the T&S ops dashboard's weekly report): top risks with their numbers, the category to
 * watch and why, classifier health, a staffing recommendation from the Erlang C model, and the metric
 * to watch next week. Every number and every choice is computed by analyseWeek from the published
 * tables; narrateWeek only formats them.
 */
export interface WeeklyReport {
  week: {from: string; to: string};
  previousWeek: {from: string; to: string};
  facts: Fact[];
  risks: Risk[];
  sections: WeeklySection[];
  /** The dictionary KPIs the report quotes (src/metrics/definitions.ts), this week and the week before. */
  kpis?: {current: KpiFigure[]; previous: KpiFigure[]};
}

export function weeklySummary(input: WeeklyInput, options: WeeklyOptions = {}): WeeklyReport {
  const a = analyseWeek(input, options);
  const {facts, risks, sections} = narrateWeek(a);
  return {week: a.week, previousWeek: a.previousWeek, facts, risks, sections, kpis: a.kpis};
}

/** The report as plain text: section titles and their sentences. */
export function reportText(report: Pick<WeeklyReport, "week" | "sections">): string {
  return [`Weekly ops summary, ${report.week.from} to ${report.week.to}`, ...report.sections.map((s) => `${s.title}\n${s.items.map((i) => `- ${i}`).join("\n")}`)].join("\n\n");
}
