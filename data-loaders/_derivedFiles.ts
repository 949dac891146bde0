import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {incidentViews} from "../src/incident/incidentViews.js";
import type {IncidentReview} from "../src/incident/reviewIncident.js";
import type {Investigation} from "../src/investigate/investigateReportSpike.js";
import type {ExecutiveSummary} from "../src/report/executive.js";
import site from "../observablehq.config.js";
import type {DerivedFile, World} from "./_worldFiles.js";

/*
 * The JSON files derived from the published tables (computed with them, in _writeWorld.ts), as pages
 * read them: with the build's seed and scale, and links only to pages that exist in this build.
 * Producers of _registry.ts.
 */

const DOCS = fileURLToPath(new URL("../docs/", import.meta.url));

/** Whether a page link such as `./incident` names a page of this build. */
const pageExists = (link: string) => existsSync(`${DOCS}${link.replace(/^\.\//, "")}.md`);

/** A derived JSON file of the world cache, parsed. */
async function derivedJson<T = any>(world: World, file: DerivedFile & `${string}.json`): Promise<T> {
  return JSON.parse(Buffer.from(await world.derived(file)).toString("utf8")) as T;
}

/** calibration.json: the reference systems' headline figures, measured on this build's tables (the methodology page). */
export async function calibrationJson(world: World): Promise<string> {
  const figures = await derivedJson(world, "calibration.json");
  return JSON.stringify({seed: world.config.seed, scale: world.config.scale, figures}, null, 2);
}

/** executive.json: the home page's executive summary as of the last simulated day. Links go only to pages that exist. */
export async function executiveJson(world: World): Promise<string> {
  const summary = await derivedJson<ExecutiveSummary>(world, "executive.json");
  // Links made at run time are not rewritten by Framework: give them the .html that static hosts need.
  for (const item of [...summary.priorities, ...summary.incidents]) item.link = pageExists(item.link) ? `${item.link}.html` : "";
  // The analyst's walk, in sidebar order, so the home page links to every page that exists.
  const walk = (site.pages as {name: string; pages: {name: string; path: string}[]}[]).map((section) => ({
    name: section.name,
    pages: section.pages.filter((p) => pageExists(`.${p.path}`)).map((p) => ({name: p.name, link: `.${p.path}.html`}))
  })).filter((section) => section.pages.length > 0);
  return JSON.stringify({...summary, walk}, null, 2);
}

/** incident.json: the postmortem of the world's incident, measured on the published flags. */
export async function incidentJson(world: World): Promise<string> {
  const review = await derivedJson<IncidentReview>(world, "incident.json");
  // Only pages that exist in this build are linked (the ops pages come with their own issue).
  const seeAlso = incidentViews(review).filter((p) => pageExists(p.link));
  return JSON.stringify({seed: world.config.seed, scale: world.config.scale, seeAlso, ...review}, null, 1);
}

/**
 * investigation.json: the "reports up 40% in a week" investigation: its SQL runs at build time, in
 * DuckDB over the published tables (with them, in _writeWorld.ts); the page shows the queries, their
 * results and what follows from them.
 */
export async function investigationJson(world: World): Promise<string> {
  const investigation = await derivedJson<(Investigation & {cohortUsers: number; fullDetailScale: number}) | null>(world, "investigation.json");
  // Null: the data has no event log to investigate (an import without events, cohort or users).
  if (!investigation) return "null";
  // Mitigations link only to pages that exist in this build.
  for (const m of investigation.mitigations) if (m.link && !pageExists(m.link)) delete m.link;
  return JSON.stringify({seed: world.config.seed, scale: world.config.scale, ...investigation}, null, 1);
}

/**
 * experiment.json: the readout of the new-account message rate limit: its SQL runs in DuckDB at build
 * time over the published tables (with them, in _writeWorld.ts), its statistics come from src/stats.
 */
export async function experimentJson(world: World): Promise<string> {
  const readout = await derivedJson<object | null>(world, "experiment.json");
  if (!readout) return "null";
  return JSON.stringify({seed: world.config.seed, scale: world.config.scale, ...readout}, null, 1);
}
