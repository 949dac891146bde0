import {formatCount, formatPercent} from "../core/format.js";
import type {Row} from "./computeKpi.js";

/** One part of a 100% stacked bar: its count and its share of the group's total. */
export interface MixPart {
  group: string;
  part: string;
  count: number;
  share: number;
  /** The group's total: the share's denominator. */
  total: number;
}

/**
 * Shares of parts within groups, from summed counts (never averages of daily shares, which weight a
 * quiet day like a busy one). `parts` maps a part name to the column holding its count; `groupOf`
 * gives each row's group. Groups whose total is zero are left out.
 */
export function mixBy(rows: readonly Row[], groupOf: (row: Row) => string, parts: Readonly<Record<string, string>>): MixPart[] {
  const sums = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const g = groupOf(r);
    let acc = sums.get(g);
    if (!acc) sums.set(g, (acc = new Map(Object.keys(parts).map((p) => [p, 0]))));
    for (const [part, column] of Object.entries(parts)) {
      const v = r[column];
      if (typeof v === "number" && Number.isFinite(v)) acc.set(part, acc.get(part)! + v);
    }
  }
  const out: MixPart[] = [];
  for (const [group, acc] of sums) {
    const total = [...acc.values()].reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    for (const [part, count] of acc) out.push({group, part, count, share: count / total, total});
  }
  return out;
}

export interface MixPartNames {
  /** What the shares are of: "reports". */
  of: string;
  /** How the group and the part read: "Singapore", "Spam". */
  group?: string;
  part?: string;
}

/** A part of a mix as a reader's sentence: "Singapore: Spam\n23.2% of reports (587 of 2,530)". */
export function describeMixPart(d: MixPart, {of, group = d.group, part = d.part}: MixPartNames): string {
  return `${group}: ${part}\n${formatPercent(d.share)} of ${of} (${formatCount(d.count)} of ${formatCount(d.total)})`;
}

/** Counts of flags by two fields (e.g. category × source), for a build-time cross-tab. */
export function crossCount(rows: readonly Row[], fields: readonly string[]): Record<string, unknown>[] {
  const counts = new Map<string, {key: unknown[]; n: number}>();
  for (const r of rows) {
    const key = fields.map((f) => r[f]);
    const k = JSON.stringify(key);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, {key, n: 1});
  }
  return [...counts.keys()].sort().map((k) => {
    const {key, n} = counts.get(k)!;
    return {...Object.fromEntries(fields.map((f, i) => [f, key[i]])), n};
  });
}
