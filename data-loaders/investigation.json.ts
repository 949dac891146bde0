import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {parseConfig} from "../src/config.js";
import type {Investigation} from "../src/investigate/investigateReportSpike.js";
import {derivedJson} from "./_publish.js";

/**
 * The "reports up 40% in a week" investigation: its SQL runs at build time, in DuckDB over the
 * published tables (with them, in data-loaders/_writeWorld.ts); the page shows the queries, their
 * results and what follows from them.
 */
try {
  const config = parseConfig(process.env);
  const investigation = await derivedJson<Investigation & {cohortUsers: number; fullDetailScale: number}>(config, "investigation.json");
  // Mitigations link only to pages that exist in this build.
  const docs = fileURLToPath(new URL("../docs/", import.meta.url));
  for (const m of investigation.mitigations) if (m.link && !existsSync(`${docs}${m.link.replace(/^\.\//, "")}.md`)) delete m.link;
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, ...investigation}, null, 1));
} catch (error) {
  process.stderr.write(`loader investigation.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
