import {NONE} from "../core/format.js";
import type {KpiFigure} from "../metrics/kpiFigure.js";
import type {Fact, WeeklyReport} from "./weeklySummary.js";

/**
 * The weekly ops summary page's reading of weekly_summary.json: its facts and KPIs by id, what became
 * of the optional LLM rewrite, and the rewrite's text cut into headings, paragraphs and lists.
 */

/** What the loader's optional LLM rewrite came to (data-loaders/_llm.ts). */
export interface WeeklyRewrite {
  status: "not_configured" | "used" | "rejected" | "failed";
  detail: string;
  text?: string;
}

/** weekly_summary.json: the report, the world it was built from, and the rewrite. */
export interface WeeklyFile extends WeeklyReport {
  seed: number;
  scale: number;
  rewrite: WeeklyRewrite;
}

/** A fact of the report by id, or a missing value ("–") when the report has none by that id. */
export function weeklyFact(report: Pick<WeeklyReport, "facts">, id: string): Pick<Fact, "value" | "text" | "previous"> {
  return report.facts.find((f) => f.id === id) ?? {value: NaN, text: NONE};
}

/** A dictionary KPI the report quotes, this week ("current") or the week before. */
export function weeklyKpi(report: Pick<WeeklyReport, "kpis">, id: string, when: "current" | "previous" = "current"): KpiFigure {
  const figure = report.kpis?.[when].find((k) => k.id === id);
  if (!figure) throw new Error(`missing weekly KPI: ${id} (${when})`);
  return figure;
}

/** The line above the report: whether an LLM rewrote it, and why not. */
export function rewriteStatusText({status, detail}: WeeklyRewrite): string {
  return {
    not_configured: "Generated from the data. No LLM key was configured at build time, so no rewrite was asked for.",
    used: `Rewritten by an LLM from the generated report (${detail}); every number in it was checked against the generated report, shown below.`,
    rejected: `An LLM rewrite was asked for and rejected (${detail}); this is the generated report.`,
    failed: `An LLM rewrite was asked for and failed (${detail}); this is the generated report.`
  }[status];
}

/** A piece of the rewritten report: a section title, a paragraph, or a list of points. */
export type RewriteBlock = {kind: "title" | "paragraph"; text: string} | {kind: "list"; items: string[]};

/**
 * The rewrite's plain text as blocks: a line that names a section (any case) is its title, lines
 * starting with "- " are the points of one list until another line comes, and any other line is a
 * paragraph. Blank lines and surrounding spaces are dropped.
 */
export function rewriteBlocks(text: string, titles: readonly string[]): RewriteBlock[] {
  const named = new Set(titles.map((t) => t.toLowerCase()));
  const blocks: RewriteBlock[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const last = blocks[blocks.length - 1];
    if (line.startsWith("- ")) {
      if (last?.kind === "list") last.items.push(line.slice(2));
      else blocks.push({kind: "list", items: [line.slice(2)]});
    } else blocks.push({kind: named.has(line.toLowerCase()) ? "title" : "paragraph", text: line});
  }
  return blocks;
}
