import {tableFromIPC} from "apache-arrow";
import {beforeAll, describe, expect, it} from "vitest";
import {openDuckDB} from "../../data-loaders/_duckdb.js";
import {runPipeline} from "../../data-loaders/_science.js";
import {dedupe} from "../../src/cluster/dedupe.js";
import {toRows} from "../../src/io/readArrow.js";
import {MAX_LISTED_ACCOUNTS, MAX_LISTED_GROUPS} from "../../src/science/boundRows.js";
import {MAX_SCORED_ROWS} from "../../src/science/sampleAccounts.js";
import {sharedTables} from "../support/sharedWorlds.js";

/**
 * The automation page loads five files. Above the bounds of src/science/boundRows.ts they list a
 * deterministic part of their rows, chosen so that what the page shows stays consistent (whole
 * components, every clustered text, the largest groups), and the page's cards read totals over all
 * rows. At scale 8 both bounds apply; the page's data must stay under 2 MB.
 */

const SCALE = 8;
const PAGE_FILES = ["dedup_groups.arrow", "clusters.json", "er.json", "er_accounts.arrow", "er_links.arrow"];

let out: Record<string, string | Uint8Array>;
let snippets: string[];
const rows = (file: string) => toRows(tableFromIPC(out[file] as Uint8Array));
const json = (file: string) => JSON.parse(out[file] as string);

beforeAll(async () => {
  const tables = sharedTables({seed: 42, scale: SCALE});
  snippets = Array.from(tables.snippets.snippet as ArrayLike<string>);
  const db = await openDuckDB({daily_country: tables.daily_country, flags: tables.flags, users: tables.users, rings: tables.rings, cohort: tables.cohort, events: tables.events});
  try {
    out = await runPipeline({seed: 42, scale: SCALE, from: "2025-06-03", to: "2025-08-31"}, tables, db.query);
  } finally {
    db.close();
  }
}, 600_000);

describe(`the automation page's data at scale ${SCALE}`, () => {
  it("stays under 2 MB", () => {
    const bytes = PAGE_FILES.reduce((t, f) => t + (typeof out[f] === "string" ? Buffer.byteLength(out[f] as string) : (out[f] as Uint8Array).byteLength), 0);
    expect(bytes).toBeLessThan(2_000_000);
  });

  it("lists the largest dedup groups and every clustered one; the cards' totals cover every text", () => {
    const clusters = json("clusters.json");
    const groups = rows("dedup_groups.arrow");
    const all = dedupe(snippets);
    expect(clusters.texts).toBe(snippets.length);
    expect(clusters.distinct).toBe(all.sizes.length);
    expect(groups.length).toBeLessThan(clusters.distinct);
    const listed = new Set(groups.map((g) => g.group_id));
    expect(clusters.items.every((g: number) => listed.has(g))).toBe(true);
    // The MAX_LISTED_GROUPS largest (ties by id) are listed: none left out is larger than the smallest of them.
    const largest = Array.from(all.sizes.keys()).sort((a, b) => all.sizes[b] - all.sizes[a] || a - b).slice(0, MAX_LISTED_GROUPS);
    expect(largest.every((g) => listed.has(g))).toBe(true);
    expect(groups.length).toBe(new Set([...largest, ...clusters.items]).size);
    expect(Math.max(...groups.map((g) => g.size))).toBe(Math.max(...all.sizes));
    for (const g of groups) expect(g.size).toBe(all.sizes[g.group_id]);
  });

  it("publishes the exact and near-duplicate shares, the k chosen by silhouette and the spread of its seeded runs", () => {
    const clusters = json("clusters.json");
    expect(clusters.duplicateShare).toBeCloseTo(dedupe(snippets).duplicateShare, 12);
    const nd = clusters.nearDuplicate;
    expect(nd.options).toEqual({shingle: 4, hashes: 64, bands: 16, threshold: 0.5});
    expect(nd.share).toBeCloseTo(1 - nd.groups / clusters.texts, 6);
    // Near-duplicate groups merge exact ones, so they are never more numerous.
    expect(nd.groups).toBeLessThanOrEqual(clusters.distinct);
    expect(nd.share).toBeGreaterThan(clusters.duplicateShare);
    const best = clusters.results.reduce((a: {k: number; silhouette: number}, r: {k: number; silhouette: number}) => (r.silhouette > a.silhouette ? r : a));
    expect(clusters.chosenK).toBe(best.k);
    expect(clusters.stability.k).toBe(clusters.chosenK);
    expect(clusters.stability.runs).toBeGreaterThanOrEqual(20);
    for (const f of ["purity", "purityAll", "silhouette"]) {
      const s = clusters.stability[f];
      expect(s.values).toHaveLength(clusters.stability.runs);
      expect(s.min).toBe(Math.min(...s.values));
      expect(s.max).toBe(Math.max(...s.values));
      expect(s.min).toBeLessThanOrEqual(s.median);
      expect(s.median).toBeLessThanOrEqual(s.max);
    }
    const summary = json("summary.json");
    expect(summary.figures.clustering.k).toBe(clusters.chosenK);
    expect(summary.figures.nearDuplicate.share).toBeCloseTo(nd.share, 6);
  });

  it("lists whole components of linked accounts, with every link of theirs and no other", () => {
    const er = json("er.json");
    const accounts = rows("er_accounts.arrow");
    const links = rows("er_links.arrow");
    expect(accounts.length).toBeLessThanOrEqual(MAX_LISTED_ACCOUNTS);
    expect(accounts.length).toBeLessThan(er.linkedAccounts);
    const inComponent = new Map<number, number>();
    for (const a of accounts) inComponent.set(a.component_id, (inComponent.get(a.component_id) ?? 0) + 1);
    for (const a of accounts) expect(inComponent.get(a.component_id)).toBe(a.component_size);
    expect(inComponent.size).toBeLessThan(er.components);
    const linksOf = new Map<string, number>();
    for (const l of links) linksOf.set(l.user_id, (linksOf.get(l.user_id) ?? 0) + 1);
    expect(accounts.every((a) => linksOf.get(a.user_id) === a.links)).toBe(true);
    expect(links.length).toBe(accounts.reduce((t, a) => t + a.links, 0));
    // Each identifier's accounts are all listed: fan-out equals the listed accounts sharing it.
    const sharing = new Map<string, number>();
    for (const l of links) sharing.set(`${l.via}:${l.identifier}`, (sharing.get(`${l.via}:${l.identifier}`) ?? 0) + 1);
    expect(links.every((l) => sharing.get(`${l.via}:${l.identifier}`) === l.fanout)).toBe(true);
  });
});

/**
 * The detection and enforcement pages load the scored user-days row by row: above MAX_SCORED_ROWS a
 * sample of whole accounts (src/science/sampleAccounts.ts), every abusive user-day among them, whose
 * weights stand for the rest; model.json keeps the build's figures over every user-day.
 */
describe(`the detection and enforcement pages' data at scale ${SCALE}`, () => {
  it("stays under 2 MB, with a sample of about MAX_SCORED_ROWS rows", () => {
    const bytes = (out["scored_user_day.arrow"] as Uint8Array).byteLength + Buffer.byteLength(out["model.json"] as string);
    expect(bytes).toBeLessThan(2_000_000);
    const {sample, test} = json("model.json");
    expect(sample.sampled).toBe(true);
    expect(sample.totalRows).toBe(test.rows);
    expect(sample.rows).toBe(rows("scored_user_day.arrow").length);
    expect(Math.abs(sample.rows - MAX_SCORED_ROWS)).toBeLessThan(0.1 * MAX_SCORED_ROWS);
  });

  it("keeps every abusive user-day and whole accounts, weighted to stand for every user-day", () => {
    const {sample, test} = json("model.json");
    const scored = rows("scored_user_day.arrow");
    expect(scored.filter((d) => d.truth_abusive).length).toBe(test.positives);
    const weightOf = new Map<string, number>();
    for (const d of scored) {
      expect(weightOf.get(d.user_id) ?? d.sample_weight).toBe(d.sample_weight);
      weightOf.set(d.user_id, d.sample_weight);
    }
    expect(new Set(weightOf.values())).toEqual(new Set([1, Math.fround(sample.factor)]));
    expect([...weightOf.values()].filter((w) => w > 1).length).toBe(sample.drawnAccounts);
    // The weighted rows estimate the evaluation user-days (a sample of a thousand accounts: within 5%).
    const estimate = scored.reduce((t, d) => t + d.sample_weight, 0);
    expect(Math.abs(estimate / test.rows - 1)).toBeLessThan(0.05);
  });
});
