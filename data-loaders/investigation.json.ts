import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {parseConfig} from "../src/config.js";
import {investigateReportSpike} from "../src/investigate/investigateReportSpike.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables, FULL_DETAIL_SCALE, sampleRate} from "../src/world/tables.js";
import {openDuckDB} from "./_duckdb.js";
import {publishOptions} from "./_publish.js";

/**
 * The "reports up 40% in a week" investigation: its SQL runs here, at build time, in DuckDB over the
 * published tables; the page shows the queries, their results and what follows from them.
 */
try {
  const config = parseConfig(process.env);
  const tables = buildTables(simulate(config), publishOptions());
  const db = await openDuckDB({daily_country: tables.daily_country, flags: tables.flags, users: tables.users, rings: tables.rings, cohort: tables.cohort, events: tables.events});
  let investigation;
  try {
    investigation = await investigateReportSpike(db.query, {flagWeight: 1 / sampleRate(config.scale)});
  } finally {
    db.close();
  }
  // Mitigations link only to pages that exist in this build.
  const docs = fileURLToPath(new URL("../docs/", import.meta.url));
  for (const m of investigation.mitigations) if (m.link && !existsSync(`${docs}${m.link.replace(/^\.\//, "")}.md`)) delete m.link;
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, cohortUsers: tables.cohort.user_id.length, fullDetailScale: FULL_DETAIL_SCALE, ...investigation}, null, 1));
} catch (error) {
  process.stderr.write(`loader investigation.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
